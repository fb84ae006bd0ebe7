"use client";

// The countdown: the server's deadline measured on the server's clock. The offset between
// the two clocks starts from the time the page was rendered (which errs towards more time
// left, never less) and is corrected by each API answer (see clockOffsetMs).
import { useCallback, useEffect, useRef, useState } from "react";
import { clockOffsetMs, crossedAnnouncement, remainingMs } from "./clock";

const TICK_MS = 250;

export function useQuizClock(deadline: string, renderedServerNow: string, onZero: () => void) {
  const offset = useRef<number | null>(null);
  // The first render (on the server and at hydration) shows the time left as rendered.
  const [leftMs, setLeftMs] = useState(() => Math.max(0, Date.parse(deadline) - Date.parse(renderedServerNow)));
  const [announcement, setAnnouncement] = useState("");
  const onZeroRef = useRef(onZero);
  useEffect(() => {
    onZeroRef.current = onZero;
  });

  useEffect(() => {
    offset.current ??= Date.parse(renderedServerNow) - Date.now();
    let before = Number.POSITIVE_INFINITY;
    let zero = false;
    const tick = () => {
      const ms = remainingMs(deadline, offset.current ?? 0, Date.now());
      const said = crossedAnnouncement(before, ms);
      if (said && before !== Number.POSITIVE_INFINITY) setAnnouncement(said);
      before = ms;
      setLeftMs(ms);
      if (ms === 0 && !zero) {
        zero = true;
        onZeroRef.current();
      }
    };
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, TICK_MS);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [deadline, renderedServerNow]);

  /** Corrects the clock from an API answer's serverNow and when it was sent and received. */
  const correct = useCallback((serverNow: string, sentAt: number, receivedAt: number) => {
    offset.current = clockOffsetMs(serverNow, sentAt, receivedAt);
  }, []);

  return { leftMs, announcement, correct };
}
