import { describe, expect, it } from "vitest";
import { coarsest, compareDates, formatDate, parseDate, precisionOf, sameDate, samePrecision, shiftYears, truncate } from "./dates";

const day = { year: 1922, month: 4, day: 16 };
const month = { year: 1922, month: 4 };
const year = { year: 1922 };

describe("formatDate / precisionOf", () => {
  it("writes each precision the way the cards do", () => {
    expect(formatDate(day)).toBe("16 April 1922");
    expect(formatDate(month)).toBe("April 1922");
    expect(formatDate(year)).toBe("1922");
    expect([day, month, year].map(precisionOf)).toEqual(["day", "month", "year"]);
  });

  it("samePrecision compares shape, not value", () => {
    expect(samePrecision(day, { year: 1800, month: 1, day: 1 })).toBe(true);
    expect(samePrecision(day, month)).toBe(false);
    expect(samePrecision(year, { year: 2000 })).toBe(true);
  });

  it("coarsest and truncate never add precision", () => {
    expect(coarsest(["day", "month", "day"])).toBe("month");
    expect(coarsest([])).toBe("year");
    expect(truncate(day, "month")).toEqual(month);
    expect(truncate(year, "day")).toEqual(year);
  });
});

describe("parseDate", () => {
  it.each([
    ["16 April 1922", day],
    ["April 16, 1922", day],
    ["16th Apr. 1922", day],
    ["1922-04-16", day],
    ["  16  april 1922 ", day],
    ["April 1922", month],
    ["Apr 1922", month],
    ["1922-04", month],
    ["1922", year],
  ])("%j", (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  it.each(["", "abc", "31 February 1922", "Smarch 1922", "1922-13-01", "16 April", "0"])("rejects %j", (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it("knows leap years, including centuries", () => {
    expect(parseDate("29 February 1940")).not.toBeNull();
    expect(parseDate("29 February 1900")).toBeNull();
    expect(parseDate("29 February 2000")).not.toBeNull();
  });
});

describe("sameDate", () => {
  it("detects one date written differently", () => {
    expect(sameDate("16 April 1922", "April 16, 1922")).toBe(true);
    expect(sameDate("1922-04-16", day)).toBe(true);
    expect(sameDate("april 1922", "1922-04")).toBe(true);
  });

  it("keeps different dates and different precisions apart", () => {
    expect(sameDate("16 April 1922", "17 April 1922")).toBe(false);
    expect(sameDate("1922", "April 1922")).toBe(false);
    expect(sameDate(year, day)).toBe(false);
  });

  it("compares non-dates as text", () => {
    expect(sameDate("Spring  1922?", "spring 1922?")).toBe(true);
    expect(sameDate("Spring 1922", "1922")).toBe(false);
  });
});

describe("compareDates", () => {
  it("orders by year, then month, then day", () => {
    expect(compareDates({ year: 1921 }, { year: 1922 })).toBeLessThan(0);
    expect(compareDates({ year: 1922, month: 5 }, month)).toBeGreaterThan(0);
    expect(compareDates({ year: 1922, month: 4, day: 3 }, day)).toBeLessThan(0);
  });

  it("ignores what is finer than the requested precision", () => {
    const a = { year: 1939, month: 8, day: 19 };
    const b = { year: 1939, month: 8, day: 23 };
    expect(compareDates(a, b, "day")).toBeLessThan(0);
    expect(compareDates(a, b, "month")).toBe(0);
    expect(compareDates(a, { year: 1939, month: 9, day: 1 }, "month")).toBeLessThan(0);
  });

  it("cannot be more precise than the less precise date", () => {
    expect(compareDates({ year: 1939 }, { year: 1939, month: 8, day: 23 }, "day")).toBe(0);
  });
});

describe("shiftYears", () => {
  it("keeps the month and day", () => {
    expect(shiftYears(day, -3)).toEqual({ year: 1919, month: 4, day: 16 });
    expect(shiftYears(month, 2)).toEqual({ year: 1924, month: 4 });
    expect(shiftYears(year, 1)).toEqual({ year: 1923 });
  });

  it("turns 29 February into the 28th in a common year", () => {
    expect(shiftYears({ year: 1940, month: 2, day: 29 }, 1)).toEqual({ year: 1941, month: 2, day: 28 });
    expect(shiftYears({ year: 1940, month: 2, day: 29 }, 4)).toEqual({ year: 1944, month: 2, day: 29 });
  });
});
