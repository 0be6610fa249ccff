import { describe, expect, it } from "vitest";
import { flattenTree, type ListingState } from "./flatten";
import { SEED_CHILDREN, firstChildren, withSeed, type TreeSeed } from "./seed";

const many = (dir: string, n: number) => Array.from({ length: n }, (_, i) => ({ key: `${dir}/k${String(i).padStart(4, "0")}`, value: "v", createdIndex: i, modifiedIndex: i }));

describe("firstChildren", () => {
  it("keeps the first children with what a row shows, no values", () => {
    const nodes = [{ key: "/d/a", dir: true, createdIndex: 1, modifiedIndex: 1 }, { key: "/d/b", value: "secret", ttl: 5, expiration: "2030-01-01T00:00:00Z" }, ...many("/d", 100)];
    const first = firstChildren(nodes);
    expect(first).toHaveLength(SEED_CHILDREN);
    expect(first.slice(0, 2)).toEqual([{ key: "/d/a", dir: true, modifiedIndex: 1 }, { key: "/d/b", ttl: 5, expiration: "2030-01-01T00:00:00Z" }]);
    expect(JSON.stringify(first)).not.toContain("secret");
  });
});

describe("withSeed", () => {
  const seed: TreeSeed = {
    cluster: "default",
    listings: [
      { dir: "/", children: [{ key: "/big", dir: true }], total: 1 },
      { dir: "/big", children: firstChildren(many("/big", 10_000)), total: 10_000 },
    ],
  };

  it("shows the first rows of the whole listings, with their true counts", () => {
    const listings = withSeed(new Map(), seed, "default");
    const { rows } = flattenTree({ listings, open: new Map([["/big", true]]) });
    const whole = flattenTree({ listings: new Map<string, ListingState>([["/", { status: "loaded", children: [{ key: "/big", dir: true }] }], ["/big", { status: "loaded", children: many("/big", 10_000) }]]), open: new Map([["/big", true]]) });
    expect(rows).toEqual(whole.rows.slice(0, rows.length));
    expect(rows).toHaveLength(1 + SEED_CHILDREN);
    expect(rows[0]).toMatchObject({ key: "/big", childCount: 10_000 });
    expect(rows[1]).toMatchObject({ key: "/big/k0000", setSize: 10_000, posInSet: 1 });
  });

  it("never replaces a listing the browser holds, and ignores another cluster's seed", () => {
    const held = new Map<string, ListingState>([["/big", { status: "loading" }]]);
    expect(withSeed(held, seed, "default").get("/big")).toEqual({ status: "loading" });
    expect(withSeed(held, seed, "default").get("/")).toMatchObject({ status: "loaded", total: 1 });
    expect(withSeed(held, seed, "other")).toBe(held);
    expect(withSeed(held, null, "default")).toBe(held);
  });
});
