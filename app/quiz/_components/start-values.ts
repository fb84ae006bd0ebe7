// The start form's values, checked in the browser with messages in the learner's terms
// (the server checks again and its messages are shown too; see start-quiz-form.tsx).
import { timeLimitSeconds } from "@/app/_components/time-limit-fields";
import type { CreateAttempt } from "@/lib/api/quiz";
import { MAX_QUESTIONS, MIN_QUESTIONS } from "@/lib/api/quiz";

export const MIN_TIME_SEC = 10;
export const MAX_TIME_SEC = 7200;

export type StartValues = { source: "deck" | "at-risk"; deckId: string; count: string; minutes: string; seconds: string };
export type StartField = "deckId" | "count" | "time";
export type StartErrors = Partial<Record<StartField, string>>;

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

export const COUNT_MESSAGE = `Number of questions must be a whole number from ${MIN_QUESTIONS} to ${MAX_QUESTIONS}.`;
export const TIME_MESSAGE = "The time limit must be from 10 seconds to 2 hours (120 minutes), in whole minutes and seconds.";

export function checkStart(v: StartValues): { ok: true; body: CreateAttempt } | { ok: false; errors: StartErrors } {
  const errors: StartErrors = {};
  if (v.source === "deck" && !v.deckId) errors.deckId = "Choose a deck.";
  const count = wholeNumber(v.count);
  if (count === null || count < MIN_QUESTIONS || count > MAX_QUESTIONS) errors.count = COUNT_MESSAGE;
  const total = timeLimitSeconds(v.minutes, v.seconds);
  if (total === null || total < MIN_TIME_SEC || total > MAX_TIME_SEC) errors.time = TIME_MESSAGE;
  if (Object.keys(errors).length > 0 || count === null || total === null) return { ok: false, errors };
  return {
    ok: true,
    body: v.source === "deck" ? { deckId: v.deckId, count, timeLimitSec: total } : { source: "at-risk", count, timeLimitSec: total },
  };
}

/** The server's per-field messages (keyed by request field) placed next to the form's inputs. */
export function serverFieldErrors(fields: Record<string, string>): StartErrors {
  const errors: StartErrors = {};
  if (fields.count) errors.count = COUNT_MESSAGE;
  if (fields.timeLimitSec) errors.time = TIME_MESSAGE;
  if (fields.deckId) errors.deckId = "Choose a deck from the list.";
  return errors;
}
