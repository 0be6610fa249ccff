// Deletes the keys a user selected in the tree (or the directory of a Delete dialog), each as safely as
// etcd v2 allows, streaming what happens:
// - a key: compare-and-delete on the modifiedIndex the browser listed it with; changed since: kept;
// - a directory: through the subtree engine (lib/subtree/delete.ts): kept when it is another directory of
//   the same name now; otherwise its keys by compare-and-delete at the index read, then its directories
//   deepest first, never recursive; what was changed or written meanwhile stays and is listed ("inside").
// A failure every following delete would repeat (lib/subtree/stop-rule.ts) leaves the rest not attempted.
// Every delete is audited. Server-only.
import "server-only";
import { isEtcdError, type EtcdClient } from "@/lib/etcd";
import { splitKey } from "@/lib/key-path";
import { settleBounded } from "@/lib/subtree/bounded";
import { DELETES_IN_FLIGHT, deleteKeyAt, deleteSubtree, type SubtreeDeleteRun } from "@/lib/subtree/delete";
import type { NodeOutcome } from "@/lib/subtree/outcome";
import { stopsTheRun } from "@/lib/subtree/stop-rule";
import type { BulkDeleteItem, BulkDeleteItemResult, BulkDeleteLine } from "./schema";

export interface BulkDeleteRun {
  client: EtcdClient;
  cluster: string;
  user: string;
  items: readonly BulkDeleteItem[];
  signal?: AbortSignal;
}

/** Progress lines of a directory's subtree: one per this many keys deleted. */
const PROGRESS_EVERY = 250;

