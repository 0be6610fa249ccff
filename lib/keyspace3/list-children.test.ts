import { describe, expect, it } from "vitest";
import { childOf, compareChildren, keyDisplay, type KeyChild } from "./key-bytes";
import { prefixEnd } from "@/lib/etcd3/bytes";
import { listChildren, type RangeFn, type RangeRequest3, type V3Listing } from "./list-children";
import { MemoryKeyspace } from "./memory-keyspace";
import { randomBytes, seededRandom } from "./random-bytes";

const b = (text: string) => Buffer.from(text, "latin1");
const ROOT = Buffer.alloc(0);

/** The listing as display names: leaves as they are, directories with their "/". */
function names(listing: V3Listing) {
  return { leaves: listing.leaves.map((leaf) => keyDisplay(leaf.name)), dirs: listing.dirs.map((dir) => keyDisplay(dir) + "/") };
}

function keyspace(...keys: string[]) {
  const store = new MemoryKeyspace();
  store.load(keys.map(b));
  return store;
}

/** The range function, recording every request. */
function recorded(store: MemoryKeyspace) {
  const requests: RangeRequest3[] = [];
  const range: RangeFn = (request) => {
    requests.push(request);
    return store.range(request);
  };
  return { range, requests };
}

/** What the children of `prefix` are, computed the slow way from every key: the oracle of the property test. */
function childrenTheSlowWay(keys: Buffer[], prefix: Buffer) {
  const children = new Map<string, KeyChild>();
  for (const key of keys) {
    const child = childOf(prefix, key);
    if (child) children.set(child.kind + Buffer.from(child.name).toString("hex"), child);
  }
  const sorted = [...children.values()].sort(compareChildren);
  const of = (kind: KeyChild["kind"]) => sorted.filter((child) => child.kind === kind).map((child) => Buffer.from(child.name));
  return { leaves: of("leaf"), dirs: of("dir") };
}

