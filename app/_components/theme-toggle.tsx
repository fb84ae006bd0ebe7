"use client";

import { useSyncExternalStore } from "react";

// The theme lives on <html class="dark">, set before paint by ThemeScript; read it as an
// external store so the button agrees with it without a hydration mismatch.
function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

export function ThemeToggle() {
  const dark = useSyncExternalStore<boolean | null>(
    subscribe,
    () => document.documentElement.classList.contains("dark"),
    () => null,
  );
  if (dark === null) return <span className="inline-block w-24" aria-hidden />;
  return (
    <button
      type="button"
      className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
      onClick={() => {
        document.documentElement.classList.toggle("dark", !dark);
        localStorage.setItem("theme", dark ? "light" : "dark");
      }}
    >
      {dark ? "Light theme" : "Dark theme"}
    </button>
  );
}
