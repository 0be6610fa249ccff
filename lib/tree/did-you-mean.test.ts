import { describe, expect, it } from "vitest";
import { editDistance, nearestSiblings } from "./did-you-mean";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("config", "config")).toBe(0);
    expect(editDistance("conifg", "config")).toBe(2);
    expect(editDistance("cfg", "config")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("nearestSiblings", () => {
  const children = [{ key: "/apps/web/config.json" }, { key: "/apps/web/port" }, { key: "/apps/web/ports" }, { key: "/apps/web/zzz" }];
  it("offers the names a few edits away or containing the typed one, nearest first", () => {
    expect(nearestSiblings(children, "conifg.json").map((c) => c.key)).toEqual(["/apps/web/config.json"]);
    expect(nearestSiblings(children, "prot").map((c) => c.key)).toEqual(["/apps/web/port"]);
    expect(nearestSiblings(children, "por").map((c) => c.key)).toEqual(["/apps/web/port", "/apps/web/ports"]);
    expect(nearestSiblings(children, "CONFIG").map((c) => c.key)).toEqual(["/apps/web/config.json"]);
  });
  it("offers nothing for an unrelated name, an empty one, and at most the limit", () => {
    expect(nearestSiblings(children, "database")).toEqual([]);
    expect(nearestSiblings(children, "")).toEqual([]);
    expect(nearestSiblings(children, "p", 1)).toHaveLength(1);
  });
});
