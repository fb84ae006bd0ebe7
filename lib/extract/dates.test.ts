import { describe, expect, it } from "vitest";
import { findDateExpressions, findDates, formatDate } from "./dates";

const one = (s: string) => {
  const d = findDates(s);
  expect(d).toHaveLength(1);
  return d[0]!;
};

describe("findDates", () => {
  it.each([
    ["16 April 1922", { year: 1922, month: 4, day: 16 }, "16 April 1922"],
    ["April 16, 1922", { year: 1922, month: 4, day: 16 }, "16 April 1922"],
    ["9th February 1929", { year: 1929, month: 2, day: 9 }, "9 February 1929"],
    ["2nd May 1935", { year: 1935, month: 5, day: 2 }, "2 May 1935"],
    ["18 July, 1941", { year: 1941, month: 7, day: 18 }, "18 July 1941"],
    ["4 Feb 1948", { year: 1948, month: 2, day: 4 }, "4 February 1948"],
    ["1920-02-02", { year: 1920, month: 2, day: 2 }, "2 February 1920"],
    ["October 1932", { year: 1932, month: 10 }, "October 1932"],
    ["1991", { year: 1991 }, "1991"],
  ])("%s keeps the written precision", (text, date, answer) => {
    const d = one(text);
    expect(d.date).toEqual(date);
    expect(d.answer).toBe(answer);
    expect(text.slice(d.start, d.end)).toBe(text);
  });

  it("reads Nov/Dec 1933 as the year only, keeping both months in the answer", () => {
    const d = one("recognised the Soviet Union in Nov/Dec 1933.");
    expect(d.date).toEqual({ year: 1933 });
    expect(d.answer).toBe("November/December 1933");
    expect(d.shape).toBe("either-month");
  });

  it("reads a range as its start year, with the range as answer", () => {
    const d = one("the Russian Civil War (1918–1920)");
    expect(d.date).toEqual({ year: 1918 });
    expect(d.answer).toBe("1918–1920");
    expect(one("1939-45").answer).toBe("1939–1945");
  });

  it("never invents a year or a day", () => {
    expect(findDates("ratified on August 31st.")).toEqual([]);
    expect(findDates("the October Revolution")).toEqual([]);
    expect(findDates("in the 1920s")).toEqual([]);
    expect(findDates("30 February 1920")).toEqual([]);
    expect(findDates("1920-13-02")).toEqual([]);
  });

  it("reads 'August 15' without a year as a day and month, never as August 2015", () => {
    const [d] = findDateExpressions("On August 15 the troops crossed the river.");
    expect(d).toMatchObject({ yearless: true, shape: "day", date: { month: 8, day: 15 } });
  });

  it("treats month names as months only when capitalised", () => {
    expect(findDates("they may 1990")).toHaveLength(1);
    expect(findDates("they may 1990")[0]!.date).toEqual({ year: 1990 });
  });

  it("finds several dates left to right", () => {
    const ds = findDates("signed 18 July 1941, and reconfirmed 12 December 1943.");
    expect(ds.map((d) => d.answer)).toEqual(["18 July 1941", "12 December 1943"]);
  });

  it.each([
    ["Sept. 17, 1939", { year: 1939, month: 9, day: 17 }, "17 September 1939"],
    ["the 1st of September 1939", { year: 1939, month: 9, day: 1 }, "1 September 1939"],
    ["1939-09-01", { year: 1939, month: 9, day: 1 }, "1 September 1939"],
    ["28.06.1914", { year: 1914, month: 6, day: 28 }, "28 June 1914"],
    ["in 1922", { year: 1922 }, "1922"],
    ["the spring of 1922", { year: 1922 }, "spring 1922"],
    ["mid-1940", { year: 1940 }, "mid-1940"],
    ["early 1848", { year: 1848 }, "early 1848"],
    ["c. 1450", { year: 1450 }, "c. 1450"],
    ["AD 1240", { year: 1240 }, "1240"],
    ["AD 476", { year: 476 }, "AD 476"],
    ["44 BC", { year: -43 }, "44 BC"],
    ["30 July – 1 August 1975", { year: 1975, month: 7, day: 30 }, "30 July – 1 August 1975"],
    ["18–24 April 1955", { year: 1955, month: 4, day: 18 }, "18–24 April 1955"],
    ["15 November 1884 – 26 February 1885", { year: 1884, month: 11, day: 15 }, "15 November 1884 – 26 February 1885"],
    ["the night of 16 December 1773", { year: 1773, month: 12, day: 16 }, "16 December 1773"],
  ])("reads the historical form %s", (text, date, answer) => {
    const d = one(text);
    expect(d.date).toEqual(date);
    expect(d.answer).toBe(answer);
  });

  it("marks approximate dates and keeps day-and-month expressions out of the cards", () => {
    expect(one("c. 1450").approximate).toBe(true);
    expect(one("the spring of 1922").approximate).toBe(true);
    expect(one("9 June 1815").approximate).toBe(false);
    expect(findDates("On 12 March German troops crossed the border")).toEqual([]);
    expect(findDateExpressions("On 12 March German troops crossed the border").map((d) => d.yearless)).toEqual([true]);
    expect(findDates("two years later, now isolated")).toEqual([]);
    expect(findDates("1/2/1920 could be either")).toEqual([]);
  });

  it("does not read counts or citations' years as dates when they are counts", () => {
    expect(findDates("1,500 soldiers and 1500 soldiers")).toEqual([]);
  });

  it("formats partial dates", () => {
    expect(formatDate({ year: 1922, month: 4 })).toBe("April 1922");
  });
});
