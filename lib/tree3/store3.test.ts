import { describe, expect, it } from "vitest";
import type { Dir3Response } from "@/lib/api/keys3";
import { createTree3Store } from "./store3";

const enc = new TextEncoder();
const response = (dir: string, revision: number, names: string[]): Dir3Response => ({
  keyspace: "v3",
  dir,
  revision: String(revision),
  children: names.map((name) => ({ kind: "leaf", name, key: dir + name, createRevision: "1", modRevision: "1", version: "1", lease: "0" })),
  truncated: false,
});
const names = (store: ReturnType<typeof createTree3Store>, dir: string) => {
  const listing = store.getState().listings.get(dir);
  return listing?.status === "loaded" ? listing.children.map((c) => c.name) : listing?.status;
};

describe("tree3 store", () => {
  it("replays on a listing the changes heard while it was read, after its revision only", () => {
    const store = createTree3Store();
    store.loading("d/");
    // Heard before the listing's answer came back: revision 5 is in the listing, 7 is not.
    store.changes([
      { type: "put", key: enc.encode("d/old"), modRevision: 5, createRevision: 5, version: 1 },
      { type: "put", key: enc.encode("d/new"), modRevision: 7, createRevision: 7, version: 1 },
    ]);
    store.read("d/", response("d/", 6, ["old"]));
    expect(names(store, "d/")).toEqual(["new", "old"]);
  });

  it("opens the way to a linked key and a linked directory, and focuses its row", () => {
    const store = createTree3Store();
    store.showSelection({ kind: "key", key: enc.encode("a/b/c") });
    expect([...store.getState().open.keys()]).toEqual(["a/", "a/b/"]);
    expect(store.getState().focusedId).toBe("k:a/b/c");
    store.showSelection({ kind: "dir", prefix: enc.encode("x/y/") });
    // Not the tree's first selection: the way opens, the directory stays as the click left it.
    expect(store.getState().open.get("x/")).toBe(true);
    expect(store.getState().open.has("x/y/")).toBe(false);
    expect(store.getState().focusedId).toBe("d:x/y/");
  });

  it("opens a directory linked as the tree's first selection", () => {
    const store = createTree3Store();
    store.showSelection({ kind: "dir", prefix: enc.encode("x/") });
    expect(store.getState().open.get("x/")).toBe(true);
  });
});
