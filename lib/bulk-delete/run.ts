// Deletes the keys a user selected in the tree, each as safely as etcd v2 allows, streaming what happens.
//
// - A key: compare-and-delete on the modifiedIndex the browser listed it with. Changed since: kept.
// - A directory: etcd v2 has no compare-and-delete for directories (`DELETE ?prevIndex` on a dir is
//   403/102) and `DELETE ?recursive=true` would take whatever was written into it meanwhile. So: one quorum
//   read of the subtree; a directory whose modifiedIndex (fixed at its creation) is not the one listed was
//   deleted and created again, and is kept; otherwise every key in it is deleted by compare-and-delete at the
//   index just read, then its directories bottom-up with `dir=true` (never recursive), which etcd refuses
//   for a directory that still holds something. A key changed or added after the read is never deleted; its
//   directories stay, and the summary says so. Not atomic: what was deleted before a failure stays deleted.
//
// Every delete is audited (one entry per key and directory). Server-only.
import "server-only";
import { toApiError } from "@/lib/api/server/error-response";
import { keysOutcome } from "@/lib/audit/entry";
import { audited } from "@/lib/audit/log";
import { isEtcdError, parseKey, type EtcdClient, type KeyPath, type V2Node } from "@/lib/etcd";
import { splitKey } from "@/lib/key-path";
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
export function deleteOrder(items: readonly BulkDeleteItem[]): BulkDeleteItem[] {
  const depth = (key: string) => splitKey(key).length;
  return [...items].sort((a, b) => Number(a.dir === true) - Number(b.dir === true) || (a.dir ? depth(b.key) - depth(a.key) : 0));
}

export async function* runBulkDelete(run: BulkDeleteRun): AsyncGenerator<BulkDeleteLine> {
  const items = deleteOrder(run.items);
  yield { type: "start", total: items.length };
  let deleted = 0;
  let down: string | null = null;
  for (const item of items) {
    const dir = item.dir === true;
    let result: BulkDeleteItemResult;
    if (down !== null) {
      result = { key: item.key, dir, outcome: "not_attempted", message: down, code: "etcd_unavailable" };
    } else if (dir) {
      result = yield* deleteDirectory(run, item);
    } else {
      result = await deleteKey(run, item);
    }
    if (result.outcome === "failed" && etcdDownCodes.has(result.code ?? "")) down = `Not attempted: etcd was unavailable (${result.message ?? "no answer"}).`;
    if (result.outcome === "deleted") deleted++;
    yield { type: "item", ...result };
  }
  yield { type: "done", deleted, notDeleted: items.length - deleted };
}

/** etcd itself is unreachable or has no quorum: the remaining deletes would only fail the same way, slowly. */
const etcdDownCodes = new Set(["etcd_unavailable", "etcd_timeout", "etcd_no_leader"]);

function audit(run: BulkDeleteRun, key: string, what: { prevIndex?: number; dir?: boolean }, write: () => ReturnType<EtcdClient["keys"]["delete"]>) {
  return audited(
    {
      user: run.user,
      cluster: run.cluster,
      operation: "delete",
      key,
      ...(what.prevIndex === undefined ? {} : { conditions: { prevIndex: what.prevIndex } }),
      options: what.dir ? { dir: true, bulk: true } : { bulk: true },
    },
    write,
    keysOutcome,
  );
}

function failure(key: string, dir: boolean, error: unknown): BulkDeleteItemResult {
  const apiError = toApiError(error);
  return { key, dir, outcome: "failed", code: apiError.code, message: apiError.message, ...(apiError.outcomeUnknown ? { outcomeUnknown: true } : {}) };
}

