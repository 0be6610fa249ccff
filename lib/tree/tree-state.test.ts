import { describe, expect, it } from "vitest";
import { flattenTree, type ListingState, type NodeRow } from "./flatten";
import type { TreeSeed } from "./seed";
import { checksCleared, checksDeleted, dirOpened, EMPTY_TREE, filtered, filterTextFor, isListedDir, listingRead, mounted, rowChecked, selectionAfterDelete, selectionShown, type TreeState } from "./tree-state";

const loaded = (...children: { key: string; dir?: boolean; modifiedIndex?: number }[]): ListingState => ({ status: "loaded", children });
const root = loaded({ key: "/apps", dir: true, modifiedIndex: 2 }, { key: "/readme", modifiedIndex: 4 });
const apps = loaded({ key: "/apps/api", modifiedIndex: 5 }, { key: "/apps/web", dir: true, modifiedIndex: 6 });
const withListings = (state: TreeState) => listingRead(listingRead(state, "/", root, 1), "/apps", apps, 1);
const rowsOf = (state: TreeState) => flattenTree({ listings: state.listings, open: state.open }).rows;
const row = (state: TreeState, key: string) => rowsOf(state).find((r): r is NodeRow => r.kind === "node" && r.key === key)!;

describe("mounted", () => {
  const seed: TreeSeed = { cluster: "c", listings: [{ dir: "/", children: [{ key: "/apps", dir: true }], total: 40 }] };

  it("opens the way to a linked key and the key itself, and fills unread listings from the seed", () => {
    const state = mounted(EMPTY_TREE, "/apps/web", seed, "c", false);
    expect([...state.open]).toEqual([["/apps", true], ["/apps/web", true]]);
    expect(state.listings.get("/")).toMatchObject({ status: "loaded", total: 40 });
    expect(state.focusedKey).toBe("/apps/web");
    expect(state.shownSelection).toBe("/apps/web");
  });

  it("keeps what an earlier tree read and a directory the user closed, and the focus only when the tree had it", () => {
    const before = { ...withListings(EMPTY_TREE), open: new Map([["/apps", false]]), focusedKey: "/readme" };
    const state = mounted(before, "/apps", seed, "c", true);
    expect(state.listings.get("/")).toBe(root);
    expect(state.open.get("/apps")).toBe(false);
    expect(state.focusedKey).toBe("/readme");
    expect(mounted(before, "/apps", seed, "c", false).focusedKey).toBe("/apps");
  });
});

describe("selectionShown", () => {
  it("opens the ancestors of a new selection and focuses it, once", () => {
    const state = selectionShown(mounted(EMPTY_TREE, "/", null, "c", false), "/apps/web/port");
    expect(state.open.get("/apps")).toBe(true);
    expect(state.open.get("/apps/web")).toBe(true);
    expect(state.focusedKey).toBe("/apps/web/port");
    expect(selectionShown(state, "/apps/web/port")).toBe(state);
  });
});

describe("listingRead", () => {
  it("stores a listing and when it was read; the same listing again changes nothing", () => {
    const state = listingRead(EMPTY_TREE, "/", root, 7);
    expect(state.listings.get("/")).toBe(root);
    expect(state.usedAt.get("/")).toBe(7);
    expect(listingRead(state, "/", root, 9)).toBe(state);
    expect(listingRead(state, "/", { status: "error", message: "down" }, 9).listings.get("/")).toEqual({ status: "error", message: "down" });
  });

  it("unchecks the keys a new listing no longer holds", () => {
    let state = withListings(dirOpened(EMPTY_TREE, "/apps", true));
    state = rowChecked(state, row(state, "/apps/api"), false, rowsOf(state));
    state = rowChecked(state, row(state, "/readme"), false, rowsOf(state));
    state = listingRead(state, "/apps", loaded({ key: "/apps/web", dir: true }), 2);
    expect([...state.selection.keys()]).toEqual(["/readme"]);
  });
});

describe("checked rows", () => {
  const state = withListings(dirOpened(EMPTY_TREE, "/apps", true));

  it("a range runs from the last row checked", () => {
    const first = rowChecked(state, row(state, "/apps"), false, rowsOf(state));
    expect(first.anchor).toBe("/apps");
    const range = rowChecked(first, row(state, "/apps/web"), true, rowsOf(state));
    expect([...range.selection.keys()].sort()).toEqual(["/apps", "/apps/api", "/apps/web"]);
    const cleared = checksCleared(range);
    expect(cleared.selection.size).toBe(0);
    expect(cleared.anchor).toBeNull();
    expect(checksCleared(cleared)).toBe(cleared);
  });

  it("a bulk delete unchecks what it deleted and what was inside", () => {
    let checked = rowChecked(state, row(state, "/apps/api"), false, rowsOf(state));
    checked = rowChecked(checked, row(state, "/readme"), false, rowsOf(state));
    expect([...checksDeleted(checked, ["/apps"]).selection.keys()]).toEqual(["/readme"]);
    expect(checksDeleted(checked, ["/other"])).toBe(checked);
  });

  it("the panel moves to the nearest directory left when its key went", () => {
    expect(selectionAfterDelete("/apps/web/port", ["/apps"])).toBe("/");
    expect(selectionAfterDelete("/apps/web/port", ["/apps/web/port"])).toBe("/apps/web");
    expect(selectionAfterDelete("/apps/web/port", ["/readme"])).toBeNull();
  });
});

describe("filter", () => {
  it("applies to the directory it was typed for only", () => {
    const state = filtered(EMPTY_TREE, "/apps", "we");
    expect(filterTextFor(state, "/apps")).toBe("we");
    expect(filterTextFor(state, "/")).toBe("");
    expect(filtered(state, "/apps", "we")).toBe(state);
  });
});

describe("isListedDir", () => {
  it("knows a directory by its parent's listing", () => {
    const { listings } = withListings(EMPTY_TREE);
    expect(isListedDir(listings, "/")).toBe(true);
    expect(isListedDir(listings, "/apps")).toBe(true);
    expect(isListedDir(listings, "/readme")).toBe(false);
    expect(isListedDir(listings, "/apps/web")).toBe(true);
    expect(isListedDir(listings, "/nowhere/x")).toBe(false);
  });
});
