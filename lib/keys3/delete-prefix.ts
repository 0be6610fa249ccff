// Deleting a v3 directory (a key prefix) the way the issue asks: the keys the user saw, never a blind range
// delete. The prefix is read at the revision the user confirmed (`seenAt`), page by page, and each page's keys are
// deleted in one transaction that compares every key's mod_revision with the one it had then (§3.3), within
// etcd's 128 operations per list (§0.7). A key changed, deleted or re-created since makes that transaction fail:
// the page's keys are then deleted one by one by compare-and-delete, and those that changed are kept and listed.
// A key created after `seenAt` is not in the listing and stays (the end line counts what the prefix still holds).
// Streams lines like the v2 bulk delete; a failure every following write would repeat (lib/subtree/stop-rule.ts)
// ends the run with an error line. Every transaction and every single delete is audited. Server-only.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { toApiError } from "@/lib/api/server/error-response";
import type { KeyState3 } from "@/lib/api/keys3";
import { revisionOutcome } from "@/lib/audit/entry";
import { audited } from "@/lib/audit/log";
import { keyAfter, prefixEnd, type Etcd3Client, type KeyValue3 } from "@/lib/etcd3";
import { keyDisplay } from "@/lib/keyspace3/key-bytes";
import { stopsTheRun } from "@/lib/subtree/stop-rule";
import { deleteKey3 } from "./key-ops";

/** etcd's --max-txn-ops default (128) for each of compare and success (§3.3). */
export const KEYS_PER_TXN = 128;

export type DeletePrefix3Line =
  | { type: "progress"; deleted: number; kept: number; failed: number }
  | { type: "kept"; key: string; reason: "changed" | "gone"; current: KeyState3 | null }
  | { type: "failed"; key: string; code: string; message: string; outcomeUnknown?: boolean }
  | { type: "done"; deleted: number; kept: number; failed: number; revision: string; remaining: number };

export interface DeletePrefix3Run {
  client: Etcd3Client;
  cluster: string;
  user: string;
  /** The directory: ends with "/", never the root. */
  prefix: Uint8Array;
  /** The revision the user saw the directory at. */
  seenAt: string;
  signal?: AbortSignal;
}

export async function* deletePrefix3(run: DeletePrefix3Run): AsyncGenerator<DeletePrefix3Line> {
  const { client, prefix, seenAt, signal } = run;
  const end = prefixEnd(prefix);
  const audit = { user: run.user, cluster: run.cluster, keyspace: "v3" as const, operation: "delete" };
  let start: Buffer = Buffer.from(prefix);
  let deleted = 0;
  let kept = 0;
  let failed = 0;
  let revision = seenAt;
  for (;;) {
    signal?.throwIfAborted();
    // keys_only: the mod revisions are all the compares need (§3.1); every page at seenAt (§4).
    const page = await client.range({ key: start, rangeEnd: end, limit: KEYS_PER_TXN, revision: seenAt, keysOnly: true }, signal);
    if (page.kvs.length === 0) break;
    const batch = await audited(
      { ...audit, key: keyDisplay(prefix), options: { prefix: true, seenAt, keys: page.kvs.length } },
      () => deleteBatch(client, page.kvs),
      revisionOutcome,
    ).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === "compare_failed") return undefined;
      throw error;
    });
    if (batch) {
      deleted += page.kvs.length;
      revision = batch.revision;
    } else {
      for (const kv of page.kvs) {
        const line = await deleteOne(client, audit, kv);
        if (line.type === "deleted") {
          deleted++;
          revision = line.revision;
        } else {
          if (line.type === "kept") kept++;
          else failed++;
          yield line;
        }
      }
    }
    yield { type: "progress", deleted, kept, failed };
    if (!page.more) break;
    start = keyAfter(page.kvs.at(-1)!.key);
  }
  const remaining = await client.range({ key: prefix, rangeEnd: end, countOnly: true }, signal);
  yield { type: "done", deleted, kept, failed, revision, remaining: Number(remaining.count) };
}

/**
 * One transaction: every key still at the mod revision listed, then all deleted in one revision; compare_failed
 * (so the audit line says the batch was not applied) when any of them changed.
 */
async function deleteBatch(client: Etcd3Client, kvs: KeyValue3[]): Promise<{ revision: string }> {
  const result = await client.txn({
    compare: kvs.map((kv) => ({ key: kv.key, target: "MOD" as const, result: "EQUAL" as const, value: kv.modRevision })),
    success: kvs.map((kv) => ({ deleteRange: { key: kv.key } })),
  });
  if (!result.succeeded) throw ApiError.of("compare_failed", `A key of this page changed since the revision it was listed at: deleting them one by one.`);
  return { revision: result.revision };
}

type OneLine = { type: "deleted"; revision: string } | Extract<DeletePrefix3Line, { type: "kept" | "failed" }>;

/** A key of a page whose transaction failed: its own compare-and-delete (kept when it changed: key-ops' refusal). */
async function deleteOne(client: Etcd3Client, audit: { user: string; cluster: string; keyspace: "v3"; operation: string }, kv: KeyValue3): Promise<OneLine> {
  const key = keyDisplay(kv.key);
  try {
    const what = { ...audit, key, conditions: { modRevision: kv.modRevision }, options: { prefix: true } };
    return { type: "deleted", revision: (await audited(what, () => deleteKey3(client, kv.key, kv.modRevision), revisionOutcome)).revision };
  } catch (error) {
    if (error instanceof ApiError && error.code === "compare_failed") {
      const current = error.body.current ?? null;
      return { type: "kept", key, reason: current ? "changed" : "gone", current };
    }
    if (stopsTheRun(error)) throw error;
    const { code, message, outcomeUnknown } = toApiError(error).body;
    return { type: "failed", key, code, message, ...(outcomeUnknown ? { outcomeUnknown } : {}) };
  }
}
