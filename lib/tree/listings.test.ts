import { describe, expect, it } from "vitest";
import type { ListingState } from "./flatten";
import { withListing } from "./listings";

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
