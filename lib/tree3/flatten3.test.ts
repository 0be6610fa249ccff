import { describe, expect, it } from "vitest";
import type { Child3, Dir3Response } from "@/lib/api/keys3";
import { parseKeyDisplay } from "@/lib/keyspace3/key-bytes";
import { treeKeyAction } from "@/lib/tree/keyboard";
import type { NodeRow } from "@/lib/tree/flatten";
import { dirsToOpen, flattenTree3, selectedRowId } from "./flatten3";
import { listingOf, type Listing3 } from "./listings3";

const leaf = (dir: string, name: string): Child3 => ({ kind: "leaf", name, key: dir + name, createRevision: "2", modRevision: "2", version: "1", lease: "0" });
const dirRow = (dir: string, name: string): Child3 => ({ kind: "dir", name: `${name}/`, key: `${dir}${name}/` });
const loaded = (dir: string, children: Child3[], resumeKey?: string) =>
  listingOf({ keyspace: "v3", dir, revision: "5", children, truncated: resumeKey !== undefined, resumeKey } as Dir3Response);
const bytes = (display: string) => (parseKeyDisplay(display) as { ok: true; bytes: Uint8Array }).bytes;

const listings = new Map<string, Listing3>([
  ["", loaded("", [dirRow("", ""), leaf("", "a"), dirRow("", "a")])],
  ["a/", loaded("a/", [leaf("a/", ""), leaf("a/", "x")], "a/x\\x00")],
]);

describe("flattenTree3", () => {
  it("shows a key and a directory of the same name as two rows, ids apart, and names the empty leaf", () => {
    const { rows, openDirs, moreRows } = flattenTree3(listings, new Map([["a/", true]]), "(empty name)");
    expect(rows.map((r) => r.key)).toEqual(["d:/", "k:a", "d:a/", "k:a/", "k:a/x", "a/#more"]);
    const nodes = rows.filter((r): r is NodeRow => r.kind === "node");
    expect(nodes.map((r) => r.name)).toEqual(["/", "a", "a/", "(empty name)", "x"]);
    expect(nodes[3]).toMatchObject({ placeholderName: true, title: "a/", depth: 2, isDir: false });
    expect(nodes[2]).toMatchObject({ isDir: true, isOpen: true, childCount: undefined, title: "a/" });
    expect(openDirs).toEqual(["", "a/"]);
    // The truncated listing's next page is read when its row comes into view.
    expect([...moreRows]).toEqual([[5, "a/"]]);
  });

  it("shows a loading row for an open directory not read yet, and counts a complete listing's children", () => {
    const { rows } = flattenTree3(listings, new Map([["/", true]]), "-");
    expect(rows[1]).toMatchObject({ kind: "loading", dir: "/", depth: 2 });
    const complete = new Map(listings).set("a/", loaded("a/", [leaf("a/", "x")]));
    expect(flattenTree3(complete, new Map(), "-").rows[2]).toMatchObject({ childCount: 1, hasChildren: true, isOpen: false });
  });

  it("ArrowLeft goes to the parent row by depth (v3 ids are not paths)", () => {
    const { rows } = flattenTree3(listings, new Map([["a/", true]]), "-");
    expect(treeKeyAction(rows, 4, "ArrowLeft")).toEqual({ type: "focus", index: 2 });
    expect(treeKeyAction(rows, 2, "ArrowLeft")).toEqual({ type: "close", key: "d:a/" });
    expect(treeKeyAction(rows, 1, "ArrowLeft")).toBeNull();
  });
});

describe("links", () => {
  it("open the way to a key, and a linked directory itself", () => {
    expect(dirsToOpen({ kind: "key", key: bytes("/app/db/url") })).toEqual(["/", "/app/", "/app/db/"]);
    expect(dirsToOpen({ kind: "dir", prefix: bytes("a/b/") })).toEqual(["a/", "a/b/"]);
    expect(dirsToOpen({ kind: "key", key: bytes("top") })).toEqual([]);
    expect(dirsToOpen({ kind: "root" })).toEqual([]);
  });
  it("select the row of the key or the directory", () => {
    expect(selectedRowId({ kind: "key", key: bytes("a/") })).toBe("k:a/");
    expect(selectedRowId({ kind: "dir", prefix: bytes("a/") })).toBe("d:a/");
    expect(selectedRowId({ kind: "key", key: Uint8Array.of(0xff) })).toBe("k:\\xff");
    expect(selectedRowId({ kind: "root" })).toBeNull();
  });
});