describe("listChildren", () => {
  it("lists leaves and subdirectories one level down, in byte order", async () => {
    const listing = await listChildren(keyspace("a/x", "a/y/1", "a/y/2/deep", "a/z", "a0", "b", "a").range, b("a/"));
    expect(names(listing)).toEqual({ leaves: ["x", "z"], dirs: ["y/"] });
    expect(listing.truncated).toBe(false);
  });

  it("lists the root: top-level names beside the directory '/'", async () => {
    const store = keyspace("/registry/pods/web-0", "/registry/services/db", "foo", "registry/x", "app/config/db", "\u0000");
    expect(names(await listChildren(store.range, ROOT))).toEqual({ leaves: ["\\x00", "foo"], dirs: ["/", "app/", "registry/"] });
    expect(names(await listChildren(store.range, b("/")))).toEqual({ leaves: [], dirs: ["registry/"] });
  });

  it("shows a key that is also a prefix both as a leaf and as a directory (§4.1)", async () => {
    expect(names(await listChildren(keyspace("a/b", "a/b/c", "a/bc").range, b("a/")))).toEqual({ leaves: ["b", "bc"], dirs: ["b/"] });
  });

  it("handles empty segments and a key ending with '/'", async () => {
    const store = keyspace("a/", "a//b", "a///c", "a/x");
    expect(names(await listChildren(store.range, b("a/")))).toEqual({ leaves: ["", "x"], dirs: ["/"] });
    expect(names(await listChildren(store.range, b("a//")))).toEqual({ leaves: ["b"], dirs: ["/"] });
  });

  it("handles 0xff names, and 0xff keys at the very end of the keyspace", async () => {
    const store = keyspace("a/\xff", "a/\xff/x", "a/\xff\xff", "a/\xff\xff/y", "\xff", "\xff\xff", "\xff\xff/z", "\xff/\xff");
    expect(names(await listChildren(store.range, b("a/")))).toEqual({ leaves: ["\\xff", "\\xff\\xff"], dirs: ["\\xff/", "\\xff\\xff/"] });
    expect(names(await listChildren(store.range, ROOT, { pages: { min: 1, max: 1 } }))).toEqual({ leaves: ["\\xff", "\\xff\\xff"], dirs: ["a/", "\\xff/", "\\xff\\xff/"] });
    expect(names(await listChildren(store.range, b("\xff/")))).toEqual({ leaves: ["\\xff"], dirs: [] });
  });

  it("reads to the end of the keyspace when a prefix has no end (all 0xff, or the root)", () => {
    expect(prefixEnd(b("\xff\xff"))).toEqual(Buffer.of(0));
    expect(prefixEnd(ROOT)).toEqual(Buffer.of(0));
    expect(prefixEnd(b("a\xff"))).toEqual(b("b"));
    expect(prefixEnd(b("a/"))).toEqual(b("a0"));
  });

  it("goes on after a page that ends exactly at a subdirectory's last key", async () => {
    // Pages of 2: [a/d/1, a/d/2] ends on d's last key; the next page must start with a/e, not skip or repeat it.
    const store = keyspace("a/d/1", "a/d/2", "a/e", "a/f/1", "a/f/2", "a/g/1", "a/h");
    const { range, requests } = recorded(store);
    const listing = await listChildren(range, b("a/"), { pages: { min: 2, max: 2 } });
    expect(names(listing)).toEqual({ leaves: ["e", "h"], dirs: ["d/", "f/", "g/"] });
    expect(requests.map((request) => request.key.toString())).toEqual(["a/", "a/d0", "a/f0"]);
  });

  // Thousands of cases, CPU-bound: a loaded machine (CI beside other jobs) needs more than the default 5 s.
  it("agrees with the slow way on random keyspaces, whatever the page sizes", { timeout: 60_000 }, async () => {
    const random = seededRandom(2026);
    const alphabet = [0x61, 0x62, 0x2f, 0x2f, 0xff, 0x00];
    for (let n = 0; n < 400; n++) {
      const keys: Buffer[] = [];
      for (let k = Math.floor(random() * 40); k > 0; k--) {
        const length = 1 + Math.floor(random() * 6);
        keys.push(Buffer.from(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]!)));
      }
      const store = new MemoryKeyspace();
      store.load(keys);
      const prefixes = [ROOT, b("a/"), b("/"), b("a//"), b("\xff/"), ...keys.map((key) => key.subarray(0, key.lastIndexOf(0x2f) + 1))];
      const min = 1 + Math.floor(random() * 3);
      for (const prefix of prefixes) {
        const listing = await listChildren(store.range, prefix, { pages: { min, max: min + Math.floor(random() * 4) } });
        const expected = childrenTheSlowWay(keys, prefix);
        expect({ leaves: listing.leaves.map((leaf) => leaf.name), dirs: listing.dirs }, `prefix ${keyDisplay(prefix)} of ${keys.map(keyDisplay).join(" ")}`).toEqual(expected);
      }
    }
  });

  it("keeps every request inside the directory, keys only, and never sorted", async () => {
    const store = new MemoryKeyspace();
    store.load(["before", "dir/a", "dir/b/1", "dir/c", "dir0", "later/x"].map(b));
    const { range, requests } = recorded(store);
    await listChildren(range, b("dir/"), { pages: { min: 1, max: 1 } });
    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) {
      expect(Object.keys(request).sort()).toEqual(["key", "keys_only", "limit", "range_end", "revision"]);
      expect(request.range_end.toString()).toBe("dir0");
      expect(request.key.toString().startsWith("dir/")).toBe(true);
    }
  });

  it("returns the leaves' revisions, version and lease", async () => {
    const store = new MemoryKeyspace();
    const created = store.put("app/x", { value: b("1") });
    const modified = store.put("app/x", { value: b("2"), lease: "7587869127430461443" });
    store.put("app/y");
    const listing = await listChildren(store.range, b("app/"));
    expect(listing.leaves[0]).toEqual({ name: b("x"), createRevision: String(created), modRevision: String(modified), version: "2", lease: "7587869127430461443" });
    expect(listing.leaves[1]).toMatchObject({ name: b("y"), version: "1", lease: "0" });
    expect(listing.revision).toBe(String(store.revision));
  });

  it("pins every page to the first page's revision: a write between pages is not seen", async () => {
    const store = new MemoryKeyspace();
    store.load(Array.from({ length: 30 }, (_, i) => b(`d/k${String(i).padStart(2, "0")}`)));
    const first = String(store.revision);
    let call = 0;
    const range: RangeFn = async (request) => {
      const page = await store.range(request);
      if (++call === 1) {
        store.put("d/k29x"); // a new leaf, on a later page
        store.delete("d/k28"); // a leaf still to be read
        store.put("d/new/sub"); // a new directory
      }
      return page;
    };
    const listing = await listChildren(range, b("d/"), { pages: { min: 5, max: 5 } });
    expect(call).toBeGreaterThan(1);
    expect(listing.revision).toBe(first);
    expect(names(listing).leaves).toEqual(Array.from({ length: 30 }, (_, i) => `k${String(i).padStart(2, "0")}`));
    expect(listing.dirs).toEqual([]);
  });

  it("reads at the revision asked for", async () => {
    const store = keyspace("d/a");
    const at = String(store.revision);
    store.put("d/b");
    expect(names(await listChildren(store.range, b("d/"), { revision: at }))).toEqual({ leaves: ["a"], dirs: [] });
  });

  it("fails as the Range does when the listing outlives a compaction", async () => {
    const store = new MemoryKeyspace();
    store.load(Array.from({ length: 10 }, (_, i) => b(`d/k${i}`)));
    let call = 0;
    const range: RangeFn = async (request) => {
      const page = await store.range(request);
      if (++call === 1) store.compact(store.put("other") + 0);
      return page;
    };
    await expect(listChildren(range, b("d/"), { pages: { min: 3, max: 3 } })).rejects.toThrow("required revision has been compacted");
  });

  it("stops at maxChildren with truncated set, and goes on from resumeKey at the same revision", async () => {
    const store = keyspace("d/a", "d/b/1", "d/b/2", "d/c", "d/e/1", "d/f");
    const first = await listChildren(store.range, b("d/"), { maxChildren: 3, pages: { min: 2, max: 2 } });
    expect(names(first)).toEqual({ leaves: ["a", "c"], dirs: ["b/"] });
    expect(first.truncated).toBe(true);
    expect(first.resumeKey?.toString()).toBe("d/e/1");
    const rest = await listChildren(store.range, b("d/"), { from: first.resumeKey!, revision: first.revision });
    expect(names(rest)).toEqual({ leaves: ["f"], dirs: ["e/"] });
    expect(rest.truncated).toBe(false);
    const exact = await listChildren(store.range, b("d/"), { maxChildren: 5 });
    expect(exact.truncated).toBe(false); // exactly the cap: all of them, not truncated
  });

  it("checks the AbortSignal between pages", async () => {
    const store = new MemoryKeyspace();
    store.load(Array.from({ length: 50 }, (_, i) => b(`d/k${i}`)));
    const controller = new AbortController();
    let calls = 0;
    const range: RangeFn = async (request, signal) => {
      expect(signal).toBe(controller.signal);
      calls++;
      const page = await store.range(request);
      controller.abort(new Error("the browser went away"));
      return page;
    };
    await expect(listChildren(range, b("d/"), { signal: controller.signal, pages: { min: 10, max: 10 } })).rejects.toThrow("the browser went away");
    expect(calls).toBe(1);
  });

  it("refuses a prefix that is not a directory", async () => {
    await expect(listChildren(keyspace("ab").range, b("a"))).rejects.toThrow(TypeError);
  });
});

