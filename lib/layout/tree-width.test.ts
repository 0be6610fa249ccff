import { describe, expect, it } from "vitest";
import { TREE_WIDTH, clampTreeWidth, parseTreeWidth, treeWidthAfterKey } from "./tree-width";

describe("tree width", () => {
  it("keeps a stored width within the limits, and falls back to the default on anything else", () => {
    expect(parseTreeWidth(null)).toBe(TREE_WIDTH.default);
    expect(parseTreeWidth("")).toBe(TREE_WIDTH.default);
    expect(parseTreeWidth("wide")).toBe(TREE_WIDTH.default);
    expect(parseTreeWidth("42")).toBe(42);
    expect(parseTreeWidth("5")).toBe(TREE_WIDTH.min);
    expect(parseTreeWidth("99")).toBe(TREE_WIDTH.max);
    expect(clampTreeWidth(33.4)).toBe(33);
  });

  it("moves by a step with the arrows, ten with Shift or Page keys, to the ends with Home and End", () => {
    expect(treeWidthAfterKey(30, "ArrowRight", false)).toBe(30 + TREE_WIDTH.step);
    expect(treeWidthAfterKey(30, "ArrowLeft", false)).toBe(30 - TREE_WIDTH.step);
    expect(treeWidthAfterKey(30, "ArrowRight", true)).toBe(30 + TREE_WIDTH.bigStep);
    expect(treeWidthAfterKey(30, "PageDown", false)).toBe(30 - TREE_WIDTH.bigStep);
    expect(treeWidthAfterKey(30, "Home", false)).toBe(TREE_WIDTH.min);
    expect(treeWidthAfterKey(30, "End", false)).toBe(TREE_WIDTH.max);
    expect(treeWidthAfterKey(TREE_WIDTH.max, "ArrowRight", false)).toBe(TREE_WIDTH.max);
    expect(treeWidthAfterKey(30, "Enter", false)).toBeNull();
  });
});
