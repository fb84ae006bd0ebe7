"use client";

// Warns before leaving a page with unsaved form changes: the browser's own prompt when the
// page is closed or reloaded (beforeunload), and a confirm() before following a link inside
// the app (the App Router has no navigation event to cancel). One listener pair for all the
// forms of a page: each form marks itself dirty or clean under its own key.
import { useEffect, useId } from "react";

export const LEAVE_MESSAGE = "You have unsaved changes. Leave this page without saving them?";

const dirty = new Set<string>();

function onBeforeUnload(e: BeforeUnloadEvent) {
  e.preventDefault();
}

function onClick(e: MouseEvent) {
  const link = (e.target as Element | null)?.closest?.("a[href]");
  if (!link || e.defaultPrevented || link.getAttribute("target") === "_blank") return;
  if (!window.confirm(LEAVE_MESSAGE)) {
    e.preventDefault();
    e.stopPropagation();
  } else {
    dirty.clear();
    sync();
  }
}

function sync() {
  if (dirty.size > 0) {
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
  } else {
    window.removeEventListener("beforeunload", onBeforeUnload);
    window.removeEventListener("click", onClick, true);
  }
}

export function useUnsavedChangesGuard(isDirty: boolean): void {
  const key = useId();
  useEffect(() => {
    if (isDirty) dirty.add(key);
    else dirty.delete(key);
    sync();
    return () => {
      dirty.delete(key);
      sync();
    };
  }, [isDirty, key]);
}
