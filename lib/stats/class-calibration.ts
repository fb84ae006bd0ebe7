// A teacher's calibration view of one assignment: how the recall the app predicted for
// the class's reviews of the deck compares with the recall the students then showed.
// Predictions use the FSRS-6 default curve (what the app predicts for a student who has
// not fitted their own weights).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ownAssignment } from "@/lib/classes/assignments";
import { defaultReviewSettings, toSrsParams } from "@/lib/learner/settings";
import { forgettingCurveConstants } from "@/lib/srs/retrievability";
import { calibration, type Calibration } from "./calibration";
import { calibrationRows } from "./calibration-store";

const curve = forgettingCurveConstants(toSrsParams(defaultReviewSettings));

export async function assignmentCalibration(db: PrismaClient, teacherId: string, assignmentId: string): Promise<Calibration & { assignmentId: string }> {
  const a = await ownAssignment(db, teacherId, assignmentId);
  return { assignmentId: a.id, ...calibration(await calibrationRows(db, a.classId, a.deckId, curve)) };
}
