// Runs a copy or move against etcd: one recursive read of the source, then one create per key and
// directory at the destination (prevExist=false: nothing there is ever overwritten), TTLs kept as the
// seconds left. A move then deletes the source, only if every copy succeeded: each key by
// compare-and-delete on the index it was read at, then the emptied directories with non-recursive
// deletes, deepest first. Every write is audited. Yields the JSON lines of lib/copy-move/protocol.ts.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { toApiError } from "@/lib/api/server/error-response";
import { describeWrite, keysOutcome } from "@/lib/audit/entry";
import { audited } from "@/lib/audit/log";
import { isEtcdError, parseKey, type EtcdClient } from "@/lib/etcd";
import { deletionOrder, isBelow, planCopy, remainingTtl, type CopyItem } from "./plan";
import type { CopyMoveLine, CopyMoveReport } from "./protocol";

/** A progress line every this many writes (and at the end of each phase). */
const PROGRESS_EVERY = 25;
/** Failures that would fail every following write too, or whose outcome is unknown: stop there. */
const STOPPING = new Set(["etcd_unavailable", "etcd_timeout", "etcd_no_leader", "etcd_unauthorized", "etcd_v2_disabled", "etcd_protocol"]);

export interface CopyMoveRequest {
  client: EtcdClient;
  cluster: string;
  user: string;
  from: string;
  to: string;
  move: boolean;
}

/**
 * Reads the source and checks the destination is free, before anything is streamed, so that the
 * common refusals (no such source, destination exists) answer with a normal error status.
 */
export async function prepareCopyMove(request: CopyMoveRequest, signal: AbortSignal): Promise<CopyItem[]> {
  const { client, from, to } = request;
  const source = await client.keys.get(parseKey(from), { recursive: true, sorted: true, quorum: true, signal });
  if (!source.node) throw ApiError.of("etcd_protocol", `etcd answered the read of ${from} without a node.`);
  const destination = await client.keys.get(parseKey(to), { quorum: true, signal }).catch((error: unknown) => {
    if (isEtcdError(error, "key-not-found")) return null;
    throw error;
  });
  if (destination) {
    throw ApiError.of("key_exists", `${to} already exists: copy and move never overwrite. Choose another destination, or delete ${to} first.`);
  }
  const items = planCopy(source.node, from, to);
  // Planning 100,000 nodes is quick, but let other requests in before the writes start.
  await new Promise((resolve) => setImmediate(resolve));
  return items;
}

function failure(error: unknown): { code: string; message: string; stop: boolean } {
  const apiError = toApiError(error);
  return { code: apiError.code, message: apiError.message, stop: apiError.outcomeUnknown || STOPPING.has(apiError.code) };
}