async function deleteKey(run: BulkDeleteRun, item: BulkDeleteItem): Promise<BulkDeleteItemResult> {
  const key = parseKey(item.key);
  try {
    await audit(run, key, { prevIndex: item.prevIndex }, () => run.client.keys.delete(key, { prevIndex: item.prevIndex }));
    return { key, dir: false, outcome: "deleted" };
  } catch (error) {
    if (isEtcdError(error, "compare-failed")) return { key, dir: false, outcome: "changed", message: `Changed since it was listed (${error.etcdCause ?? "compare failed"}): kept.` };
    if (isEtcdError(error, "key-not-found")) return { key, dir: false, outcome: "missing", message: "Already gone." };
    if (isEtcdError(error, "not-a-file")) return { key, dir: false, outcome: "changed", message: "Now a directory: kept." };
    return failure(key, false, error);
  }
}

/** A subtree as etcd read it, keys and directories each children before parents. */
function postOrder(node: V2Node): { files: V2Node[]; dirs: V2Node[] } {
  const files: V2Node[] = [];
  const dirs: V2Node[] = [];
  const visit = (n: V2Node) => {
    for (const child of n.nodes ?? []) {
      if (child.dir) visit(child);
      else files.push(child);
    }
    dirs.push(n);
  };
  visit(node);
  return { files, dirs };
}

async function* deleteDirectory(run: BulkDeleteRun, item: BulkDeleteItem): AsyncGenerator<BulkDeleteLine, BulkDeleteItemResult> {
  const key = parseKey(item.key);
  const result = (outcome: BulkDeleteItemResult["outcome"], extra: Partial<BulkDeleteItemResult> = {}): BulkDeleteItemResult => ({ key, dir: true, outcome, ...extra });
  let root: V2Node | undefined;
  try {
    root = (await run.client.keys.get(key, { recursive: true, quorum: true, signal: run.signal })).node;
  } catch (error) {
    if (isEtcdError(error, "key-not-found")) return result("missing", { message: "Already gone." });
    return failure(key, true, error);
  }
  if (!root?.dir) return result("changed", { message: "Now a key, not a directory: kept." });
  if (root.modifiedIndex !== item.prevIndex) {
    return result("changed", { message: "Deleted and created again since it was listed (another directory of the same name): kept." });
  }
  const { files, dirs } = postOrder(root);
  let deletedKeys = 0;
  let keptKeys = 0;
  for (const [i, file] of files.entries()) {
    const fileKey = file.key as KeyPath;
    try {
      await audit(run, fileKey, { prevIndex: file.modifiedIndex }, () => run.client.keys.delete(fileKey, { prevIndex: file.modifiedIndex }));
      deletedKeys++;
    } catch (error) {
      // Changed since the read (or a directory now): kept, and so is every directory above it.
      if (isEtcdError(error, "compare-failed") || isEtcdError(error, "not-a-file")) keptKeys++;
      else if (!isEtcdError(error, "key-not-found")) return { ...failure(key, true, error), deletedKeys, keptKeys };
    }
    if ((i + 1) % PROGRESS_EVERY === 0) yield { type: "progress", key, deletedKeys, totalKeys: files.length };
  }
  // Bottom-up, the directory itself last; "not empty" passes on to the directories above.
  let gone = false;
  for (const sub of dirs) {
    const subKey = (sub.key ?? key) as KeyPath;
    try {
      await audit(run, subKey, { dir: true }, () => run.client.keys.delete(subKey, { dir: true }));
      gone = subKey === key;
    } catch (error) {
      if (isEtcdError(error, "key-not-found")) gone = subKey === key;
      else if (!isEtcdError(error, "directory-not-empty")) return { ...failure(key, true, error), deletedKeys, keptKeys };
    }
  }
  if (gone) return result("deleted", { deletedKeys, keptKeys });
  const kept = keptKeys ? `${keptKeys} ${keptKeys === 1 ? "key" : "keys"} changed since they were read` : "keys written into it meanwhile (or hidden keys, whose names start with _)";
  return result("not_empty", { deletedKeys, keptKeys, message: `${deletedKeys} ${deletedKeys === 1 ? "key" : "keys"} in it deleted; it still holds ${kept}, so it stays (never deleted recursively).` });
}
