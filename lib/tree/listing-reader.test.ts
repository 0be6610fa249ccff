import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import type { KeyResponse } from "@/lib/api/types";
import { createObservableCache } from "@/lib/swr/observable-cache";
import type { ListingState } from "./flatten";
import { createListingReader } from "./listing-reader";

const listingOf = (dir: string, ...children: string[]): KeyResponse => ({
  action: "get",
  etcdIndex: 7,
  node: { key: dir, dir: true, nodes: children.map((key) => ({ key, value: "v", modifiedIndex: 1, createdIndex: 1 })), modifiedIndex: 1, createdIndex: 1 },
});

/** A reader over a real observable cache; reads are answered by the test, writes go to the cache as SWR's mutate would. */
function setup() {
  const cache = createObservableCache();
  const reads: { dir: string; answer: (data: KeyResponse) => void; fail: (error: unknown) => void }[] = [];
  const shown: [string, ListingState][] = [];
  const rereaders = new Map<string, () => Promise<unknown>>();
  const retries: (() => void)[] = [];
  const reader = createListingReader({
    cache,
    swrKeyOf: (dir) => `swr:${dir}`,
    read: (dir) => new Promise((answer, fail) => reads.push({ dir, answer, fail })),
    write: (swrKey, data) => cache.set(swrKey, { ...cache.get(swrKey), data, error: undefined }),
    onRevalidate: (swrKey, reread) => {
      rereaders.set(swrKey, reread);
      return () => void rereaders.delete(swrKey);
    },
    onListing: (dir, listing) => void shown.push([dir, listing]),
    onReadError: (_swrKey, _error, retry) => void retries.push(retry),
  });
  return { cache, reader, reads, shown, rereaders, retries };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createListingReader", () => {
  it("shows a cached listing at once, without reading it again", () => {
    const { cache, reader, reads, shown } = setup();
    cache.set("swr:/a", { data: listingOf("/a", "/a/x") });
    reader.holdOnly(["/a"]);
    expect(shown).toEqual([["/a", { status: "loaded", children: listingOf("/a", "/a/x").node!.nodes }]]);
    expect(reads).toEqual([]);
  });

  it("reads a listing the cache has no data for into the cache, and shows it from there", async () => {
    const { cache, reader, reads, shown } = setup();
    reader.holdOnly(["/a"]);
    expect(reads.map((r) => r.dir)).toEqual(["/a"]);
    expect(shown).toEqual([]);
    reads[0]!.answer(listingOf("/a", "/a/x"));
    await settle();
    expect(cache.get("swr:/a")?.data).toEqual(listingOf("/a", "/a/x"));
    expect(shown.map(([dir, l]) => [dir, l.status])).toEqual([["/a", "loaded"]]);
  });

  it("follows what others write to a held key, and stops when it is let go", () => {
    const { cache, reader, shown } = setup();
    cache.set("swr:/a", { data: listingOf("/a") });
    reader.holdOnly(["/a"]);
    cache.set("swr:/a", { data: listingOf("/a", "/a/new") });
    expect(shown).toHaveLength(2);
    expect(shown[1]![1]).toEqual({ status: "loaded", children: listingOf("/a", "/a/new").node!.nodes });
    // Data dropped (a live removal): the tree keeps what it shows until a read says otherwise.
    cache.delete("swr:/a");
    expect(shown).toHaveLength(2);
    reader.holdOnly([]);
    cache.set("swr:/a", { data: listingOf("/a", "/a/later") });
    expect(shown).toHaveLength(2);
  });

  it("reads a held key again when it is revalidated, and only while held", async () => {
    const { cache, reader, reads, rereaders } = setup();
    cache.set("swr:/a", { data: listingOf("/a") });
    reader.holdOnly(["/a"]);
    reader.holdOnly(["/a"]); // held already: not read again
    expect(reads).toEqual([]);
    void rereaders.get("swr:/a")!();
    expect(reads.map((r) => r.dir)).toEqual(["/a"]);
    reader.holdOnly([]);
    expect(rereaders.has("swr:/a")).toBe(false);
  });

  it("shows a failed read as the error, retries it when told, and a later read makes the retry moot", async () => {
    const { reader, reads, shown, retries, rereaders } = setup();
    reader.holdOnly(["/a"]);
    reads[0]!.fail(ApiError.of("key_not_found", "gone"));
    await settle();
    expect(shown).toEqual([["/a", { status: "error", message: "/a does not exist (any more)." }]]);
    retries[0]!();
    expect(reads).toHaveLength(2);
    reads[1]!.fail(ApiError.of("etcd_unavailable", "down"));
    await settle();
    void rereaders.get("swr:/a")!();
    expect(reads).toHaveLength(3);
    retries[1]!(); // the revalidation's read is newer
    expect(reads).toHaveLength(3);
  });

  it("keeps showing cached data when a re-read fails, as SWR keeps its data beside the error", async () => {
    const { cache, reader, reads, shown, rereaders } = setup();
    cache.set("swr:/a", { data: listingOf("/a", "/a/x") });
    reader.holdOnly(["/a"]);
    void rereaders.get("swr:/a")!();
    reads[0]!.fail(ApiError.of("etcd_unavailable", "down"));
    await settle();
    expect(shown.every(([, l]) => l.status === "loaded")).toBe(true);
  });
});
