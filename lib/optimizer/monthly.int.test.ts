// The monthly re-run on real Postgres: offered only to a learner who opted in, when their
// last run started 30 days or more ago (or they never ran one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateSettings } from "@/lib/learner/settings-store";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { offerMonthlyRun } from "./monthly";

let t: TestDb;
const DAY = 86_400_000;
const NOW = new Date("2026-12-03T12:00:00Z");

beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => {
  await t.drop();
});

const learner = async (email: string, lastRunDaysAgo: number | null, optedIn: boolean) => {
  const u = await t.prisma.user.create({ data: { email, name: email, passwordHash: "x" } });
  if (optedIn) await updateSettings(t.prisma, u.id, { monthlyOptimize: true });
  if (lastRunDaysAgo !== null) {
    const at = new Date(NOW.getTime() - lastRunDaysAgo * DAY);
    await t.prisma.optimizerRun.create({ data: { userId: u.id, status: "done", progress: 1, startedAt: at, finishedAt: at } });
  }
  return u.id;
};
const startedAt = async (userId: string) => (await t.prisma.optimizerRun.findUnique({ where: { userId } }))?.startedAt ?? null;

describe("the monthly optimizer run", () => {
  it("starts for an opted-in learner whose last run is a month old, or who never ran one", async () => {
    for (const [email, ago] of [["old@example.com", 31], ["never@example.com", null]] as const) {
      const id = await learner(email, ago, true);
      const run = await offerMonthlyRun(t.prisma, id, NOW);
      expect(run).not.toBeNull();
      expect(await startedAt(id)).toEqual(NOW);
      await run!.done;
      // Too few reviews: the optimizer's own threshold keeps the defaults, and says so.
      expect(await t.prisma.optimizerRun.findUnique({ where: { userId: id } })).toMatchObject({ status: "done", result: { stage: "too-few", applied: false } });
      // Not again the same month.
      expect(await offerMonthlyRun(t.prisma, id, new Date(NOW.getTime() + 5 * DAY))).toBeNull();
    }
  });

  it("is not offered without the opt-in or within the month", async () => {
    const off = await learner("off@example.com", 400, false);
    const recent = await learner("recent@example.com", 10, true);
    expect(await offerMonthlyRun(t.prisma, off, NOW)).toBeNull();
    expect(await offerMonthlyRun(t.prisma, recent, NOW)).toBeNull();
    expect(await startedAt(off)).toEqual(new Date(NOW.getTime() - 400 * DAY));
  });
});
