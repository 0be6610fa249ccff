import { describe, expect, it } from "vitest";
import type { Child3, Dir3Response } from "@/lib/api/keys3";
import { parseKeyDisplay } from "@/lib/keyspace3/key-bytes";
import { applyChanges, listingOf, pageAppended, type Change3, type Listing3 } from "./listings3";

const leaf = (dir: string, name: string): Child3 => ({ kind: "leaf", name, key: dir + name, createRevision: "2", modRevision: "2", version: "1", lease: "0" });
const dirRow = (dir: string, name: string): Child3 => ({ kind: "dir", name: `${name}/`, key: `${dir}${name}/` });
const response = (dir: string, revision: number, children: Child3[], resumeKey?: string): Dir3Response => ({
  keyspace: "v3",
  dir,
  revision: String(revision),
  children,
  truncated: resumeKey !== undefined,
  ...(resumeKey !== undefined ? { resumeKey } : {}),
});
const bytes = (display: string) => {
  const parse = parseKeyDisplay(display);
  if (!parse.ok) throw new Error(display);
  return parse.bytes;
};
const put = (key: string, modRevision: number): Change3 => ({ type: "put", key: bytes(key), modRevision, createRevision: modRevision, version: 1 });
const del = (key: string, modRevision: number): Change3 => ({ type: "delete", key: bytes(key), modRevision, createRevision: 0, version: 0 });
const names = (listings: ReadonlyMap<string, Listing3>, dir: string) => {
  const listing = listings.get(dir);
  return listing?.status === "loaded" ? listing.children.map((c) => `${c.kind}:${c.name}`) : listing?.status;
};

describe("applyChanges", () => {
  const root = new Map<string, Listing3>([["", listingOf(response("", 10, [leaf("", "a"), dirRow("", "a"), leaf("", "b")]))]]);

  it("adds a put leaf in byte order, beside a directory of the same name", () => {
    const result = applyChanges(root, [put("a!", 11), put("0", 12)]);
    // "!" < "/" < "0" < "a": the leaf a! goes between the leaf a and the directory a/.
    expect(names(result.listings, "")).toEqual(["leaf:0", "leaf:a", "leaf:a!", "dir:a/", "leaf:b"]);
    expect(result.changed).toEqual(["k:a!", "k:0"]);
  });

  it("updates a leaf's revisions on a put, removes it on a delete", () => {
    const updated = applyChanges(root, [put("b", 11)]).listings.get("");
    expect(updated?.status === "loaded" && updated.children[2]).toMatchObject({ key: "b", modRevision: "11" });
    expect(names(applyChanges(root, [del("a", 11)]).listings, "")).toEqual(["dir:a/", "leaf:b"]);
  });

  it("skips changes at or below the listing's revision (already in it)", () => {
    const result = applyChanges(root, [put("c", 10), del("b", 9)]);
    // The same map: nothing listed changed, so nothing is flattened again.
    expect(result.listings).toBe(root);
    expect(result.changed).toEqual([]);
  });

  it("adds the directory on a put's way once, under the listed directory", () => {
    const result = applyChanges(root, [put("x/y/z", 11), put("x/w", 12)]);
    expect(names(result.listings, "")).toEqual(["leaf:a", "dir:a/", "leaf:b", "dir:x/"]);
    // A change inside a directory already shown changes nothing listed.
    expect(applyChanges(result.listings, [put("x/v", 13)]).listings).toBe(result.listings);
  });

  it("names keys without a leading slash, with one, and not UTF-8 apart", () => {
    const result = applyChanges(root, [put("/etc/x", 11), put("\\xff", 12)]);
    expect(names(result.listings, "")).toEqual(["dir:/", "leaf:a", "dir:a/", "leaf:b", "leaf:\\xff"]);
  });

  it("puts the empty-named leaf (a key equal to its directory's prefix) inside that directory", () => {
    const listings = new Map<string, Listing3>([...root, ["a/", listingOf(response("a/", 10, [leaf("a/", "x")]))]]);
    const result = applyChanges(listings, [put("a/", 11)]);
    expect(names(result.listings, "a/")).toEqual(["leaf:", "leaf:x"]);
    expect(names(result.listings, "")).toEqual(["leaf:a", "dir:a/", "leaf:b"]);
  });

  it("removes a directory whose listing lost its last key; re-reads the parent when it is not listed", () => {
    const listings = new Map<string, Listing3>([...root, ["a/", listingOf(response("a/", 10, [leaf("a/", "x")]))]]);
    const emptied = applyChanges(listings, [del("a/x", 11)]);
    expect(names(emptied.listings, "")).toEqual(["leaf:a", "leaf:b"]);
    expect(emptied.reread).toEqual([]);
    const unknown = applyChanges(root, [del("a/x", 11)]);
    expect(names(unknown.listings, "")).toEqual(["leaf:a", "dir:a/", "leaf:b"]);
    expect(unknown.reread).toEqual([""]);
  });

  it("re-reads the parent too when the subdirectory's own listing must be read again", () => {
    const listings = new Map<string, Listing3>([...root, ["a/", listingOf(response("a/", 10, [dirRow("a/", "s")]))]]);
    expect(applyChanges(listings, [del("a/s/k", 11)]).reread.sort()).toEqual(["", "a/"]);
  });

  it("applies only to the listing named, for the changes heard while it was read", () => {
    const listings = new Map<string, Listing3>([...root, ["a/", listingOf(response("a/", 10, []))]]);
    const result = applyChanges(listings, [put("a/n", 11)], "a/");
    expect(names(result.listings, "a/")).toEqual(["leaf:n"]);
    expect(result.listings.get("")).toBe(listings.get(""));
  });
});

describe("paging a truncated listing", () => {
  const first = listingOf(response("p/", 10, [leaf("p/", "k1"), leaf("p/", "k3")], "p/k3\\x00"));

  it("holds changes beyond the last child until their page is read, then applies them", () => {
    const listings = new Map<string, Listing3>([["p/", first]]);
    const heard = applyChanges(listings, [put("p/k2", 11), put("p/k5", 12), del("p/k4", 13)]);
    const held = heard.listings.get("p/");
    expect(names(heard.listings, "p/")).toEqual(["leaf:k1", "leaf:k2", "leaf:k3"]);
    if (held?.status !== "loaded") throw new Error("not loaded");
    expect(held.later).toHaveLength(2);
    const next = pageAppended(held, response("p/", 10, [leaf("p/", "k4"), leaf("p/", "k6")]));
    expect(next.listing.children.map((c) => c.name)).toEqual(["k1", "k2", "k3", "k5", "k6"]);
    expect(next.listing.resumeKey).toBeNull();
    expect(next.listing.later).toEqual([]);
    expect(next.changed).toEqual(["k:p/k5", "k:p/k4"]);
  });

  it("keeps the resume key of a page that is truncated again", () => {
    const next = pageAppended(first, response("p/", 10, [leaf("p/", "k4")], "p/k4\\x00"));
    expect(next.listing.resumeKey).toBe("p/k4\\x00");
    expect(next.listing.children).toHaveLength(3);
  });
});
