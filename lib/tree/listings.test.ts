import { describe, expect, it } from "vitest";
import type { ListingState } from "./flatten";
import { ApiError } from "@/lib/api/errors";
import { dirsToRead, listingOfRead, sameListing, withListing } from "./listings";

const loaded = (...children: { key: string; dir?: boolean }[]): ListingState => ({ status: "loaded", children });

describe("withListing", () => {
  const listings = new Map<string, ListingState>([
    ["/", loaded({ key: "/a", dir: true }, { key: "/b", dir: true }, { key: "/f" })],
    ["/a", loaded({ key: "/a/x", dir: true })],
    ["/a/x", loaded({ key: "/a/x/1" })],
    ["/ab", loaded()],
    ["/b", loaded()],
  ]);

  it("sets a directory's listing without touching the others", () => {
    const next = withListing(listings, "/b", loaded({ key: "/b/new" }));
    expect(next.get("/b")).toEqual(loaded({ key: "/b/new" }));
    expect([...next.keys()]).toEqual([...listings.keys()]);
    expect(listings.get("/b")).toEqual(loaded());
  });

  it("drops the listings of a directory that left its parent, and everything below it", () => {
    const next = withListing(listings, "/", loaded({ key: "/b", dir: true }, { key: "/f" }));
    expect([...next.keys()].sort()).toEqual(["/", "/ab", "/b"]);
  });

  it("keeps listings while the parent's state is an error or loading (nothing is known to be gone)", () => {
    expect(withListing(listings, "/", { status: "error", message: "down" }).has("/a/x")).toBe(true);
  });
});

describe("listingOfRead", () => {
  const children = [{ key: "/d/k", modifiedIndex: 3 }];

  it("shows a directory's children, and nothing before anything is known", () => {
    expect(listingOfRead("/d", { action: "get", node: { key: "/d", dir: true, nodes: children }, etcdIndex: 3 }, undefined)).toEqual({ status: "loaded", children });
    expect(listingOfRead("/d", { action: "get", node: { key: "/d", dir: true }, etcdIndex: 3 }, undefined)).toEqual({ status: "loaded", children: [] });
    expect(listingOfRead("/d", undefined, undefined)).toBeNull();
  });

  it("says in words why a directory cannot be listed", () => {
    expect(listingOfRead("/d", { action: "get", node: { key: "/d", value: "v" }, etcdIndex: 3 }, undefined)).toEqual({ status: "error", message: "/d is not a directory." });
    expect(listingOfRead("/d", undefined, ApiError.of("key_not_found", "Key not found"))).toEqual({ status: "error", message: "/d does not exist (any more)." });
    expect(listingOfRead("/d", undefined, ApiError.of("etcd_unavailable", "etcd is down"))).toEqual({ status: "error", message: "etcd is down", kind: "unreachable" });
  });
});

describe("sameListing", () => {
  it("is the same children array (a new read is a new array), the same error text, or the same status", () => {
    const children = [{ key: "/k" }];
    expect(sameListing({ status: "loaded", children }, { status: "loaded", children })).toBe(true);
    expect(sameListing({ status: "loaded", children }, { status: "loaded", children: [...children] })).toBe(false);
    expect(sameListing({ status: "loaded", children, total: 9 }, { status: "loaded", children })).toBe(false);
    expect(sameListing({ status: "error", message: "a" }, { status: "error", message: "a" })).toBe(true);
    expect(sameListing({ status: "error", message: "a" }, { status: "loaded", children })).toBe(false);
  });
});

describe("dirsToRead", () => {
  it("reads the open directories, those with a count shown, and the selection's open way at once", () => {
    const open = new Map([["/a", true], ["/a/b", true], ["/a/b/c", false]]);
    expect(dirsToRead(["/"], ["/x"], open, "/a/b/c")).toEqual(["/", "/a", "/a/b", "/x"]);
    expect(dirsToRead(["/"], [], new Map(), "/a/b")).toEqual(["/"]);
  });
});
