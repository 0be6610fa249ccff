// An in-memory etcd v3 keyspace whose Range behaves as etcd 3.4.23's does (etcd-v3-api.md §3.1), for the unit
// tests of the listing algorithms (test support, pure): byte order, key / range_end ("\0" = to the end, an end at
// or below key = nothing, none = one key), limit with `more`, `count` of every key in range whatever the limit
// (§0.4), keys_only, historical reads at `revision` (future and compacted revisions refused), and an empty key
// refused (§0.6). It also counts what a real etcd would spend (§4): calls, keys walked (3.4 walks the whole
// [key, range_end) to count it) and keys returned.
import type { RangeRequest3, RangeResponse3 } from "./list-children";

interface Revision {
  mod: number;
  create: number;
  version: number;
  lease: string;
  value: Buffer;
  deleted: boolean;
}
interface Entry {
  key: Buffer;
  history: Revision[];
}

export class RangeError3 extends Error {
  constructor(
    readonly grpcCode: "INVALID_ARGUMENT" | "OUT_OF_RANGE",
    message: string,
  ) {
    super(message);
  }
}

export class MemoryKeyspace {
  /** The store's revision: 1 in a new etcd. */
  revision = 1;
  private compacted = 0;
  /** Every key ever written, in byte order. */
  private entries: Entry[] = [];
  readonly stats = { calls: 0, keysWalked: 0, keysReturned: 0 };

  /** Puts every key at once in byte order, one revision each (as many single puts would): for big fixtures. */
  load(keys: Iterable<Buffer | string>): void {
    const fresh = new Map<string, Buffer>();
    for (const key of keys) {
      const bytes = typeof key === "string" ? Buffer.from(key) : key;
      fresh.set(bytes.toString("hex"), bytes);
    }
    for (const entry of this.entries) fresh.delete(entry.key.toString("hex"));
    for (const key of fresh.values()) {
      this.revision++;
      this.entries.push({ key, history: [this.newRevision(undefined)] });
    }
    this.entries.sort((a, b) => Buffer.compare(a.key, b.key));
  }

  put(key: Buffer | string, options: { value?: Buffer; lease?: string } = {}): number {
    const bytes = typeof key === "string" ? Buffer.from(key) : key;
    const at = this.lowerBound(bytes);
    let entry = this.entries[at];
    if (!entry || !entry.key.equals(bytes)) {
      entry = { key: bytes, history: [] };
      this.entries.splice(at, 0, entry);
    }
    this.revision++;
    entry.history.push(this.newRevision(entry.history.at(-1), options));
    return this.revision;
  }

  delete(key: Buffer | string): number {
    const bytes = typeof key === "string" ? Buffer.from(key) : key;
    const entry = this.entries[this.lowerBound(bytes)];
    const last = entry?.key.equals(bytes) ? entry.history.at(-1) : undefined;
    if (!last || last.deleted) return this.revision; // deleting nothing does not move the revision (§3.2)
    this.revision++;
    entry!.history.push({ ...last, mod: this.revision, deleted: true });
    return this.revision;
  }

  compact(revision: number): void {
    this.compacted = revision;
  }

  /** etcd's Range (§3.1), as the listing calls it. */
  range = async (request: RangeRequest3): Promise<RangeResponse3> => {
    this.stats.calls++;
    if (request.key.length === 0) throw new RangeError3("INVALID_ARGUMENT", "etcdserver: key is not provided");
    const at = request.revision === undefined || request.revision === "0" ? this.revision : Number(request.revision);
    if (at > this.revision) throw new RangeError3("OUT_OF_RANGE", "etcdserver: mvcc: required revision is a future revision");
    if (at < this.compacted) throw new RangeError3("OUT_OF_RANGE", "etcdserver: mvcc: required revision has been compacted");
    const end = request.range_end ?? Buffer.alloc(0);
    const toEnd = end.length === 1 && end[0] === 0;
    const kvs: RangeResponse3["kvs"] = [];
    let count = 0;
    for (let i = this.lowerBound(request.key); i < this.entries.length; i++) {
      const entry = this.entries[i]!;
      if (end.length === 0 ? !entry.key.equals(request.key) : !toEnd && Buffer.compare(entry.key, end) >= 0) break;
      this.stats.keysWalked++;
      const seen = visibleAt(entry.history, at);
      if (!seen) continue;
      count++;
      if (request.limit && kvs.length >= request.limit) continue;
      kvs.push({
        key: entry.key,
        create_revision: String(seen.create),
        mod_revision: String(seen.mod),
        version: String(seen.version),
        ...(request.keys_only || seen.value.length === 0 ? {} : { value: seen.value }),
        ...(seen.lease === "0" ? {} : { lease: seen.lease }),
      });
    }
    this.stats.keysReturned += kvs.length;
    return { header: { revision: String(this.revision) }, kvs, more: kvs.length < count, count: String(count) };
  };

  private newRevision(previous: Revision | undefined, options: { value?: Buffer; lease?: string } = {}): Revision {
    const alive = previous && !previous.deleted;
    return {
      mod: this.revision,
      create: alive ? previous.create : this.revision,
      version: alive ? previous.version + 1 : 1,
      lease: options.lease ?? "0",
      value: options.value ?? Buffer.alloc(0),
      deleted: false,
    };
  }

  /** The index of the first entry whose key is >= `key`. */
  private lowerBound(key: Buffer): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (Buffer.compare(this.entries[mid]!.key, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** The key's state at `revision`: its last change at or before it, unless that was a delete. */
function visibleAt(history: Revision[], revision: number): Revision | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const change = history[i]!;
    if (change.mod <= revision) return change.deleted ? undefined : change;
  }
  return undefined;
}
