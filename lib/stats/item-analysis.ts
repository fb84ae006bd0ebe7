// Quiz item analysis for a teacher: per question of an assigned quiz (grouped by the card
// asked about and the question type, since each attempt draws its own questions), the
// share answering right, the wrong answers given (which distractors drew students), and
// the card's FSRS difficulty across the class. One statement over the class's finished
// attempts; per-student best and last scores are in the progress rows (lib/classes/progress.ts).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ItemAnalysis } from "@/lib/api/stats";
import { ownAssignment } from "@/lib/classes/assignments";
import { openSince } from "@/lib/quiz/clock";
import { itemAnalysisRows } from "./item-analysis-store";

export async function quizItemAnalysis(db: PrismaClient, teacherId: string, assignmentId: string, now = new Date()): Promise<ItemAnalysis> {
  const a = await ownAssignment(db, teacherId, assignmentId);
  // An attempt past its deadline (and the grace for answers in flight) is finished too.
  const cutoff = openSince(now);
  const rows = await itemAnalysisRows(db, a.classId, a.id, cutoff);
  return {
    assignmentId: a.id,
    attempts: rows[0]?.attempts ?? 0,
    students: rows[0]?.students ?? 0,
    items: rows.map(({ meanDifficulty, studied, attempts: _a, students: _s, ...r }) => ({
      ...r,
      shareCorrect: r.asked > 0 ? r.correct / r.asked : null,
      difficulty: meanDifficulty === null ? null : { mean: meanDifficulty, students: studied ?? 0 },
    })),
  };
}
