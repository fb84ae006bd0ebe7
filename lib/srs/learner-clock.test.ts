import { describe, expect, it } from "vitest";
import {
  chosenTimeZone,
  dayKeyOf,
  fromDayTime,
  isValidTimeZone,
  learnerDaysBetween,
  toDayTime,
  zoneOffsetMs,
} from "./learner-clock";

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe("zoneOffsetMs", () => {
  it("follows DST in New York and Berlin", () => {
    expect(zoneOffsetMs(Date.parse("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-5 * HOUR);
    expect(zoneOffsetMs(Date.parse("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
    // New York springs forward at 07:00Z on 2026-03-08.
    expect(zoneOffsetMs(Date.parse("2026-03-08T06:59:59Z"), "America/New_York")).toBe(-5 * HOUR);
    expect(zoneOffsetMs(Date.parse("2026-03-08T07:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
    expect(zoneOffsetMs(Date.parse("2026-01-15T12:00:00Z"), "Europe/Berlin")).toBe(1 * HOUR);
    expect(zoneOffsetMs(Date.parse("2026-07-15T12:00:00Z"), "Europe/Berlin")).toBe(2 * HOUR);
  });

  it("handles non-hour offsets and instants with milliseconds", () => {
    expect(zoneOffsetMs(Date.parse("2026-01-15T12:00:00.999Z"), "Asia/Kathmandu")).toBe(5.75 * HOUR);
    expect(zoneOffsetMs(Date.parse("2026-01-15T12:00:00.5Z"), "UTC")).toBe(0);
  });
});

describe("time zone names", () => {
  it("accepts IANA names case-insensitively and refuses others", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("keeps the name as chosen, aliases included, with only its letter case fixed", () => {
    expect(chosenTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(chosenTimeZone("Asia/Calcutta")).toBe("Asia/Calcutta");
    expect(chosenTimeZone("Europe/Kiev")).toBe("Europe/Kiev");
    expect(chosenTimeZone("america/new_york")).toBe("America/New_York");
    expect(chosenTimeZone(" Europe/Berlin ")).toBe("Europe/Berlin");
    expect(chosenTimeZone("utc")).toBe("UTC");
    expect(chosenTimeZone("Mars/Olympus_Mons")).toBeNull();
  });
});

describe("day time", () => {
  const ny = { timezone: "America/New_York", rolloverHour: 4 };

  it("is the wall clock minus the rollover hour, so its UTC date is the learner day", () => {
    // 03:59 EST on Jan 15 still belongs to Jan 14; 04:00 starts Jan 15.
    expect(dayKeyOf(toDayTime(at("2026-01-15T08:59:00Z"), ny))).toBe("2026-01-14");
    expect(dayKeyOf(toDayTime(at("2026-01-15T09:00:00Z"), ny))).toBe("2026-01-15");
    expect(toDayTime(at("2026-01-15T09:00:00Z"), ny)).toEqual(at("2026-01-15T00:00:00Z"));
  });

  it("fromDayTime inverts toDayTime away from clock changes", () => {
    for (const iso of ["2026-01-15T09:00:00Z", "2026-07-01T23:30:12.345Z", "2026-03-08T12:00:00Z"]) {
      expect(fromDayTime(toDayTime(at(iso), ny), ny)).toEqual(at(iso));
    }
  });

  it("a skipped wall time maps to the moment the clock jumps", () => {
    const rolloverAt2 = { timezone: "America/New_York", rolloverHour: 2 };
    // 02:00 on 2026-03-08 never happens in New York: 01:59:59 EST is followed by 03:00 EDT.
    expect(fromDayTime(at("2026-03-08T00:00:00Z"), rolloverAt2)).toEqual(at("2026-03-08T07:00:00Z"));
    expect(fromDayTime(at("2026-03-08T00:30:00Z"), rolloverAt2)).toEqual(at("2026-03-08T07:00:00Z"));
  });

  it("a repeated wall time maps to its first occurrence", () => {
    const rolloverAt1 = { timezone: "America/New_York", rolloverHour: 1 };
    // 01:00 on 2026-11-01 happens at 05:00Z (EDT) and again at 06:00Z (EST).
    expect(fromDayTime(at("2026-11-01T00:00:00Z"), rolloverAt1)).toEqual(at("2026-11-01T05:00:00Z"));
  });

  it("counts learner days, not 24-hour periods or calendar dates", () => {
    // 23:00 and 03:00 the next night are the same learner day; 03:00 and 05:00 are not.
    expect(learnerDaysBetween(at("2026-01-15T04:00:00Z"), at("2026-01-15T08:00:00Z"), ny)).toBe(0);
    expect(learnerDaysBetween(at("2026-01-15T08:00:00Z"), at("2026-01-15T10:00:00Z"), ny)).toBe(1);
    // Across the spring-forward night: Saturday 20:00 EST to Sunday 20:00 EDT is 23 h but one day.
    expect(learnerDaysBetween(at("2026-03-08T01:00:00Z"), at("2026-03-09T00:00:00Z"), ny)).toBe(1);
    expect(learnerDaysBetween(at("2026-03-09T00:00:00Z"), at("2026-03-08T01:00:00Z"), ny)).toBe(-1);
  });
});
