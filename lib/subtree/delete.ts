// The subtree engine: deletes a directory with everything in it as safely as etcd v2 allows, reporting
// one outcome per node. etcd v2 has no compare-and-delete for directories and `recursive=true` would take
// whatever was written into the directory meanwhile, so:
// - one recursive quorum read (deleteSubtree), or a read the caller already made (deletePlanned);
// - every key deleted by compare-and-delete on the modifiedIndex read, several in flight at once;
// - then the directories, deepest level first, each with a non-recursive `dir=true` delete, which etcd
//   refuses for a directory that still holds something: what was changed or added meanwhile stays, with
//   the directories above it, and is reported (a directory's leftovers are found by reading it).
// Stop (the signal) or a failure every following delete would repeat (./stop-rule.ts) starts nothing more;
// the deletes in flight finish, the rest is reported as not attempted. Every delete is audited.
// Not atomic: what was deleted before a failure stays deleted. Server-only; knows nothing of Next.js.
import "server-only";
import { toApiError } from "@/lib/api/server/error-response";
import { keysOutcome } from "@/lib/audit/entry";
import { audited } from "@/lib/audit/log";
import { isEtcdError, parseKey, type EtcdClient, type V2Node } from "@/lib/etcd";
import { isWithin, parentOf } from "@/lib/key-path";
import { settleBounded } from "./bounded";
import { ADDED_LISTED, type NodeOutcome, type SubtreeEvent } from "./outcome";
import { flattenRead, planSubtreeDelete, type SubtreeDeletePlan } from "./plan";
import { stopsTheRun } from "./stop-rule";

/**
 * Deletes in flight at once: etcd commits concurrent proposals together. 20,000 keys on the 2-core machine
 * (under load): 13-16 s with 16, 4-10 s with 64, 9-11 s with 128 (the dashboard's own CPU then competes).
 */
export const DELETES_IN_FLIGHT = 64;

export interface SubtreeDeleteRun {
  client: EtcdClient;
  cluster: string;
  user: string;
  /** Stop: nothing starts after it aborts; the deletes in flight finish. */
  signal?: AbortSignal;
  /** Options recorded with each delete in the audit log, besides `dir` (the bulk delete's `bulk`, a move's `movedTo`). */
  auditOptions?: (key: string) => Record<string, unknown>;
  concurrency?: number;
}

export interface SubtreeTarget {
  key: string;
  /** The directory's modifiedIndex when it was listed: another directory of the same name is kept. */
  dirIndex?: number;
  /** The etcd index of the read the user confirmed: what was created or written after it is kept. */
  seenAt?: number;
}

const outcome = (key: string, dir: boolean, kind: NodeOutcome["outcome"], message?: string): SubtreeEvent => ({ type: "node", key, dir, outcome: kind, ...(message ? { message } : {}) });

function failed(key: string, dir: boolean, error: unknown): NodeOutcome {
  const apiError = toApiError(error);
  return { key, dir, outcome: "failed", code: apiError.code, message: apiError.message, ...(apiError.outcomeUnknown ? { outcomeUnknown: true } : {}) };
}

/** One delete, audited as every write is. */
function auditedDelete(run: SubtreeDeleteRun, key: string, dir: boolean, prevIndex: number | undefined) {
  return audited(
    {
      user: run.user,
      cluster: run.cluster,
      operation: "delete",
      key,
      ...(prevIndex === undefined ? {} : { conditions: { prevIndex } }),
      options: { ...(dir ? { dir: true } : {}), ...run.auditOptions?.(key) },
    },
    () => run.client.keys.delete(parseKey(key), dir ? { dir: true } : { prevIndex }),
    keysOutcome,
  );
}

/**
 * A key deleted by compare-and-delete on `prevIndex`, the index it was `since` (read, listed). A failure's
 * error goes to `onFailure` too (for the stop rule).
 */
export async function deleteKeyAt(run: SubtreeDeleteRun, key: string, prevIndex: number, since = "read", onFailure?: (error: unknown) => void): Promise<NodeOutcome> {
  try {
    await auditedDelete(run, key, false, prevIndex);
    return { key, dir: false, outcome: "deleted" };
  } catch (error) {
    if (isEtcdError(error, "compare-failed")) return { key, dir: false, outcome: "changed", message: `Changed since it was ${since} (${error.etcdCause ?? "compare failed"}): kept.` };
    if (isEtcdError(error, "not-a-file")) return { key, dir: false, outcome: "changed", message: "Now a directory: kept." };
    if (isEtcdError(error, "key-not-found")) return { key, dir: false, outcome: "gone", message: "Already gone." };
    onFailure?.(error);
    return failed(key, false, error);
  }
}

/** Reads `target` (recursive, quorum) and deletes what the read holds. */
export async function* deleteSubtree(run: SubtreeDeleteRun, target: SubtreeTarget): AsyncGenerator<SubtreeEvent> {
  const key = target.key;
  let root: V2Node | undefined;
  try {
    root = (await run.client.keys.get(parseKey(key), { recursive: true, quorum: true, signal: run.signal })).node;
  } catch (error) {
    if (isEtcdError(error, "key-not-found")) return yield outcome(key, true, "gone", "Already gone.");
    if (run.signal?.aborted) return yield* stoppedBeforeStart(key);
    yield { type: "node", ...failed(key, true, error) };
    if (stopsTheRun(error)) yield stoppedBy(error);
    return;
  }
  if (!root?.dir) return yield outcome(key, true, "changed", "Now a key, not a directory: kept.");
  if (target.dirIndex !== undefined && root.modifiedIndex !== target.dirIndex) {
    return yield outcome(key, true, "changed", "Deleted and created again since it was listed (another directory of the same name): kept.");
  }
  yield* deletePlanned(run, planSubtreeDelete(key, flattenRead(root), target.seenAt));
}

