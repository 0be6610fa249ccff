import { describe, expect, it } from "vitest";
import { ancestorsOpen, flattenTree, openAncestors, openForLink, rowIndexOf, type ListingState, type NodeRow } from "./flatten";

const loaded = (...children: { key: string; dir?: boolean; ttl?: number }[]): ListingState => ({ status: "loaded", children });

const listings = new Map<string, ListingState>([
  ["/", loaded({ key: "/apps", dir: true }, { key: "/config", dir: true }, { key: "/readme", ttl: 30 })],
  ["/apps", loaded({ key: "/apps/api", dir: true }, { key: "/apps/web", dir: true, ttl: 60 }, { key: "/apps/worker" })],
  ["/apps/web", loaded({ key: "/apps/web/port" })],
]);

const nodes = (rows: ReturnType<typeof flattenTree>["rows"]) => rows.filter((r): r is NodeRow => r.kind === "node");

describe("flattenTree", () => {
  it("shows only the root's children when nothing is open", () => {
    const { rows, openDirs, listedDirs } = flattenTree({ listings, open: new Map() });
    // Closed, but its listing is held: its count is shown and kept current.
    expect(listedDirs).toEqual(["/apps"]);
    expect(rows.map((r) => r.key)).toEqual(["/apps", "/config", "/readme"]);
    expect(openDirs).toEqual(["/"]);
    const [apps, , readme] = nodes(rows);
    expect(apps).toMatchObject({ name: "apps", depth: 1, isDir: true, isOpen: false, childCount: 3, hasChildren: true, setSize: 3, posInSet: 1 });
    expect(readme).toMatchObject({ name: "readme", isDir: false, ttl: 30, childCount: undefined, hasChildren: false, posInSet: 3 });
  });

  it("descends into open directories depth first, with levels and positions", () => {
    const open = new Map([["/apps", true], ["/apps/web", true]]);
    const { rows, openDirs, listedDirs } = flattenTree({ listings, open });
    expect(rows.map((r) => r.key)).toEqual(["/apps", "/apps/api", "/apps/web", "/apps/web/port", "/apps/worker", "/config", "/readme"]);
    expect(listedDirs).toEqual(["/apps", "/apps/web"]);
    expect(nodes(rows).map((r) => r.depth)).toEqual([1, 2, 2, 3, 2, 1, 1]);
    expect(openDirs).toEqual(["/", "/apps", "/apps/web"]);
    const web = nodes(rows)[2]!;
    expect(web).toMatchObject({ isOpen: true, ttl: 60, childCount: 1, setSize: 3, posInSet: 2 });
    expect(nodes(rows)[1]).toMatchObject({ childCount: undefined, hasChildren: undefined });
  });

  it("keeps a closed directory's state apart: closing hides the subtree, reopening restores it", () => {
    const open = new Map([["/apps", false], ["/apps/web", true]]);
    expect(flattenTree({ listings, open }).rows).toHaveLength(3);
    open.set("/apps", true);
    expect(flattenTree({ listings, open }).rows).toHaveLength(7);
  });

  it("shows a loading row for an open directory without a listing, and an error row", () => {
    const open = new Map([["/config", true], ["/apps", true]]);
    const withError = new Map(listings);
    withError.set("/apps", { status: "error", message: "etcd cannot be reached" });
    const { rows, openDirs } = flattenTree({ listings: withError, open });
    expect(rows.map((r) => r.kind)).toEqual(["node", "error", "node", "loading", "node"]);
    expect(rows[1]).toMatchObject({ dir: "/apps", depth: 2, message: "etcd cannot be reached" });
    expect(rows[3]).toMatchObject({ dir: "/config", depth: 2 });
    expect(openDirs).toEqual(["/", "/apps", "/config"]);
  });

  it("a missing root listing is one loading row", () => {
    expect(flattenTree({ listings: new Map(), open: new Map() }).rows).toEqual([{ kind: "loading", key: "/#status", dir: "/", depth: 1 }]);
  });

  it("filters only the filtered directory's children, case-insensitively, renumbering positions", () => {
    const open = new Map([["/apps", true], ["/apps/web", true]]);
    const { rows } = flattenTree({ listings, open, filter: { dir: "/apps", text: "W" } });
    expect(rows.map((r) => r.key)).toEqual(["/apps", "/apps/web", "/apps/web/port", "/apps/worker", "/config", "/readme"]);
    expect(nodes(rows)[1]).toMatchObject({ setSize: 2, posInSet: 1 });
    expect(nodes(rows)[3]).toMatchObject({ setSize: 2, posInSet: 2 });
  });

  it("ignores open flags of directories that are not in any listing", () => {
    const open = new Map([["/gone", true]]);
    expect(flattenTree({ listings, open }).openDirs).toEqual(["/"]);
  });

  it("flattens a directory of 100,000 children", () => {
    const children = Array.from({ length: 100_000 }, (_, i) => ({ key: `/big/k${String(i).padStart(6, "0")}` }));
    const big = new Map<string, ListingState>([["/", loaded({ key: "/big", dir: true })], ["/big", { status: "loaded", children }]]);
    const { rows } = flattenTree({ listings: big, open: new Map([["/big", true]]) });
    expect(rows).toHaveLength(100_001);
    expect(rowIndexOf(rows, "/big/k099999")).toBe(100_000);
  });
});

describe("openAncestors", () => {
  it("opens every ancestor but not the key itself", () => {
    const open = openAncestors(new Map([["/x", false]]), "/a/b/c");
    expect([...open.entries()]).toEqual([["/x", false], ["/a", true], ["/a/b", true]]);
    expect(ancestorsOpen(open, "/a/b/c")).toBe(true);
    expect(ancestorsOpen(open, "/x/y")).toBe(false);
    expect(ancestorsOpen(new Map(), "/top")).toBe(true);
  });
});

describe("openForLink", () => {
  it("opens the key's ancestors and the key itself", () => {
    expect([...openForLink(new Map([["/x", false]]), "/a/b").entries()]).toEqual([["/x", false], ["/a", true], ["/a/b", true]]);
    expect([...openForLink(new Map(), "/").entries()]).toEqual([]);
  });

  it("leaves a directory the user closed closed", () => {
    expect(openForLink(new Map([["/a/b", false]]), "/a/b").get("/a/b")).toBe(false);
  });

  it("shows a linked directory's children, and nothing under a linked key that is not a directory", () => {
    const listings = new Map<string, ListingState>([
      ["/", { status: "loaded", children: [{ key: "/a", dir: true }, { key: "/f" }] }],
      ["/a", { status: "loaded", children: [{ key: "/a/one" }] }],
    ]);
    const keys = (open: Map<string, boolean>) => flattenTree({ listings, open }).rows.map((r) => r.key);
    expect(keys(openForLink(new Map(), "/a"))).toEqual(["/a", "/a/one", "/f"]);
    expect(keys(openForLink(new Map(), "/f"))).toEqual(["/a", "/f"]);
  });
});
