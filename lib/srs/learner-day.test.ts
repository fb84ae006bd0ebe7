import { describe, expect, it } from "vitest";
import { learnerDay } from "./learner-day";

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const hours = (day: { start: Date; end: Date }) => (day.end.getTime() - day.start.getTime()) / HOUR;

describe("learnerDay", () => {
  it("starts at the rollover hour on the learner's wall clock", () => {
    // 03:30 EST on Jan 15 is still the learner's Jan 14.
    expect(learnerDay(at("2026-01-15T08:30:00Z"), "America/New_York", 4)).toEqual({
      start: at("2026-01-14T09:00:00Z"),
      end: at("2026-01-15T09:00:00Z"),
      key: "2026-01-14",
    });
    expect(learnerDay(at("2026-01-15T09:00:00Z"), "America/New_York", 4).key).toBe("2026-01-15");
    expect(learnerDay(at("2026-01-15T08:30:00Z"), "America/New_York", 0)).toEqual({
      start: at("2026-01-15T05:00:00Z"),
      end: at("2026-01-16T05:00:00Z"),
      key: "2026-01-15",
    });
  });

  it("is 23 hours when New York springs forward (2026-03-08)", () => {
    const day = learnerDay(at("2026-03-07T20:00:00Z"), "America/New_York", 4);
    expect(day).toEqual({ start: at("2026-03-07T09:00:00Z"), end: at("2026-03-08T08:00:00Z"), key: "2026-03-07" });
    expect(hours(day)).toBe(23);
    const midnightRollover = learnerDay(at("2026-03-08T12:00:00Z"), "America/New_York", 0);
    expect(midnightRollover).toEqual({ start: at("2026-03-08T05:00:00Z"), end: at("2026-03-09T04:00:00Z"), key: "2026-03-08" });
  });

  it("is 25 hours when New York falls back (2026-11-01)", () => {
    const day = learnerDay(at("2026-11-01T07:30:00Z"), "America/New_York", 4);
    // 07:30Z is 02:30 EST, before the 04:00 rollover: still Oct 31, which began at 04:00 EDT.
    expect(day).toEqual({ start: at("2026-10-31T08:00:00Z"), end: at("2026-11-01T09:00:00Z"), key: "2026-10-31" });
    expect(hours(day)).toBe(25);
  });

  it("starts when the clock jumps if the rollover hour is skipped", () => {
    // Rollover 2 a.m.: on 2026-03-08 New York goes from 01:59:59 EST to 03:00 EDT.
    const day = learnerDay(at("2026-03-08T12:00:00Z"), "America/New_York", 2);
    expect(day).toEqual({ start: at("2026-03-08T07:00:00Z"), end: at("2026-03-09T06:00:00Z"), key: "2026-03-08" });
    const before = learnerDay(at("2026-03-08T06:59:59Z"), "America/New_York", 2);
    expect(before.key).toBe("2026-03-07");
    expect(before.end).toEqual(day.start);
  });

  it("starts at the first 1 a.m. when 1 a.m. happens twice", () => {
    const day = learnerDay(at("2026-11-01T06:30:00Z"), "America/New_York", 1);
    expect(day.key).toBe("2026-11-01");
    expect(day.start).toEqual(at("2026-11-01T05:00:00Z"));
    expect(day.end).toEqual(at("2026-11-02T06:00:00Z"));
    expect(hours(day)).toBe(25);
  });

  it("follows Berlin's changes (2026-03-29 and 2026-10-25)", () => {
    const spring = learnerDay(at("2026-03-29T12:00:00Z"), "Europe/Berlin", 4);
    expect(spring).toEqual({ start: at("2026-03-29T02:00:00Z"), end: at("2026-03-30T02:00:00Z"), key: "2026-03-29" });
    const springEve = learnerDay(at("2026-03-28T12:00:00Z"), "Europe/Berlin", 4);
    expect(hours(springEve)).toBe(23);
    const autumnEve = learnerDay(at("2026-10-24T12:00:00Z"), "Europe/Berlin", 4);
    expect(autumnEve).toEqual({ start: at("2026-10-24T02:00:00Z"), end: at("2026-10-25T03:00:00Z"), key: "2026-10-24" });
    expect(hours(autumnEve)).toBe(25);
  });

  it("always contains now and tiles time without gaps around clock changes", () => {
    const changes = {
      "America/New_York": ["2026-03-08T07:00:00Z", "2026-11-01T06:00:00Z"],
      "Europe/Berlin": ["2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z"],
      "Australia/Sydney": ["2026-04-04T16:00:00Z", "2026-10-03T16:00:00Z"],
    };
    for (const [timezone, instants] of Object.entries(changes)) {
      for (const change of instants) {
        for (const rolloverHour of [0, 1, 2, 3, 4]) {
          let previous = learnerDay(new Date(Date.parse(change) - 72 * HOUR), timezone, rolloverHour);
          for (let t = Date.parse(change) - 72 * HOUR; t < Date.parse(change) + 72 * HOUR; t += HOUR) {
            const day = learnerDay(new Date(t), timezone, rolloverHour);
            expect(day.start.getTime()).toBeLessThanOrEqual(t);
            expect(day.end.getTime()).toBeGreaterThan(t);
            expect([23, 24, 25]).toContain(hours(day));
            if (day.key !== previous.key) expect(day.start).toEqual(previous.end);
            previous = day;
          }
        }
      }
    }
  });
});
