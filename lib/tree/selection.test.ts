import { describe, expect, it } from "vitest";
import { flattenTree, type ListingState, type NodeRow } from "./flatten";
import { EMPTY_SELECTION, planDelete, pruneVanished, selectRange, toggleSelected, type Selection } from "./selection";

const loaded = (...children: { key: string; dir?: boolean; modifiedIndex?: number }[]): ListingState => ({ status: "loaded", children });

const listings = new Map<string, ListingState>([
  ["/", loaded({ key: "/apps", dir: true, modifiedIndex: 2 }, { key: "/config", dir: true, modifiedIndex: 3 }, { key: "/readme", modifiedIndex: 4 })],
  ["/apps", loaded({ key: "/apps/api", modifiedIndex: 5 }, { key: "/apps/web", dir: true, modifiedIndex: 6 }, { key: "/apps/worker", modifiedIndex: 7 })],
  ["/apps/web", loaded({ key: "/apps/web/port", modifiedIndex: 8 })],
]);
const { rows } = flattenTree({ listings, open: new Map([["/apps", true], ["/apps/web", true]]) });
const row = (key: string) => rows.find((r): r is NodeRow => r.kind === "node" && r.key === key)!;
const keys = (selection: Selection) => [...selection.keys()].sort();

describe("toggleSelected", () => {
  it("adds a row with the index it is listed with, and removes it again", () => {
    const one = toggleSelected(EMPTY_SELECTION, row("/apps/api"));
    expect(one.get("/apps/api")).toEqual({ dir: false, modifiedIndex: 5 });
    expect(toggleSelected(one, row("/apps/api")).size).toBe(0);
    expect(toggleSelected(one, row("/apps/web")).get("/apps/web")).toEqual({ dir: true, modifiedIndex: 6 });
  });

});

describe("selectRange", () => {
  it("adds every row between the anchor and the clicked row, both ways", () => {
    expect(keys(selectRange(EMPTY_SELECTION, rows, "/apps/api", "/apps/worker"))).toEqual(["/apps/api", "/apps/web", "/apps/web/port", "/apps/worker"]);
    expect(keys(selectRange(EMPTY_SELECTION, rows, "/readme", "/config"))).toEqual(["/config", "/readme"]);
  });

  it("adds to what is selected and keeps it", () => {
    const start = toggleSelected(EMPTY_SELECTION, row("/apps"));
    expect(keys(selectRange(start, rows, "/config", "/readme"))).toEqual(["/apps", "/config", "/readme"]);
  });

  it("selects only the clicked row without an anchor, or with one no longer shown", () => {
    expect(keys(selectRange(EMPTY_SELECTION, rows, null, "/config"))).toEqual(["/config"]);
    expect(keys(selectRange(EMPTY_SELECTION, rows, "/gone", "/config"))).toEqual(["/config"]);
    expect(selectRange(EMPTY_SELECTION, rows, null, "/not-shown")).toBe(EMPTY_SELECTION);
  });

  it("skips loading and error rows", () => {
    const withLoading = flattenTree({ listings, open: new Map([["/config", true]]) }).rows;
    expect(withLoading.some((r) => r.kind === "loading")).toBe(true);
    expect(keys(selectRange(EMPTY_SELECTION, withLoading, "/apps", "/readme"))).toEqual(["/apps", "/config", "/readme"]);
  });

  it("stays cheap over 100,000 rows", () => {
    const big = Array.from({ length: 100_000 }, (_, i) => ({ key: `/big/k${String(i).padStart(6, "0")}`, modifiedIndex: i + 1 }));
    const bigRows = flattenTree({ listings: new Map([["/", loaded({ key: "/big", dir: true })], ["/big", loaded(...big)]]), open: new Map([["/big", true]]) }).rows;
    const all = selectRange(EMPTY_SELECTION, bigRows, "/big/k000000", "/big/k099999");
    expect(all.size).toBe(100_000);
    expect(all.get("/big/k050000")).toEqual({ dir: false, modifiedIndex: 50_001 });
  });
});

describe("pruneVanished", () => {
  const selection = selectRange(EMPTY_SELECTION, rows, "/apps", "/readme");

  it("is the same map while every selected key is still listed", () => {
    expect(pruneVanished(selection, listings)).toBe(selection);
  });

  it("drops keys missing from their parent's loaded listing, and keeps keys whose parent is not loaded", () => {
    const after = new Map(listings)
      .set("/apps", loaded({ key: "/apps/api", modifiedIndex: 5 }, { key: "/apps/worker", modifiedIndex: 7 }))
      .set("/apps/web", { status: "loading" });
    expect(keys(pruneVanished(selection, after))).toEqual(["/apps", "/apps/api", "/apps/web/port", "/apps/worker", "/config", "/readme"]);
    const rootGone = new Map(listings).set("/", loaded({ key: "/readme" }));
    expect(keys(pruneVanished(selection, rootGone))).toEqual(["/apps/api", "/apps/web", "/apps/web/port", "/apps/worker", "/readme"]);
  });

  it("does not prune by a first screen (a seeded listing holding only its first children)", () => {
    const seeded = new Map(listings).set("/apps", { status: "loaded", children: [{ key: "/apps/api" }], total: 3 } as ListingState);
    expect(pruneVanished(selection, seeded)).toBe(selection);
  });
});

describe("planDelete", () => {
  it("sends each selected directory for its subtree, and lists the selected keys inside it as covered", () => {
    const selection = selectRange(EMPTY_SELECTION, rows, "/apps", "/readme");
    const plan = planDelete(selection);
    expect(plan.items).toEqual([
      { key: "/apps", dir: true, modifiedIndex: 2 },
      { key: "/config", dir: true, modifiedIndex: 3 },
      { key: "/readme", dir: false, modifiedIndex: 4 },
    ]);
    expect(plan.covered).toEqual([
      { key: "/apps/api", by: "/apps" },
      { key: "/apps/web", by: "/apps" },
      { key: "/apps/web/port", by: "/apps" },
      { key: "/apps/worker", by: "/apps" },
    ]);
  });

  it("is not fooled by sibling names that sort between a directory and its children", () => {
    const selection: Selection = new Map([
      ["/a", { dir: true, modifiedIndex: 1 }],
      ["/a-b", { dir: true, modifiedIndex: 2 }],
      ["/a/c", { dir: false, modifiedIndex: 3 }],
      ["/a-b/d", { dir: false, modifiedIndex: 4 }],
      ["/ab", { dir: false, modifiedIndex: 5 }],
    ]);
    const plan = planDelete(selection);
    expect(plan.items.map((i) => i.key)).toEqual(["/a", "/a-b", "/ab"]);
    expect(plan.covered).toEqual([
      { key: "/a-b/d", by: "/a-b" },
      { key: "/a/c", by: "/a" },
    ]);
  });
});
