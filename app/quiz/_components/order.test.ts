import { describe, expect, it } from "vitest";
import { moveItem } from "./order";

describe("moveItem", () => {
  it("moves up and down, and stays put at the ends", () => {
    expect(moveItem(["a", "b", "c", "d"], 2, -1)).toEqual(["a", "c", "b", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 0, 1)).toEqual(["b", "a", "c", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 0, -1)).toEqual(["a", "b", "c", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 3, 1)).toEqual(["a", "b", "c", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 3, -3)).toEqual(["d", "a", "b", "c"]);
  });
});