// §4 cost, counted in calls and keys rather than time (the figures are in list-children.ts's header).
describe("cost", () => {
  // Thousands of cases, CPU-bound: a loaded machine (CI beside other jobs) needs more than the default 5 s.
  it("100,000 direct children: 103 calls, each key returned once", { timeout: 60_000 }, async () => {
    const store = new MemoryKeyspace();
    store.load(Array.from({ length: 100_000 }, (_, i) => b(`flat/k${String(i).padStart(6, "0")}`)));
    const listing = await listChildren(store.range, b("flat/"));
    expect(listing.leaves).toHaveLength(100_000);
    expect(listing.truncated).toBe(false);
    expect(store.stats.calls).toBe(listing.calls);
    expect(listing.calls).toBe(103);
    expect(store.stats.keysReturned).toBe(100_000);
    expect(store.stats.keysWalked).toBeLessThan(5_500_000);
  });

  it("100 subdirectories over 100,000 keys: one call per subdirectory, 100 keys returned per call", async () => {
    const store = new MemoryKeyspace();
    const keys: Buffer[] = [];
    for (let d = 0; d < 100; d++) for (let s = 0; s < 10; s++) for (let k = 0; k < 100; k++) keys.push(b(`tree/d${String(d).padStart(2, "0")}/s${s}/k${String(k).padStart(3, "0")}`));
    store.load(keys);
    const listing = await listChildren(store.range, b("tree/"));
    expect(listing.dirs).toHaveLength(100);
    expect(listing.calls).toBe(101); // the last jump finds nothing after d99 (§4: 101 calls)
    expect(store.stats.keysReturned).toBe(10_000);
    expect(store.stats.keysWalked).toBeLessThan(5_100_000);
    // One level down (§4: tree/d42/, 10 subdirectories of 100 keys): one call each.
    expect((await listChildren(store.range, b("tree/d42/"))).calls).toBe(10);
  });

  it("a small directory is one call", async () => {
    const store = new MemoryKeyspace();
    store.load(Array.from({ length: 100 }, (_, i) => b(`s/k${i}`)));
    expect((await listChildren(store.range, b("s/"))).calls).toBe(1);
  });
});

