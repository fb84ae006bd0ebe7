import { notFound } from "next/navigation";
import { z } from "zod";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { visibleDeckTitle } from "@/lib/decks/store";
import { decksHiddenByQuiz, runningAssignedQuiz } from "@/lib/quiz/running";
import { loadQueue } from "@/lib/review/load-queue";
import { QuizRunningNotice } from "../_components/quiz-running-notice";
import { PageTitle } from "../_components/ui";
import { QUEUE_BATCH } from "./_client/session-state";
import { ReviewSession } from "./_client/review-session";

export const metadata = { title: "Review" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ deck?: string | string[] }> }) {
  const user = await pageUser();
  const raw = (await searchParams).deck;
  let deck: { id: string; title: string } | null = null;
  if (raw !== undefined) {
    // A deck the learner cannot see is as absent as one that doesn't exist.
    const id = z.uuid().safeParse(raw);
    deck = id.success ? await visibleDeckTitle(prisma(), user, id.data) : null;
    if (!deck) notFound();
    // The learner's assigned quiz on this deck is running: its answers stay hidden until it ends.
    const running = await runningAssignedQuiz(prisma(), user.id, deck.id);
    if (running) {
      return (
        <div className="mx-auto max-w-2xl">
          <PageTitle>{`Review: ${deck.title}`}</PageTitle>
          <QuizRunningNotice attemptId={running.attemptId} />
        </div>
      );
    }
  }
  // The first queue answer is rendered here, so the first card is in the HTML (issue 15:
  // visible within 300 ms of navigation) instead of waiting for scripts and a fetch.
  // All decks: those of a running assigned quiz stay out (one deck was checked above).
  const excludeDeckIds = deck ? undefined : new Set((await decksHiddenByQuiz(prisma(), user.id)).keys());
  const initial = await loadQueue(prisma(), user.id, { deckId: deck?.id, limit: QUEUE_BATCH, excludeDeckIds });
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle>{deck ? `Review: ${deck.title}` : "Review"}</PageTitle>
      {/* Keyed by deck so switching decks starts a fresh session. */}
      <ReviewSession key={deck?.id ?? "all"} userId={user.id} deckId={deck?.id} initial={initial} />
    </div>
  );
}
