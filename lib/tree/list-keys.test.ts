import { describe, expect, it } from "vitest";
import { listKeyTarget } from "./list-keys";

describe("listKeyTarget", () => {
  it("moves up, down, to the ends, and nowhere past them", () => {
    expect(listKeyTarget("ArrowDown", 0, 3)).toBe(1);
    expect(listKeyTarget("ArrowUp", 1, 3)).toBe(0);
    expect(listKeyTarget("ArrowUp", 0, 3)).toBe(-1);
    expect(listKeyTarget("ArrowDown", 2, 3)).toBe(-1);
    expect(listKeyTarget("End", 0, 3)).toBe(2);
    expect(listKeyTarget("Home", 2, 3)).toBe(0);
    expect(listKeyTarget("Enter", 1, 3)).toBe(-1);
  });
});
