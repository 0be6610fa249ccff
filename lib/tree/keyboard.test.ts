import { describe, expect, it } from "vitest";
import { flattenTree, type ListingState } from "./flatten";
import { firstNodeIndex, lastNodeIndex, treeKeyAction } from "./keyboard";

const loaded = (...children: { key: string; dir?: boolean }[]): ListingState => ({ status: "loaded", children });
const listings = new Map<string, ListingState>([
  ["/", loaded({ key: "/a", dir: true }, { key: "/b", dir: true }, { key: "/c" })],
  ["/a", loaded({ key: "/a/x" }, { key: "/a/y" })],
]);
// rows: 0 /a (open), 1 /a/x, 2 /a/y, 3 /b (closed, loading if opened), 4 /c
const { rows } = flattenTree({ listings, open: new Map([["/a", true]]) });

describe("treeKeyAction", () => {
  it("moves up and down, stopping at the ends", () => {
    expect(treeKeyAction(rows, 0, "ArrowDown")).toEqual({ type: "focus", index: 1 });
    expect(treeKeyAction(rows, 4, "ArrowDown")).toEqual({ type: "focus", index: 4 });
    expect(treeKeyAction(rows, 3, "ArrowUp")).toEqual({ type: "focus", index: 2 });
    expect(treeKeyAction(rows, 0, "ArrowUp")).toEqual({ type: "focus", index: 0 });
  });
  it("Home and End jump to the first and last rows", () => {
    expect(treeKeyAction(rows, 2, "Home")).toEqual({ type: "focus", index: 0 });
    expect(treeKeyAction(rows, 2, "End")).toEqual({ type: "focus", index: 4 });
  });
  it("Right opens a closed directory, then moves to its first child; nothing on a key", () => {
    expect(treeKeyAction(rows, 3, "ArrowRight")).toEqual({ type: "open", key: "/b" });
    expect(treeKeyAction(rows, 0, "ArrowRight")).toEqual({ type: "focus", index: 1 });
    expect(treeKeyAction(rows, 4, "ArrowRight")).toBeNull();
  });
  it("Left closes an open directory, else moves to the parent; nothing at the top level", () => {
    expect(treeKeyAction(rows, 0, "ArrowLeft")).toEqual({ type: "close", key: "/a" });
    expect(treeKeyAction(rows, 2, "ArrowLeft")).toEqual({ type: "focus", index: 0 });
    expect(treeKeyAction(rows, 4, "ArrowLeft")).toBeNull();
  });
  it("Enter selects; other keys are not the tree's", () => {
    expect(treeKeyAction(rows, 1, "Enter")).toEqual({ type: "select", key: "/a/x" });
    expect(treeKeyAction(rows, 1, "q")).toBeNull();
  });
  it("skips status rows", () => {
    const withLoading = flattenTree({ listings, open: new Map([["/b", true]]) }).rows; // /a, /b, loading, /c
    expect(withLoading[2]!.kind).toBe("loading");
    expect(treeKeyAction(withLoading, 1, "ArrowDown")).toEqual({ type: "focus", index: 3 });
    expect(treeKeyAction(withLoading, 3, "ArrowUp")).toEqual({ type: "focus", index: 1 });
    const onlyStatus = flattenTree({ listings: new Map(), open: new Map() }).rows;
    expect(firstNodeIndex(onlyStatus)).toBe(-1);
    expect(lastNodeIndex(onlyStatus)).toBe(-1);
    expect(treeKeyAction(onlyStatus, 0, "ArrowDown")).toBeNull();
  });
});
