// One level of the v3 tree: the immediate children of a directory prefix, read with the skip-scan of
// etcd-v3-api.md §4.1 (etcd has no delimiter: page through `keys_only` ranges of the directory and jump past each
// subdirectory's whole subtree). Server-side but pure: the Range call is injected, so the gRPC client (lib/etcd3)
// plugs in and the unit tests run it over an in-memory keyspace (memory-keyspace.ts).
//
// Guarantees:
// - one revision's view: the first page reads the current revision (or the one asked for) and every later page
//   is pinned to it (§4), so a write between pages is not seen; if the listing outlives the compaction window,
//   the Range error (compacted, §3.1) is what the caller gets;
// - never a sort (§0.5: any sort reads the whole range first) and never a read of the whole keyspace: each call
//   covers [start, end of the directory) and returns at most one page;
// - children in the order etcd returns their keys (§0.5; compareChildren in key-bytes.ts), a key that is also a prefix listed twice (a leaf
//   and a directory, §4.1), 0xff names, empty segments (key-bytes.ts says how the tree names them);
// - at most `maxChildren` children, with `truncated` and where to go on from beyond;
// - the AbortSignal is checked before each page and handed to each call.
//
// Cost (§4: a 3.4 Range walks all of [key, range_end) to count it, whatever the limit; returning a key costs more
// than walking one): one call per subdirectory whose subtree reaches the end of a page, plus one per page of
// leaves. The pages grow from 100 to 1000 keys while they are mostly children (leaves or small subdirectories)
// and shrink back while they are mostly keys inside a subdirectory, which are thrown away; when `count` says the
// rest of the directory fits in one page, the next page takes it all. Measured with memory-keyspace.ts
// (list-children.test.ts, "cost"):
// - 100,000 leaves: 103 calls (100 + 200 + 400 + 800, then 1000 a page), 100,000 keys returned, 5.3 million keys
//   walked (each call walks the rest of the directory): §4 puts that at about 2.3 s on 3.4 (every page of 1000
//   over 100k keys: 2.34 s, 100 calls). It is the price of 3.4's count, the same as reading the keys page by page;
//   the pages cannot grow beyond 1000 without risking etcd's message limits with long keys;
// - 100 subdirectories of 1,000 keys each (100,000 keys): 101 calls (one per subdirectory, and one that finds
//   nothing after the last), 10,000 keys returned (100 a call, only the first of each a child), 5.05 million
//   walked: about 1 s on 3.4 (§4: 1.04 s, 101 calls); the subdirectories of one of them (1,000 keys): 10 calls;
// - 100 leaves: 1 call (§4: 1.6 ms).
import { isDirPrefix, startsWithBytes } from "./key-bytes";
import { keyAfter, prefixEnd } from "@/lib/etcd3/bytes";

/** The Range request the listing sends (§3.1, wire names; revisions are decimal strings, "0" = current). */
export interface RangeRequest3 {
  key: Buffer;
  /** The end of the directory: prefixEnd(prefix), "\0" for "to the end of the keyspace". */
  range_end: Buffer;
  limit: number;
  revision: string;
  keys_only: true;
}

/** The part of a Range answer the listing reads (§3: zero values may be absent). */
export interface RangeResponse3 {
  header: { revision: string };
  kvs?: Array<{ key: Buffer; create_revision: string; mod_revision: string; version: string; lease?: string; value?: Buffer }>;
  more?: boolean;
  /** Every key in [key, range_end), whatever the limit (§3.1). */
  count?: string;
}

export type RangeFn = (request: RangeRequest3, signal?: AbortSignal) => Promise<RangeResponse3>;

/** A key directly in the directory. */
export interface V3Leaf {
  /** The key without the directory's prefix ("" for a key equal to the prefix, such as `a/` in `a/`). */
  name: Buffer;
  createRevision: string;
  modRevision: string;
  version: string;
  /** The lease id, "0" when none. */
  lease: string;
}

