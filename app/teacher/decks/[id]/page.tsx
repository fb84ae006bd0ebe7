import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DomainError } from "@/lib/api/errors";
import { pageTeacher } from "@/lib/auth/page";
import { deckForEditing } from "@/lib/authoring/decks";
import { prisma } from "@/lib/db/client";
import { deckFlags } from "@/lib/flags/flags";
import { userTimeZone } from "@/lib/learner/settings-store";
import { DeckFlags } from "../../_components/deck-flags";
import { PageTitle, textLink } from "../../../_components/ui";
import { DeckEditor, type EditorCard } from "../_client/deck-editor";

export const metadata = { title: "Edit deck" };

async function load(teacherId: string, params: Promise<{ id: string }>) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  try {
    return await deckForEditing(prisma(), teacherId, id.data);
  } catch (err) {
    // Someone else's deck is no deck at all, exactly as the API answers.
    if (err instanceof DomainError && err.code === "not_found") notFound();
    throw err;
  }
}

export default async function EditDeckPage({ params }: { params: Promise<{ id: string }> }) {
  const teacher = await pageTeacher();
  const deck = await load(teacher.id, params);
  const [flags, timeZone] = await Promise.all([deckFlags(prisma(), teacher.id, deck.id), userTimeZone(prisma(), teacher.id)]);
  const view = ({ retiredAt: _r, data: _d, ...c }: (typeof deck.cards)[number]): EditorCard => c;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link className={textLink} href="/teacher/decks">← My decks</Link>
      </p>
      <PageTitle>{deck.title}</PageTitle>
      {deck.source && <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">Source: {deck.source.origin}</p>}
      <DeckFlags cards={flags.cards} timeZone={timeZone} />
      <DeckEditor
        deck={{
          id: deck.id,
          title: deck.title,
          status: deck.status,
          sourceText: deck.source?.text ?? null,
          cards: deck.cards.filter((c) => !c.retiredAt).map(view),
          retired: deck.cards.filter((c) => c.retiredAt).map(view),
        }}
      />
    </div>
  );
}
