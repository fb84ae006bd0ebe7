import { describe, expect, it } from "vitest";
import { isGradePath } from "./grade-route";

describe("isGradePath: the URLs the workers answer themselves", () => {
  it("is the grade route, with or without a query string", () => {
    expect(isGradePath("/api/review/grade")).toBe(true);
    expect(isGradePath("/api/review/grade?x=1")).toBe(true);
  });

  it("leaves every other URL to Next.js, look-alikes included", () => {
    for (const url of ["/api/review/grades", "/api/review/grade/", "/api/review/grade/x", "/api/review/queue", "/API/review/grade", "/", "", undefined]) {
      expect(isGradePath(url)).toBe(false);
    }
  });
});