describe("MemoryKeyspace", () => {
  it("answers Range as etcd does: limit, more, count of the whole range, one key, to the end, an empty key refused", async () => {
    const store = keyspace("a", "b", "c", "d");
    const range = (request: Partial<RangeRequest3>) => store.range({ key: b("a"), range_end: b("\u0000"), limit: 0, revision: "0", keys_only: true, ...request });
    expect(await range({ limit: 2 })).toMatchObject({ more: true, count: "4", kvs: [{ key: b("a") }, { key: b("b") }] });
    expect(await range({ key: b("b"), range_end: b("d") })).toMatchObject({ more: false, count: "2" });
    expect(await range({ key: b("c"), range_end: b("b") })).toMatchObject({ count: "0", kvs: [] });
    expect(await range({ key: b("c"), range_end: Buffer.alloc(0) })).toMatchObject({ count: "1", kvs: [{ key: b("c") }] });
    await expect(range({ key: Buffer.alloc(0) })).rejects.toThrow("key is not provided");
    await expect(range({ revision: String(store.revision + 1) })).rejects.toThrow("future revision");
  });
});

it("random byte keys list under the root without loss (0xff, NUL, '/' anywhere)", async () => {
  const random = seededRandom(99);
  const keys = Array.from({ length: 300 }, () => Buffer.from(randomBytes(random, 8))).filter((key) => key.length > 0);
  const store = new MemoryKeyspace();
  store.load(keys);
  const listing = await listChildren(store.range, ROOT, { pages: { min: 3, max: 7 } });
  const expected = childrenTheSlowWay(keys, ROOT);
  expect({ leaves: listing.leaves.map((leaf) => leaf.name), dirs: listing.dirs }).toEqual(expected);
});