async function* stoppedBeforeStart(key: string): AsyncGenerator<SubtreeEvent> {
  yield outcome(key, true, "not_attempted", "Stopped before it was read: left as it is.");
  yield { type: "stopped", reason: "Stopped.", code: "cancelled" };
}

function stoppedBy(error: unknown): SubtreeEvent {
  const apiError = toApiError(error);
  return { type: "stopped", reason: apiError.message, code: apiError.code, ...(apiError.outcomeUnknown ? { outcomeUnknown: true } : {}) };
}

/** Deletes a planned subtree: its keys, then its directories deepest first. */
export async function* deletePlanned(run: SubtreeDeleteRun, plan: SubtreeDeletePlan): AsyncGenerator<SubtreeEvent> {
  const limit = run.concurrency ?? DELETES_IN_FLIGHT;
  /** Nodes this run keeps (reported here), so that reading a directory's leftovers lists only the others. */
  const kept = new Set<string>();
  /** Directories known to hold something kept: no delete is sent, etcd would refuse it. */
  const holding = new Set<string>();
  /** The failure that stopped the run (an array: set from closures TypeScript's narrowing does not see). */
  const stopErrors: unknown[] = [];
  const stopped = () => stopErrors.length > 0 || run.signal?.aborted === true;
  const noteStop = (error: unknown) => {
    if (stopsTheRun(error)) stopErrors.push(error);
  };
  const keep = (key: string) => {
    kept.add(key);
    for (let dir = parentOf(key); isWithin(dir, plan.root) && !holding.has(dir); dir = parentOf(dir)) {
      holding.add(dir);
      if (dir === plan.root) break;
    }
  };
  const notAttempted = (key: string, dir: boolean): NodeOutcome => ({ key, dir, outcome: "not_attempted", message: "Not attempted: the run stopped before its turn; left as it is." });

  yield { type: "planned", keys: plan.keys.length, dirs: plan.dirLevels.reduce((n, level) => n + level.length, 0) };
  for (const node of plan.newer) {
    keep(node.key);
    const why = node.outcome === "added" ? "Written after the directory was shown (created, or set anew): kept." : "Changed after the directory was shown: kept.";
    yield outcome(node.key, node.dir, node.outcome, why);
  }

  const deleteKey = ({ key, modifiedIndex }: { key: string; modifiedIndex: number }) => deleteKeyAt(run, key, modifiedIndex, "read", noteStop);
  for await (const settled of settleBounded(plan.keys, limit, deleteKey, stopped)) {
    const result = "skipped" in settled ? notAttempted(settled.item.key, false) : settled.result;
    if (result.outcome !== "deleted" && result.outcome !== "gone") keep(result.key);
    yield { type: "node", ...result };
  }

  const deleteDir = async (dir: string): Promise<NodeOutcome> => {
    if (holding.has(dir)) return leftovers(run, dir, kept, true);
    try {
      await auditedDelete(run, dir, true, undefined);
      return { key: dir, dir: true, outcome: "deleted" };
    } catch (error) {
      if (isEtcdError(error, "key-not-found")) return { key: dir, dir: true, outcome: "gone", message: "Already gone." };
      if (isEtcdError(error, "directory-not-empty")) return leftovers(run, dir, kept, false);
      noteStop(error);
      return failed(dir, true, error);
    }
  };
  for (const level of plan.dirLevels) {
    for await (const settled of settleBounded(level, limit, deleteDir, stopped)) {
      const result = "skipped" in settled ? notAttempted(settled.item, true) : settled.result;
      if (result.outcome !== "deleted" && result.outcome !== "gone") keep(result.key);
      yield { type: "node", ...result };
    }
  }
  if (stopErrors.length > 0) yield stoppedBy(stopErrors[0]);
  else if (run.signal?.aborted) yield { type: "stopped", reason: "Stopped.", code: "cancelled" };
}

/**
 * A directory that stays: what is in it besides what this run kept itself, read back (written meanwhile).
 * `known`: it holds something this run kept, so no delete was sent.
 */
async function leftovers(run: SubtreeDeleteRun, dir: string, kept: ReadonlySet<string>, known: boolean): Promise<NodeOutcome> {
  let children: { key: string; dir: boolean }[] = [];
  try {
    const read = await run.client.keys.get(parseKey(dir), { quorum: true });
    children = (read.node?.nodes ?? []).filter((child) => !kept.has(child.key)).map((child) => ({ key: child.key, dir: child.dir === true }));
  } catch {
    // Only the list is lost: the directory stays either way.
  }
  const base: NodeOutcome = { key: dir, dir: true, outcome: "not_empty" };
  if (children.length > 0) {
    const count = children.length;
    return {
      ...base,
      added: children.slice(0, ADDED_LISTED),
      addedCount: count,
      message: `Kept: ${count} ${count === 1 ? "entry was" : "entries were"} written into it meanwhile; never deleted recursively.`,
    };
  }
  return {
    ...base,
    message: known
      ? "Kept: it holds what was kept above (changed, added or failed); never deleted recursively."
      : "Kept: it still holds hidden keys (names starting with _, which listings leave out) or keys written meanwhile; never deleted recursively.",
  };
}
