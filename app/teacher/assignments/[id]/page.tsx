import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageTeacher } from "@/lib/auth/page";
import type { ReteachCards } from "@/lib/api/classes";
import { accommodationsOf, findOwnAssignment } from "@/lib/classes/assignments";
import { assignmentCards, assignmentExamPlans, assignmentProgress } from "@/lib/classes/progress";
import { prisma } from "@/lib/db/client";
import { assignmentCalibration } from "@/lib/stats/class-calibration";
import { quizItemAnalysis } from "@/lib/stats/item-analysis";
import { Card, buttonLink } from "../../../_components/ui";
import { formatDateTime, formatDuration, formatPercent, plural } from "@/app/_components/format";
import { userTimeZone } from "@/lib/learner/settings-store";
import { Breadcrumb } from "../../_components/breadcrumb";
import { CalibrationChart } from "../../_components/calibration";
import { ItemAnalysisTable } from "../../_components/item-analysis";
import { DeleteAssignmentButton } from "../../_client/delete-assignment-button";
import { EditAssignmentDialog } from "../../_client/edit-assignment-dialog";
import { ProgressTable, type TableRow } from "../../_client/progress-table";
import { describeAssignment, kindLabel } from "../../_lib/describe";
import { uuidOr404 } from "../../_lib/load";

export const metadata: Metadata = { title: "Assignment progress" };

type Props = { params: Promise<{ id: string }> };

const iso = (d: Date | null) => d?.toISOString() ?? null;

function ReteachCardItem({ card: c }: { card: ReteachCards["cards"][number] }) {
  return (
    <li data-failures={c.failures} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <p className="font-medium">
        {c.prompt}
        {c.leeches > 0 && (
          <span data-testid="leech-badge" className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-50">
            Leech for {plural(c.leeches, "student")}
          </span>
        )}
      </p>
      <p className="text-sm">Answer: {c.answer}</p>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {c.failures > 0 ? `Failed ${c.failures} of ${plural(c.reviews, "review")}` : `Never failed in ${plural(c.reviews, "review")}`} · class predicted recall at the due date {formatPercent(c.recallAtDue)}
      </p>
      <figure className="mt-2">
        <blockquote className="border-l-4 border-slate-300 pl-3 text-sm italic dark:border-slate-600">{c.quote}</blockquote>
        {c.citation && <figcaption className="mt-1 text-xs text-slate-600 dark:text-slate-400">Citation: {c.citation}</figcaption>}
      </figure>
    </li>
  );
}

function ReteachList({ cards, unstudied }: ReteachCards) {
  // A card nobody has studied has a predicted recall of 0 but says nothing about what to
  // re-teach: lib ranks those last, and the page counts rather than lists them. A card
  // nobody failed is never shown as failed: it is listed apart, by its predicted recall.
  const failed = cards.filter((c) => c.failures > 0);
  const weak = cards.filter((c) => c.failures === 0 && c.reviews > 0).slice(0, 5);
  const note = unstudied > 0 && <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">{plural(unstudied, "card")} of this deck not studied by anyone in the class yet.</p>;
  if (failed.length === 0 && weak.length === 0) return <p className="text-sm">No reviews yet: this list fills in as students study.</p>;
  return (
    <>
      {failed.length > 0 ? (
        <ol className="space-y-3" aria-label="Failed cards, most failures first">
          {failed.map((c) => (
            <ReteachCardItem key={c.cardId} card={c} />
          ))}
        </ol>
      ) : (
        <p className="text-sm">Nobody in the class has failed a card of this deck.</p>
      )}
      {weak.length > 0 && (
        <>
          <h3 className="mt-4 mb-2 font-semibold">Not failed, lowest predicted recall at the due date</h3>
          <ol className="space-y-3">
            {weak.map((c) => (
              <ReteachCardItem key={c.cardId} card={c} />
            ))}
          </ol>
        </>
      )}
      {note}
    </>
  );
}

export default async function AssignmentPage({ params }: Props) {
  const teacher = await pageTeacher();
  const id = await uuidOr404(params);
  const db = prisma();
  const a = await findOwnAssignment(db, teacher.id, id);
  if (!a) notFound();
  const [progress, cards, accommodations, timeZone, items, calibration, plans] = await Promise.all([
    assignmentProgress(db, teacher.id, id),
    assignmentCards(db, teacher.id, id),
    accommodationsOf(db, teacher.id, id),
    userTimeZone(db, teacher.id),
    a.kind === "QUIZ" ? quizItemAnalysis(db, teacher.id, id) : null,
    assignmentCalibration(db, teacher.id, id),
    a.kind === "REVIEW" ? assignmentExamPlans(db, teacher.id, id) : null,
  ]);
  const planOf = new Map(plans?.students.map(({ userId, ...plan }) => [userId, plan]));
  const accOf = new Map(accommodations.map((x) => [x.userId, x]));
  const rows: TableRow[] = progress.students.map((s) => {
    const acc = accOf.get(s.userId);
    const parts = [acc && acc.timeFactor !== 1 ? `×${acc.timeFactor} time` : "", acc?.extendedDueAt ? `due ${formatDateTime(acc.extendedDueAt, timeZone)}` : ""].filter(Boolean);
    return {
      ...s,
      examPlan: planOf.get(s.userId) ?? null,
      dueText: formatDateTime(s.dueAt, timeZone),
      timeText: formatDuration(s.timeSpentSec),
      accommodation: { timeFactor: acc?.timeFactor ?? 1, extendedDueAt: acc?.extendedDueAt?.toISOString() ?? null, text: parts.length ? parts.join(", ") : "None" },
    };
  });
  const title = `${kindLabel(a.kind)}: ${a.deck.title}`;
  return (
    <div>
      <Breadcrumb trail={[{ href: "/teacher", label: "Teaching" }, { href: `/teacher/classes/${a.class.id}`, label: a.class.name }]} />
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          <p className="text-sm text-slate-700 dark:text-slate-300">{describeAssignment(a, timeZone)}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <EditAssignmentDialog
            assignment={{ id: a.id, kind: a.kind, dueAt: iso(a.dueAt), targetRecall: a.targetRecall, count: a.count, timeLimitSec: a.timeLimitSec, attempts: a.attempts, opensAt: iso(a.opensAt), closesAt: iso(a.closesAt) }}
          />
          <DeleteAssignmentButton assignmentId={a.id} classId={a.class.id} />
        </div>
      </div>
      <Card className="mb-4">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold">Progress</h2>
          <a className={buttonLink} href={`/api/assignments/${a.id}/progress.csv`} download>
            Download CSV
          </a>
        </div>
        <ProgressTable assignmentId={a.id} kind={a.kind} rows={rows} caption={`Progress of ${a.class.name} on ${a.deck.title}`} />
      </Card>
      {items && (
        <Card className="mb-4">
          <h2 className="mb-1 text-lg font-semibold">Quiz item analysis</h2>
          <ItemAnalysisTable analysis={items} caption={`How ${a.class.name} answered each question of the quiz on ${a.deck.title}`} />
        </Card>
      )}
      <Card className="mb-4">
        <h2 className="mb-1 text-lg font-semibold">Calibration: predicted against actual recall</h2>
        <CalibrationChart calibration={calibration} />
      </Card>
      <section aria-labelledby="reteach-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h2 id="reteach-title" className="mb-1 text-lg font-semibold">
          Cards to re-teach
        </h2>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
          The cards this class failed, most failures first, then by the recall predicted for the due date; the source sentence behind each.
          A leech is a card a student forgot 8 times: it was suspended for them until they unsuspend it.
        </p>
        <ReteachList {...cards} />
      </section>
    </div>
  );
}
