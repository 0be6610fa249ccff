// One level of the v3 tree for the API: lib/keyspace3's skip-scan (§4.1) over the v3 client's Range, its leaves
// and subdirectories merged in the tree's order and named by display forms.
import "server-only";
import type { Child3, Dir3Response } from "@/lib/api/keys3";
import type { Etcd3Client } from "@/lib/etcd3";
import { compareChildren, dirPrefix, keyDisplay, leafKey, childDisplay, type KeyChild } from "@/lib/keyspace3/key-bytes";
import { listChildren, type RangeFn, type V3Leaf } from "@/lib/keyspace3/list-children";

/** The listing's Range (wire names) through the typed client: keys_only pages, pinned to one revision. */
export function rangeOf(client: Etcd3Client): RangeFn {
  return async (request, signal) => {
    const page = await client.range(
      { key: request.key, rangeEnd: request.range_end, limit: request.limit, revision: request.revision === "0" ? undefined : request.revision, keysOnly: true },
      signal,
    );
    return {
      header: { revision: page.revision },
      kvs: page.kvs.map((kv) => ({ key: kv.key, create_revision: kv.createRevision, mod_revision: kv.modRevision, version: kv.version, lease: kv.lease })),
      more: page.more,
      count: page.count,
    };
  };
}

export interface ListDir3Options {
  signal?: AbortSignal;
  revision?: string;
  from?: Uint8Array;
  maxChildren?: number;
}

type Sortable = { child: KeyChild; row: Child3 };

/** The immediate children of `prefix` ("" for the root, else ending with "/") at one revision. */
export async function listDir3(client: Etcd3Client, prefix: Uint8Array, options: ListDir3Options = {}): Promise<Dir3Response> {
  const listing = await listChildren(rangeOf(client), Buffer.from(prefix), {
    signal: options.signal,
    revision: options.revision,
    from: options.from ? Buffer.from(options.from) : undefined,
    maxChildren: options.maxChildren,
  });
  const rows: Sortable[] = [
    ...listing.leaves.map((leaf) => leafRow(prefix, leaf)),
    ...listing.dirs.map((name): Sortable => {
      const child: KeyChild = { kind: "dir", name };
      return { child, row: { kind: "dir", name: childDisplay(child), key: keyDisplay(dirPrefix(prefix, name)) } };
    }),
  ];
  rows.sort((a, b) => compareChildren(a.child, b.child));
  return {
    keyspace: "v3",
    dir: keyDisplay(prefix),
    revision: listing.revision,
    children: rows.map((r) => r.row),
    truncated: listing.truncated,
    ...(listing.resumeKey ? { resumeKey: keyDisplay(listing.resumeKey) } : {}),
  };
}

function leafRow(prefix: Uint8Array, leaf: V3Leaf): Sortable {
  const child: KeyChild = { kind: "leaf", name: leaf.name };
  return {
    child,
    row: {
      kind: "leaf",
      name: childDisplay(child),
      key: keyDisplay(leafKey(prefix, leaf.name)),
      createRevision: leaf.createRevision,
      modRevision: leaf.modRevision,
      version: leaf.version,
      lease: leaf.lease,
    },
  };
}
