"use client";

// Signing out without next-auth's client library (12 kB gzip on every page for one call):
// the same two requests its signOut() makes. next-auth's sign-out event ends every session
// of the user (lib/auth/revocation.ts) before it clears the cookie.
import { useState } from "react";

// Checked by hand rather than with zod: this is in the layout, so on every page's bundle.
async function csrfToken(): Promise<string> {
  const body: unknown = await (await fetch("/api/auth/csrf", { cache: "no-store" })).json();
  const token = typeof body === "object" && body !== null && "csrfToken" in body ? body.csrfToken : undefined;
  if (typeof token !== "string") throw new Error("no CSRF token");
  return token;
}

export function SignOutButton({ className }: { className: string }) {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl: "/signin", json: "true" }),
      });
    } catch {
      // Not signed out: the reload below shows the page still signed in.
    } finally {
      // A full load, so the server renders the signed-out page (or, if the request failed,
      // the still signed-in one: never a page that merely looks signed out).
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load is the point
      window.location.assign("/signin");
    }
  }
  return (
    <button type="button" className={className} disabled={busy} onClick={() => void signOut()}>
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
