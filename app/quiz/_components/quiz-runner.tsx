"use client";

// Taking a quiz: one question at a time with a navigator (issue 15: ten questions were a
// 4,400 px page), a countdown to the server's deadline, one POST per answer (one click or
// key 1–4 for multiple choice, Enter for a typed year), and a submit (by the learner, or by the clock at zero) that leads to
// the results page. Nothing here ever holds an answer key: the API sends none before the
// attempt has ended.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import type { AttemptDto } from "@/lib/api/quiz";
import { Alert, Button } from "../../_components/ui";
import { fetchAttempt, sendAnswer, submitAttempt, type Outcome } from "./api";
import { clockInWords, formatClock } from "./clock";
import { ChronologyQuestion, McqQuestion, TypedYearQuestion, type PublicQuestion, type QuestionState } from "./questions";
import { useQuizClock } from "./use-quiz-clock";

type Phase = { kind: "running" } | { kind: "submitting"; reason: "time" | "learner" | "ended" } | { kind: "failed"; message: string };

const ALREADY_ANSWERED = "This question had already been answered (in another tab or window, perhaps). The first answer is the one that counts.";
const SUBMIT_RETRIES = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function initialStates(attempt: AttemptDto): Record<string, QuestionState> {
  return Object.fromEntries(attempt.questions.map((q) => [q.id, q.answered ? { status: "answered" } : { status: "open" }]));
}

const isDone = (s: QuestionState | undefined) => s?.status === "saved" || s?.status === "answered";

