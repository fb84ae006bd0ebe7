"use client";

// A modal on the browser's own <dialog> (showModal: the page behind is inert, Escape closes,
// focus moves in), for the review page, where Radix's dialog would weigh on the first load.
// Mounted while open; on close, focus goes back to what had it before (or `returnFocus`).
import { useEffect, useId, useRef, type ReactNode } from "react";

export function NativeDialog({ title, onClose, children, returnFocus }: { title: string; onClose(): void; children: ReactNode; returnFocus?: () => HTMLElement | null | undefined }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      const target = returnFocus?.() ?? before;
      target?.focus({ preventScroll: true });
    };
    // Opened once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="max-h-[90vh] w-[calc(100vw-2rem)] max-w-xl overflow-y-auto rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="mb-3 flex items-start justify-between gap-3">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <button type="button" onClick={onClose} className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
