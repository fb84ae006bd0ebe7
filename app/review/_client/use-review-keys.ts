"use client";

// Anki's keys: Space shows the answer, 1–4 grade it, U or Ctrl+Z (⌘Z) undoes; for the card
// in front, - buries it until tomorrow, @ (or !) suspends it, I opens its card info, and
// F opens the form to report a problem with it.
import { useEffect, useEffectEvent } from "react";
import type { Rating } from "@/lib/api/review";

/** Typing somewhere (a search box, a menu's typeahead) must never grade a card. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest("input, textarea, select, dialog, [role='menu'], [role='dialog'], [role='listbox']")) return true;
  return false;
}

export type CardKeyAction = "bury" | "suspend" | "info" | "flag";
const CARD_KEYS: Record<string, CardKeyAction> = { "-": "bury", "@": "suspend", "!": "suspend", i: "info", I: "info", f: "flag", F: "flag" };

export function useReviewKeys(handlers: { revealed: boolean; onReveal(): void; onGrade(rating: Rating): void; onUndo(): void; onCard(action: CardKeyAction): void }) {
  const onKeyDown = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented || isTypingTarget(e.target)) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "z") {
      e.preventDefault();
      if (!e.repeat) handlers.onUndo();
      return;
    }
    if (mod || e.altKey) return;
    // Holding a key down must not grade a run of cards.
    if (e.repeat) {
      if (e.key === " ") e.preventDefault();
      return;
    }
    if (e.key === " " || e.code === "Space") {
      // Once the answer shows, Space is left alone so it can press a focused button.
      if (!handlers.revealed) {
        e.preventDefault();
        handlers.onReveal();
      }
      return;
    }
    if (e.key === "u" || e.key === "U") {
      e.preventDefault();
      handlers.onUndo();
      return;
    }
    const card = CARD_KEYS[e.key];
    if (card) {
      e.preventDefault();
      handlers.onCard(card);
      return;
    }
    if (handlers.revealed && /^[1-4]$/.test(e.key)) {
      e.preventDefault();
      handlers.onGrade(Number(e.key) as Rating);
    }
  });

  useEffect(() => {
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
