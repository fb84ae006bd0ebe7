import { describe, expect, it } from "vitest";
import { collapse } from "./clean";

describe("collapse", () => {
  it("folds spaces, drops space before punctuation and a doubled article left by a stripped qualifier", () => {
    expect(collapse("  the   the Polish government-in-exile ,  in London ")).toBe("the Polish government-in-exile, in London");
    expect(collapse("A a treaty")).toBe("A treaty");
    expect(collapse("then the theory")).toBe("then the theory");
  });
});
