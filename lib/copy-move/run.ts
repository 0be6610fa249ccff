// Runs a copy or move against etcd: one recursive read of the source, then one create per key and
// directory at the destination (prevExist=false: nothing there is ever overwritten), TTLs kept as the
// seconds left. A move then deletes the source, only if every copy succeeded, through the subtree engine
// (lib/subtree/delete.ts): each key by compare-and-delete on the index it was read at, then the emptied
// directories with non-recursive deletes, deepest first. Every write is audited. Yields the JSON lines of lib/copy-move/protocol.ts.
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { toApiError } from "@/lib/api/server/error-response";
import { describeWrite, keysOutcome } from "@/lib/audit/entry";
import { audited } from "@/lib/audit/log";
import { isEtcdError, parseKey, type EtcdClient } from "@/lib/etcd";
import { deletePlanned, type SubtreeDeleteRun } from "@/lib/subtree/delete";
import type { NodeOutcome } from "@/lib/subtree/outcome";
import { planSubtreeDelete } from "@/lib/subtree/plan";
import { stopsTheRun } from "@/lib/subtree/stop-rule";
import { isBelow, planCopy, remainingTtl, type CopyItem } from "./plan";
import type { CopyMoveLine, CopyMoveReport } from "./protocol";

/** A progress line every this many writes (and at the end of each phase). */
const PROGRESS_EVERY = 25;

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
  return { code: apiError.code, message: apiError.message, stop: stopsTheRun(error) };
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
      yield { type: "problem", phase: "copy", kind: "skipped", key: item.source, target: item.target, blockedDir, message: `Not copied: ${blockedDir} could not be created.` };
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
              report.stop = { reason: "copyFailed", code, notTried: items.length - i - 1 };
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
    report.stop = { reason: "notAllCopied", notCopied: report.notCopied, total: items.length };
    yield { type: "done", report };
    return;
  }

  // Delete phase, through the subtree engine: only sources that were copied (an expired one is gone already),
  // each key by compare-and-delete on the index the copy read, then the emptied directories deepest first.
  report.deletedSource = true;
  const copied = items.filter((item) => copiedSources.has(item.source));
  const bySource = new Map(copied.map((item) => [item.source, item]));
  const plan = planSubtreeDelete(from, copied.map((item) => ({ key: item.source, dir: item.dir, modifiedIndex: item.modifiedIndex })));
  const engine: SubtreeDeleteRun = { client, cluster, user, auditOptions: (key) => ({ movedTo: bySource.get(key)?.target }) };
  const total = copied.length;
  let done = 0;
  let notTried = 0;
  let stop: { code?: string } | undefined;
  for await (const event of deletePlanned(engine, plan)) {
    if (event.type === "planned") continue;
    if (event.type === "stopped") {
      stop = event;
      continue;
    }
    const problem = deleteProblem(event, bySource.get(event.key));
    if (event.outcome === "deleted" || event.outcome === "gone") report.deleted++;
    else report.kept++;
    if (event.outcome === "not_attempted") notTried++;
    if (problem) yield problem;
    if (++done % PROGRESS_EVERY === 0 || done === total) yield { type: "progress", phase: "delete", done, total };
  }
  if (stop) {
    report.stopped = `Stopped deleting after a failure etcd would repeat or whose outcome is unknown (${stop.code}): ${notTried} sources not tried are kept.`;
    report.stop = { reason: "deleteFailed", code: stop.code ?? "internal", notTried };
  }
  yield { type: "done", report };
}

/** A move's delete outcome as the problem line the copy / move protocol has for it (none for a deletion). */
function deleteProblem(node: NodeOutcome, item: CopyItem | undefined): CopyMoveLine | null {
  const key = node.key;
  switch (node.outcome) {
    case "changed":
    case "added":
      return { type: "problem", phase: "delete", kind: "changed", key, code: "compare_failed", ...(item ? { target: item.target, index: item.modifiedIndex } : {}), message: `Kept: ${key} changed after it was copied (it was at index ${item?.modifiedIndex}); the copy at ${item?.target} has the old value.` };
    case "not_empty":
      return { type: "problem", phase: "delete", kind: "not-empty", key, code: "directory_not_empty", message: `Kept: the directory ${key} is not empty (a key was added meanwhile, a kept key is in it, or it holds hidden keys).` };
    case "gone":
      return { type: "problem", phase: "delete", kind: "gone", key, code: "key_not_found", message: `${key} was already gone (deleted or expired meanwhile).` };
    case "failed":
      return { type: "problem", phase: "delete", kind: "failed", key, code: node.code, message: node.message ?? "The delete failed." };
    default:
      return null;
  }
}