/** The copy (and a move's deletes) as a stream of lines. */
export async function* runCopyMove(request: CopyMoveRequest, items: CopyItem[]): AsyncGenerator<CopyMoveLine> {
  const { client, cluster, user, from, to, move } = request;
  const dirs = items.filter((item) => item.dir).length;
  const report: CopyMoveReport = { from, to, move, total: items.length, copied: 0, notCopied: 0, expired: 0, deleted: 0, kept: 0, deletedSource: false };
  yield { type: "start", from, to, move, keys: items.length - dirs, dirs, total: items.length };

  // Copy phase. A directory that could not be created takes everything below it out of the copy.
  let blockedDir: string | null = null;
  const copiedSources = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (blockedDir !== null && isBelow(item.target, blockedDir)) {
      report.notCopied++;
      yield { type: "problem", phase: "copy", kind: "skipped", key: item.source, target: item.target, message: `Not copied: ${blockedDir} could not be created.` };
    } else {
      blockedDir = null;
      const ttl = remainingTtl(item.expiration, Date.now());
      if (ttl !== null && ttl <= 0) {
        report.expired++;
        yield { type: "problem", phase: "copy", kind: "expired", key: item.source, target: item.target, message: "Not copied: its TTL ran out." };
        if (item.dir) blockedDir = item.target;
      } else {
        const fields = { dir: item.dir || undefined, ttl: ttl ?? undefined, prevExist: false, copyOf: item.source };
        try {
          await audited(
            { user, cluster, operation: "put", key: item.target, ...describeWrite(fields) },
            () => client.keys.put(parseKey(item.target), item.dir ? { dir: true, prevExist: false, ttl: ttl ?? undefined } : { value: item.value ?? "", prevExist: false, ttl: ttl ?? undefined }),
            keysOutcome,
          );
          report.copied++;
          copiedSources.add(item.source);
        } catch (error) {
          report.notCopied++;
          if (item.dir) blockedDir = item.target;
          if (isEtcdError(error, "key-exists")) {
            yield { type: "problem", phase: "copy", kind: "exists", key: item.source, target: item.target, code: "key_exists", message: `${item.target} already exists (created meanwhile by someone else); it was not overwritten.` };
          } else {
            const { code, message, stop } = failure(error);
            yield { type: "problem", phase: "copy", kind: "failed", key: item.source, target: item.target, code, message };
            if (stop) {
              report.notCopied += items.length - i - 1;
              report.stopped = `Stopped after a failure etcd would repeat or whose outcome is unknown (${code}): ${items.length - i - 1} more not tried.`;
              yield { type: "progress", phase: "copy", done: i + 1, total: items.length };
              yield { type: "done", report };
              return;
            }
          }
        }
      }
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === items.length) yield { type: "progress", phase: "copy", done: i + 1, total: items.length };
  }

  if (!move) {
    yield { type: "done", report };
    return;
  }
  if (report.notCopied > 0) {
    report.stopped = `Nothing was deleted: ${report.notCopied} of ${items.length} could not be copied, so the source stays as it was.`;
    yield { type: "done", report };
    return;
  }

  // Delete phase: only sources that were copied (an expired one is gone already).
  report.deletedSource = true;
  const toDelete = deletionOrder(items).filter((item) => copiedSources.has(item.source));
  for (let i = 0; i < toDelete.length; i++) {
    const item = toDelete[i]!;
    const conditions = item.dir ? { dir: true } : { prevIndex: item.modifiedIndex };
    try {
      await audited(
        { user, cluster, operation: "delete", key: item.source, ...describeWrite({ ...conditions, movedTo: item.target }) },
        () => client.keys.delete(parseKey(item.source), conditions),
        keysOutcome,
      );
      report.deleted++;
    } catch (error) {
      report.kept++;
      if (isEtcdError(error, "compare-failed")) {
        yield { type: "problem", phase: "delete", kind: "changed", key: item.source, code: "compare_failed", message: `Kept: ${item.source} changed after it was copied (it was at index ${item.modifiedIndex}); the copy at ${item.target} has the old value.` };
      } else if (isEtcdError(error, "directory-not-empty")) {
        yield { type: "problem", phase: "delete", kind: "not-empty", key: item.source, code: "directory_not_empty", message: `Kept: the directory ${item.source} is not empty (a key was added meanwhile, a kept key is in it, or it holds hidden keys).` };
      } else if (isEtcdError(error, "key-not-found")) {
        report.kept--;
        report.deleted++;
        yield { type: "problem", phase: "delete", kind: "gone", key: item.source, code: "key_not_found", message: `${item.source} was already gone (deleted or expired meanwhile).` };
      } else {
        const { code, message, stop } = failure(error);
        yield { type: "problem", phase: "delete", kind: "failed", key: item.source, code, message };
        if (stop) {
          report.kept += toDelete.length - i - 1;
          report.stopped = `Stopped deleting after a failure etcd would repeat or whose outcome is unknown (${code}): ${toDelete.length - i - 1} sources not tried are kept.`;
          yield { type: "progress", phase: "delete", done: i + 1, total: toDelete.length };
          yield { type: "done", report };
          return;
        }
      }
    }
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === toDelete.length) yield { type: "progress", phase: "delete", done: i + 1, total: toDelete.length };
  }
  yield { type: "done", report };
}