export function QuizRunner({ attempt }: { attempt: AttemptDto }) {
  const router = useRouter();
  const id = attempt.id;
  const total = attempt.questions.length;
  const [states, setStates] = useState(() => initialStates(attempt));
  const [phase, setPhase] = useState<Phase>({ kind: "running" });
  const [confirming, setConfirming] = useState(false);
  const [current, setCurrent] = useState(() => Math.max(0, attempt.questions.findIndex((q) => !q.answered)));
  const pending = useRef(new Set<Promise<unknown>>());
  const finishing = useRef(false);

  const setState = (questionId: string, state: QuestionState) => setStates((all) => ({ ...all, [questionId]: state }));

  /** Ends the attempt on the server (idempotent) and opens the results. */
  const finish = useCallback(
    async (reason: "time" | "learner" | "ended") => {
      if (finishing.current) return;
      finishing.current = true;
      setConfirming(false);
      setPhase({ kind: "submitting", reason });
      // Answers already on their way go first: they were confirmed in time.
      await Promise.allSettled([...pending.current]);
      let last: Outcome<unknown> | null = null;
      for (let i = 0; i < SUBMIT_RETRIES; i++) {
        last = await submitAttempt(id);
        if (last.ok) {
          router.replace(`/quiz/${id}/results`);
          return;
        }
        // Only a lost connection or a server hiccup is worth another try.
        if (last.status !== 0 && last.status < 500) break;
        await sleep(1000 * (i + 1));
      }
      finishing.current = false;
      setPhase({ kind: "failed", message: last && !last.ok ? last.message : "The quiz could not be submitted." });
    },
    [id, router],
  );

  const clock = useQuizClock(attempt.deadline, attempt.serverNow, () => void finish("time"));
  const { correct } = clock;

  /** Brings the page up to date with the server: its clock, answered questions, an ended attempt. */
  const sync = useCallback(async () => {
    const fresh = await fetchAttempt(id);
    if (!fresh.ok) return fresh;
    correct(fresh.data.serverNow, fresh.sentAt, fresh.receivedAt);
    setStates((all) => {
      const next = { ...all };
      for (const q of fresh.data.questions) if (q.answered && !isDone(next[q.id])) next[q.id] = { status: "answered" };
      return next;
    });
    if (fresh.data.finished) void finish("ended");
    return fresh;
  }, [id, correct, finish]);

  // On arrival and whenever the tab comes back into view (timers sleep in hidden tabs).
  useEffect(() => {
    const first = setTimeout(() => void sync(), 0);
    const onVisible = () => {
      if (document.visibilityState === "visible") void sync();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearTimeout(first);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [sync]);

  const running = phase.kind === "running" && clock.leftMs > 0;
  const answeredCount = attempt.questions.filter((q) => isDone(states[q.id])).length;
  const unanswered = total - answeredCount;

  /** After an answer is saved: on to the next open question (its heading takes focus), or to Submit when none is left. */
  function moveOn(questionId: string, done: Record<string, QuestionState>) {
    const from = attempt.questions.findIndex((q) => q.id === questionId);
    const ordered = [...attempt.questions.slice(from + 1), ...attempt.questions.slice(0, from)];
    const next = ordered.find((q) => !isDone(done[q.id]));
    if (next) goTo(attempt.questions.indexOf(next));
    else requestAnimationFrame(() => document.getElementById("submit-quiz")?.focus());
  }

  function goTo(index: number) {
    setCurrent(index);
    const q = attempt.questions[index];
    if (q) requestAnimationFrame(() => document.getElementById(`question-${q.id}`)?.focus());
  }

  async function answer(q: PublicQuestion, value: unknown, shown: string) {
    if (!running || states[q.id]?.status === "sending") return;
    setState(q.id, { status: "sending" });
    const request = sendAnswer(id, q.id, value);
    pending.current.add(request);
    const res = await request.finally(() => pending.current.delete(request));
    if (res.ok) {
      setState(q.id, { status: "saved", shown });
      moveOn(q.id, { ...states, [q.id]: { status: "saved", shown } });
      return;
    }
    if (res.status === 409) {
      // Refused: answered before, submitted elsewhere, or past the deadline. Ask the server which.
      const fresh = await sync();
      const known = fresh.ok ? fresh.data.questions.find((x) => x.id === q.id) : undefined;
      if (fresh.ok && !fresh.data.finished && known?.answered) {
        // Stays on screen so the note is read; the navigator moves on.
        setState(q.id, { status: "answered", note: ALREADY_ANSWERED });
        return;
      }
    }
    setState(q.id, { status: "open", error: res.status === 0 ? "Could not reach the server, so your answer was not saved. Check your connection and answer again." : res.message });
  }

  const shown = attempt.questions[current];
  const shownState = shown ? (states[shown.id] ?? { status: "open" }) : undefined;
  // Keys 1–4 answer the multiple-choice question on screen (not while typing in a field).
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !shown || shown.type !== "mcq" || shownState?.status !== "open") return;
    if (e.target instanceof HTMLElement && e.target.closest("input, textarea, select")) return;
    const choice = Number(e.key) - 1;
    const options = (shown.payload as { options?: unknown }).options;
    if (!Number.isInteger(choice) || choice < 0 || !Array.isArray(options) || choice >= options.length) return;
    e.preventDefault();
    void answer(shown, { choice }, String(options[choice]));
  });
  useEffect(() => {
    const handler = (e: KeyboardEvent) => onKey(e);
    window.addEventListener("keydown", handler);
    return () => window.removeEventListener("keydown", handler);
  }, []);

  function onSubmitClick() {
    if (unanswered > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    void finish("learner");
  }

  const low = clock.leftMs <= 10_000;
  const status =
    phase.kind === "submitting"
      ? phase.reason === "time"
        ? "Time is up. Submitting your answers…"
        : phase.reason === "ended"
          ? "This quiz has ended. Opening the results…"
          : "Submitting your answers…"
      : "";

  return (
    <div>
      <div className="sticky top-0 z-10 -mx-4 mb-4 flex flex-wrap items-center gap-x-6 gap-y-1 border-b border-slate-200 bg-slate-50/95 px-4 py-2 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <div className="flex items-baseline gap-2">
          <span id="time-left-label" className="text-sm font-medium text-slate-700 dark:text-slate-300">
            Time left
          </span>
          <span
            role="timer"
            aria-labelledby="time-left-label"
            aria-describedby="time-left-words"
            data-testid="time-left"
            className={`font-mono text-2xl font-semibold tabular-nums ${low ? "text-red-700 dark:text-red-300" : ""}`}
          >
            {formatClock(clock.leftMs)}
          </span>
          <span id="time-left-words" className="sr-only">
            {clockInWords(clock.leftMs)}
          </span>
        </div>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="answered-count">
          {answeredCount} of {total} answered
        </p>
      </div>
      {/* Announced once each: thresholds as the clock crosses them, then what happens at zero. */}
      <p aria-live="polite" className="sr-only">
        {clock.announcement}
      </p>
      <p role="status" className="mb-3 font-medium empty:hidden">
        {status}
      </p>
      {phase.kind === "failed" && (
        <Alert>
          Your quiz was not submitted: {phase.message}{" "}
          <button type="button" className="font-medium underline" onClick={() => void finish("learner")}>
            Try again
          </button>
        </Alert>
      )}

      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        An answer counts once given and cannot be changed. When the time runs out, the quiz is submitted for you.
      </p>

      <nav aria-label="Questions" className="mb-4">
        <ol className="flex flex-wrap gap-1.5">
          {attempt.questions.map((q, i) => {
            const done = isDone(states[q.id]);
            return (
              <li key={q.id}>
                <button
                  type="button"
                  onClick={() => goTo(i)}
                  aria-current={i === current ? "step" : undefined}
                  aria-label={`Question ${i + 1}${done ? ", answered" : ""}`}
                  className={`h-9 min-w-9 rounded-md border px-2 text-sm font-semibold tabular-nums ${
                    i === current
                      ? "border-sky-700 bg-sky-700 text-white dark:border-sky-300 dark:bg-sky-300 dark:text-slate-900"
                      : done
                        ? "border-green-700 bg-green-50 text-green-900 dark:border-green-400 dark:bg-green-950 dark:text-green-200"
                        : "border-slate-300 bg-white text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
                  }`}
                >
                  {i + 1}
                  {done && <span aria-hidden>✓</span>}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      {shown && shownState && (
        <section
          key={shown.id}
          aria-labelledby={`question-${shown.id}`}
          data-testid="quiz-question"
          data-question-type={shown.type}
          data-answered={isDone(shownState) ? "true" : "false"}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id={`question-${shown.id}`} tabIndex={-1} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600 outline-none focus-visible:ring-2 focus-visible:ring-sky-600 dark:text-slate-300">
            Question {current + 1} of {total}
          </h2>
          <QuestionBody q={shown} state={shownState} locked={!running} onAnswer={(value, text) => void answer(shown, value, text)} />
          <div className="mt-4 flex justify-between gap-3">
            <button type="button" className="text-sm font-medium text-sky-800 underline disabled:invisible dark:text-sky-300" disabled={current === 0} onClick={() => goTo(current - 1)}>
              ← Previous
            </button>
            <button type="button" className="text-sm font-medium text-sky-800 underline disabled:invisible dark:text-sky-300" disabled={current === total - 1} onClick={() => goTo(current + 1)}>
              Next →
            </button>
          </div>
        </section>
      )}

      <div className="mt-6 flex flex-wrap items-center gap-3">
        {confirming && running && (
          <p id="submit-warning" className="w-full text-sm font-medium text-amber-800 dark:text-amber-300">
            {unanswered === 1 ? "1 question is" : `${unanswered} questions are`} not answered and will count as wrong. Submit anyway?
          </p>
        )}
        <Button id="submit-quiz" type="button" onClick={onSubmitClick} disabled={phase.kind === "submitting"} aria-describedby={confirming ? "submit-warning" : undefined}>
          {phase.kind === "submitting" ? "Submitting…" : confirming ? "Submit anyway" : "Submit quiz"}
        </Button>
        {confirming && running && (
          <button type="button" className="text-sm font-medium text-sky-800 underline dark:text-sky-300" onClick={() => setConfirming(false)}>
            Keep answering
          </button>
        )}
      </div>
    </div>
  );
}

function QuestionBody({ q, state, locked, onAnswer }: { q: PublicQuestion; state: QuestionState; locked: boolean; onAnswer: (value: unknown, shown: string) => void }) {
  if (state.status === "saved" || state.status === "answered") {
    return (
      <div>
        <p className="text-lg font-medium leading-snug">{q.prompt}</p>
        <p className="mt-2 text-sm font-medium text-green-800 dark:text-green-300" data-testid="answer-saved">
          <span aria-hidden className="mr-1">✓</span>
          {state.status === "saved" ? <>Answer saved: {state.shown}</> : "Answered. You will see the answer given on the results page."}
        </p>
        {state.status === "answered" && state.note && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{state.note}</p>}
      </div>
    );
  }
  const props = { q, state, locked, onAnswer };
  switch (q.type) {
    case "mcq":
      return <McqQuestion {...props} />;
    case "typed-year":
      return <TypedYearQuestion {...props} />;
    case "chronology":
      return <ChronologyQuestion {...props} />;
  }
}