/** Keys first (each against the browser's own index), then directories, the deepest first. */
function deleteOrder(items: readonly BulkDeleteItem[]): BulkDeleteItem[] {
  const depth = (key: string) => splitKey(key).length;
  return [...items].sort((a, b) => Number(a.dir === true) - Number(b.dir === true) || (a.dir ? depth(b.key) - depth(a.key) : 0));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The engine's outcome in the bulk delete's words ("gone" is "missing" here). */
function asResult({ outcome, ...rest }: NodeOutcome): BulkDeleteItemResult {
  const { added: _added, addedCount: _count, ...fields } = rest;
  return { ...fields, outcome: outcome === "gone" ? "missing" : outcome };
}

export async function* runBulkDelete(run: BulkDeleteRun): AsyncGenerator<BulkDeleteLine> {
  const items = deleteOrder(run.items);
  yield { type: "start", total: items.length };
  const engine: SubtreeDeleteRun = { client: run.client, cluster: run.cluster, user: run.user, signal: run.signal, auditOptions: () => ({ bulk: true }) };
  const state = { deleted: 0, down: null as string | null };
  const stopOn = (error: unknown) => {
    if (stopsTheRun(error)) state.down ??= `Not attempted: the run stopped after a failure every following delete would repeat (${isEtcdError(error) ? error.message : "no answer"}).`;
  };
  const notAttempted = (item: BulkDeleteItem): BulkDeleteItemResult => ({ key: item.key, dir: item.dir === true, outcome: "not_attempted", message: state.down ?? "Stopped before its turn: left as it is." });
  const finish = (result: BulkDeleteItemResult): BulkDeleteLine => {
    if (result.outcome === "deleted") state.deleted++;
    return { type: "item", ...result };
  };

  const keys = items.filter((item) => item.dir !== true);
  const stopped = () => state.down !== null || run.signal?.aborted === true;
  for await (const settled of settleBounded(keys, DELETES_IN_FLIGHT, (item) => deleteKeyAt(engine, item.key, item.prevIndex, "listed", stopOn), stopped)) {
    yield finish("skipped" in settled ? notAttempted(settled.item) : asResult(settled.result));
  }
  for (const item of items.filter((i) => i.dir === true)) {
    yield finish(stopped() ? notAttempted(item) : yield* deleteDirectory(engine, item, (reason) => (state.down ??= reason)));
  }
  yield { type: "done", deleted: state.deleted, notDeleted: items.length - state.deleted };
}

/** One selected directory through the engine: progress, what inside it was not deleted, and its own result. */
async function* deleteDirectory(engine: SubtreeDeleteRun, item: BulkDeleteItem, onDown: (reason: string) => void): AsyncGenerator<BulkDeleteLine, BulkDeleteItemResult> {
  const counts = { deletedKeys: 0, keptKeys: 0, failedKeys: 0, notAttemptedKeys: 0 };
  const kept = { changed: 0, added: 0 };
  let totalKeys = 0;
  let own: NodeOutcome | undefined;
  let stop: { reason: string; code?: string; outcomeUnknown?: boolean } | undefined;
  for await (const event of deleteSubtree(engine, { key: item.key, dirIndex: item.prevIndex, seenAt: item.seenAt })) {
    if (event.type === "planned") {
      totalKeys = event.keys;
      yield { type: "progress", key: item.key, deletedKeys: 0, totalKeys };
      continue;
    }
    if (event.type === "stopped") {
      stop = event;
      continue;
    }
    const { type: _type, ...node } = event;
    for (const added of node.added ?? []) {
      kept.added++;
      counts.keptKeys++;
      yield { type: "inside", under: item.key, key: added.key, dir: added.dir, outcome: "added", message: "Written into the directory meanwhile: kept." };
    }
    if (node.key === item.key) {
      own = node;
    } else if (node.outcome === "deleted" || node.outcome === "gone") {
      if (!node.dir && ++counts.deletedKeys % PROGRESS_EVERY === 0) yield { type: "progress", key: item.key, deletedKeys: counts.deletedKeys, totalKeys };
    } else if (node.outcome === "not_attempted") {
      if (!node.dir) counts.notAttemptedKeys++;
    } else if (node.outcome !== "not_empty" || !node.added?.length) {
      // A directory that stays only because of what is listed already is not listed again.
      if (node.outcome === "failed") counts.failedKeys++;
      else if (node.outcome !== "not_empty") {
        counts.keptKeys++;
        kept[node.outcome === "added" ? "added" : "changed"]++;
      }
      yield { type: "inside", under: item.key, ...asResult(node) };
    }
  }
  if (counts.deletedKeys % PROGRESS_EVERY !== 0) yield { type: "progress", key: item.key, deletedKeys: counts.deletedKeys, totalKeys };
  if (stop && stop.code !== "cancelled") onDown(`Not attempted: the run stopped after a failure every following delete would repeat (${stop.reason}).`);
  const dir = { key: item.key, dir: true, ...counts };
  if (!own) return { ...dir, outcome: "failed", code: "internal", message: "The directory's own outcome is missing." };
  if (own.outcome === "added") return { ...dir, outcome: "changed", message: "Deleted and created again since it was shown: kept." };
  if (own.outcome === "not_attempted" || (own.outcome === "not_empty" && stop)) {
    const left = `${plural(counts.deletedKeys, "key")} in it deleted; ${plural(counts.notAttemptedKeys, "key")} not attempted were left as they are.`;
    if (stop && stop.code !== "cancelled") return { ...dir, outcome: "failed", code: stop.code, message: `Stopped: ${stop.reason} ${left}`, ...(stop.outcomeUnknown ? { outcomeUnknown: true } : {}) };
    return { ...dir, outcome: "not_attempted", message: `Stopped. ${left}` };
  }
  if (own.outcome !== "not_empty") return { ...asResult(own), ...counts };
  const holds = [kept.changed && `${plural(kept.changed, "key")} changed since they were read`, kept.added && `${plural(kept.added, "entry", "entries")} written meanwhile`, counts.failedKeys && `${plural(counts.failedKeys, "key")} that failed`].filter(Boolean).join(", ");
  return { ...dir, outcome: "not_empty", message: `${plural(counts.deletedKeys, "key")} in it deleted; it still holds ${holds || "hidden keys (names starting with _, which listings leave out) or keys written meanwhile"}, so it stays (never deleted recursively).` };
}
