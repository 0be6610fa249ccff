// etcd 3.4's watch permission hole (etcd-v3-api.md §9, GHSA-xg4h-6gfc-h4m8, never fixed in 3.4): a watch whose
// range ends at "\0" (every key from its first one on) is checked only at its first key, so it can deliver keys the
// dashboard's etcd user may not read, where a Range of the same keys is denied whole. Such watches (the whole
// keyspace, and prefixes of 0xff bytes only) are opened only after a Range of the same range was allowed, so they
// never show more than a read would. The answer is kept for a while per client and range: the count such a Range
// makes walks every key of it on 3.4 (§4), which is cheap once per 30 s but not per subscriber.
import "server-only";
import { END_OF_KEYSPACE, type Etcd3Client } from "@/lib/etcd3";

const ALLOWED_FOR_MS = 30_000;

/** Per client (a client is one set of credentials), the ranges found readable and until when. */
const allowed = new WeakMap<Etcd3Client, Map<string, number>>();

/**
 * Resolves when a watch of this range shows no more than a Range would; rejects with etcd's own error (permission
 * denied, user name empty, ...) when a Range of it is refused. Watches that end anywhere but "\0" are checked whole
 * by etcd itself: nothing to do.
 */
export async function checkWideWatch(client: Etcd3Client, range: { key: Buffer; rangeEnd?: Buffer }, signal?: AbortSignal, now = Date.now): Promise<void> {
  if (!range.rangeEnd?.equals(END_OF_KEYSPACE)) return;
  const id = range.key.toString("hex");
  const known = allowed.get(client) ?? new Map<string, number>();
  if ((known.get(id) ?? 0) > now()) return;
  // Serializable: the member's own answer is enough to learn what the credentials may read (no consensus round).
  await client.range({ key: range.key, rangeEnd: range.rangeEnd, countOnly: true, serializable: true }, signal);
  known.set(id, now() + ALLOWED_FOR_MS);
  allowed.set(client, known);
}