export interface V3Listing {
  /** The revision every page was read at. */
  revision: string;
  /** In byte order. */
  leaves: V3Leaf[];
  /**
   * Subdirectory names (without their "/"), in byte order of their prefixes (name + "/"), which is not always
   * the order of the names: compareChildren (key-bytes.ts) merges them with the leaves in the tree's order.
   */
  dirs: Buffer[];
  /** More children exist after the last one returned. */
  truncated: boolean;
  /** When truncated: the key to go on from (at the same revision) to read the children after those returned. */
  resumeKey?: Buffer;
  /** Range calls made. */
  calls: number;
}

export interface ListChildrenOptions {
  signal?: AbortSignal;
  /** Read at this revision instead of the current one. */
  revision?: string;
  /** At most this many children (leaves and directories together); DEFAULT_MAX_CHILDREN by default. */
  maxChildren?: number;
  /** Go on from this key (a truncated listing's resumeKey, with its revision). */
  from?: Buffer;
  /** The page sizes (MIN_PAGE and MAX_PAGE by default): tests make them tiny to put page ends everywhere. */
  pages?: { min: number; max: number };
}

/**
 * The most children one listing returns: twice the 100,000 children a v2 directory shows (the target),
 * while bounding the server's memory (about 200 bytes a child: 40 MB) and the answer to the browser.
 */
export const DEFAULT_MAX_CHILDREN = 200_000;

/** §4: "keep pages at 100–1000 keys": 100 is the size §4.1 was tested with; 1000 keys_only keys are about 30 KB. */
export const MIN_PAGE = 100;
export const MAX_PAGE = 1000;

const SLASH = 0x2f;

/** The next page's size: see the cost notes at the top. */
function nextLimit(pages: { min: number; max: number }, limit: number, children: number, returned: number, count: number): number {
  if (children * 2 < returned) return Math.max(pages.min, limit >> 1);
  const rest = count - returned;
  return rest > 0 && rest <= pages.max ? Math.max(rest, limit) : Math.min(pages.max, limit * 2);
}

/** The immediate children of the directory `prefix` ("" for the root, else ending with "/"). */
export async function listChildren(range: RangeFn, prefix: Buffer, options: ListChildrenOptions = {}): Promise<V3Listing> {
  if (!isDirPrefix(prefix)) throw new TypeError('a directory prefix is empty (the root) or ends with "/"');
  const { signal } = options;
  const maxChildren = options.maxChildren ?? DEFAULT_MAX_CHILDREN;
  const end = prefixEnd(prefix);
  const leaves: V3Leaf[] = [];
  const dirs: Buffer[] = [];
  let revision = options.revision ?? "0";
  // §0.6: an empty key is refused; "\0" is the smallest key there is, so the root starts there.
  let start = options.from ?? (prefix.length > 0 ? prefix : Buffer.of(0));
  const pages = options.pages ?? { min: MIN_PAGE, max: MAX_PAGE };
  let limit = pages.min;
  let calls = 0;
  // The subdirectory (its prefix, ending with "/") whose keys the scan is passing: they are not children.
  let inside: Buffer | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const page = await range({ key: start, range_end: end, limit, revision, keys_only: true }, signal);
    calls++;
    if (revision === "0") revision = page.header.revision; // §4: one snapshot for every page
    const kvs = page.kvs ?? [];
    let children = 0;
    for (const kv of kvs) {
      if (inside && startsWithBytes(kv.key, inside)) continue;
      if (leaves.length + dirs.length >= maxChildren) return { revision, leaves, dirs, truncated: true, resumeKey: kv.key, calls };
      children++;
      const slash = kv.key.indexOf(SLASH, prefix.length);
      if (slash < 0) {
        inside = undefined;
        leaves.push({
          name: kv.key.subarray(prefix.length),
          createRevision: kv.create_revision,
          modRevision: kv.mod_revision,
          version: kv.version,
          lease: kv.lease ?? "0",
        });
      } else {
        inside = kv.key.subarray(0, slash + 1);
        dirs.push(kv.key.subarray(prefix.length, slash));
      }
    }
    const last = kvs.at(-1);
    if (!page.more || !last) return { revision, leaves, dirs, truncated: false, calls };
    // §4.1: past the whole subtree of the subdirectory the page ended in (prefix + name + "0"), else after the key.
    start = inside && startsWithBytes(last.key, inside) ? prefixEnd(inside) : keyAfter(last.key);
    limit = nextLimit(pages, limit, children, kvs.length, Number(page.count ?? 0));
  }
}
