import { notFound } from "next/navigation";
import { z } from "zod";
import { pageUser } from "@/lib/auth/page";
import { prisma } from "@/lib/db/client";
import { visibleDeckTitle } from "@/lib/decks/queries";
import { PageTitle } from "../_components/ui";
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
  }
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle>{deck ? `Review: ${deck.title}` : "Review"}</PageTitle>
      {/* Keyed by deck so switching decks starts a fresh session. */}
      <ReviewSession key={deck?.id ?? "all"} userId={user.id} deckId={deck?.id} />
    </div>
  );
}
