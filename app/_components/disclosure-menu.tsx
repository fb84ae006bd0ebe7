"use client";

// A menu built on the native <details>/<summary> disclosure: the browser gives it its button
// role, expanded state and keyboard handling without a dropdown library on every page. This
// component only adds what a menu is expected to do besides: close on Escape (focus back on
// its button), on a click outside, on choosing a link, and when the route changes.
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

export function DisclosureMenu({
  summary,
  summaryClassName,
  panelClassName,
  className = "",
  children,
}: {
  summary: ReactNode;
  summaryClassName: string;
  panelClassName: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !details.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (details.open && !details.contains(e.target as Node)) details.open = false;
    };
    const onClick = (e: MouseEvent) => {
      if ((e.target as Element).closest("a")) details.open = false;
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    details.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
      details.removeEventListener("click", onClick);
    };
  }, []);

  return (
    <details ref={ref} className={`relative ${className}`}>
      <summary className={`cursor-pointer list-none [&::-webkit-details-marker]:hidden ${summaryClassName}`}>{summary}</summary>
      <div className={panelClassName}>{children}</div>
    </details>
  );
}
