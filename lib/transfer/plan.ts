// The import plan: for each node of a file, what importing it into a directory would do, judged against one
// recursive read of that directory. The dry run answers it; the real run plans again and writes by it. Pure.
import type { V2Node } from "@/lib/etcd/wire";
import type { ExportNode } from "./format";

export type PlanAction = "create" | "change" | "unchanged" | "conflict";

/** Why a node of the file clashes with etcd, as a code the import dialog words (`reason` is the API's English). */
export type ImportConflict = { code: "ancestorIsKey"; ancestor: string } | { code: "etcdKeyFileDir" } | { code: "etcdDirFileKey" };

/** Why a write of the import failed, as a code the dialog words; none when only the server's message says it. */
export type ImportNote =
  | { code: "conflict"; conflict: ImportConflict }
  | { code: "appearedAfterPlan" }
  | { code: "changedAfterPlan" }
  | { code: "deletedAfterPlan" }
  | { code: "changedAfterPreview"; index: number };

export interface PlanStep {
  /** The absolute key the node goes to. */
  key: string;
  /** The node's position in the file. */
  position: number;
  node: ExportNode;
  action: PlanAction;
  /** The modifiedIndex read when planning: an overwrite compares-and-swaps on it. */
  existingIndex?: number;
  /** change: modified after the dry run the user decided on (`since`), so it is not overwritten. */
  changedSincePreview?: boolean;
  /** conflict: why. */
  reason?: string;
  conflict?: ImportConflict;
}

export interface ImportPlan {
  target: string;
  /** etcd's index of the read the plan was made from. */
  etcdIndex: number;
  /** Parents before children (an explicit mkdir must come before the writes below it). */
  steps: PlanStep[];
  counts: Record<PlanAction, number>;
}

interface Existing {
  dir: boolean;
  value?: string;
  modifiedIndex?: number;
}

/** How many nodes are handled between two turns of the event loop (see `yieldNow`). */
const BATCH = 2000;

type YieldNow = () => Promise<void>;
const noYield: YieldNow = () => Promise.resolve();

/** Every node of a recursive listing by absolute key. */
async function indexListing(root: V2Node | null, yieldNow: YieldNow = noYield): Promise<Map<string, Existing>> {
  const byKey = new Map<string, Existing>();
  if (!root) return byKey;
  const stack: V2Node[] = [root];
  let seen = 0;
  while (stack.length > 0) {
    if (++seen % BATCH === 0) await yieldNow();
    const node = stack.pop()!;
    if (node.key !== undefined) byKey.set(node.key, { dir: node.dir === true, value: node.value, modifiedIndex: node.modifiedIndex });
    if (node.nodes) for (const child of node.nodes) stack.push(child);
  }
  return byKey;
}

function absoluteKey(target: string, relative: string): string {
  return target === "/" ? `/${relative}` : `${target}/${relative}`;
}

/**
 * Plans importing `nodes` into `target`, given what etcd holds there (`existing`: a recursive listing of the
 * target, null when it does not exist). `since`: the etcdIndex of the dry run the user saw, if any.
 * `yieldNow` is awaited between batches, so that 100,000 nodes don't hold up a server in one go.
 */
export async function planImport(
  nodes: readonly ExportNode[],
  target: string,
  existing: V2Node | null,
  etcdIndex: number,
  since?: number,
  yieldNow: YieldNow = noYield,
): Promise<ImportPlan> {
  const held = await indexListing(existing, yieldNow);
  const hasKeys = [...held.values()].some((node) => !node.dir);
  const counts: Record<PlanAction, number> = { create: 0, change: 0, unchanged: 0, conflict: 0 };
  // Parents before children: grouped by depth, in the file's order within a depth.
  const byDepth: PlanStep[][] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (i > 0 && i % BATCH === 0) await yieldNow();
    const node = nodes[i]!;
    const step = stepFor(node, i, absoluteKey(target, node.key), target, held, hasKeys, since);
    counts[step.action]++;
    let depth = 1;
    for (let at = node.key.indexOf("/"); at !== -1; at = node.key.indexOf("/", at + 1)) depth++;
    (byDepth[depth] ??= []).push(step);
  }
  return { target, etcdIndex, steps: byDepth.flatMap((steps) => steps ?? []), counts };
}

function stepFor(node: ExportNode, position: number, key: string, target: string, held: Map<string, Existing>, hasKeys: boolean, since: number | undefined): PlanStep {
  // A key in etcd where the file has a directory above this node: nothing below it can be written.
  if (hasKeys) {
    const top = target === "/" ? 0 : target.length;
    for (let at = key.lastIndexOf("/"); at > top; at = key.lastIndexOf("/", at - 1)) {
      const ancestor = key.slice(0, at);
      if (held.get(ancestor)?.dir === false) return { key, position, node, action: "conflict", reason: `${ancestor} is a key in etcd, not a directory`, conflict: { code: "ancestorIsKey", ancestor } };
    }
  }
  const current = held.get(key);
  if (!current) return { key, position, node, action: "create" };
  const existingIndex = current.modifiedIndex;
  if (node.dir && !current.dir) return { key, position, node, action: "conflict", existingIndex, reason: "etcd has a key here, the file a directory", conflict: { code: "etcdKeyFileDir" } };
  if (!node.dir && current.dir) return { key, position, node, action: "conflict", existingIndex, reason: "etcd has a directory here, the file a key", conflict: { code: "etcdDirFileKey" } };
  if (node.dir || current.value === node.value) return { key, position, node, action: "unchanged", existingIndex };
  const changedSincePreview = since !== undefined && existingIndex !== undefined && existingIndex > since;
  return { key, position, node, action: "change", existingIndex, ...(changedSincePreview ? { changedSincePreview } : {}) };
}

export interface PlanEntry {
  key: string;
  dir?: true;
}

/** The dry run's answer: the counts, and each list in the file's order (an export's: parents first, by name). */
export interface ImportPreview {
  target: string;
  etcdIndex: number;
  total: number;
  counts: Record<PlanAction, number>;
  create: PlanEntry[];
  change: PlanEntry[];
  unchanged: PlanEntry[];
  conflict: (PlanEntry & { reason: string; conflict?: ImportConflict })[];
}

export function previewOf(plan: ImportPlan): ImportPreview {
  const lists: Pick<ImportPreview, PlanAction> = { create: [], change: [], unchanged: [], conflict: [] };
  const inFileOrder: PlanStep[] = new Array(plan.steps.length);
  for (const step of plan.steps) inFileOrder[step.position] = step;
  for (const step of inFileOrder) {
    const entry: PlanEntry = step.node.dir ? { key: step.key, dir: true } : { key: step.key };
    if (step.action === "conflict") lists.conflict.push({ ...entry, reason: step.reason ?? "conflict", ...(step.conflict ? { conflict: step.conflict } : {}) });
    else lists[step.action].push(entry);
  }
  return { target: plan.target, etcdIndex: plan.etcdIndex, total: plan.steps.length, counts: plan.counts, ...lists };
}

/** The real run's lines: progress as it goes, then one report. */
export type ImportLine =
  | { type: "progress"; done: number; total: number }
  | { type: "report"; report: ImportReport };

export interface ImportFailure {
  key: string;
  /** The API error code ("key_exists", "compare_failed", "conflict" …). */
  code: string;
  /** In English, for API clients; the dialog words `note` when there is one. */
  reason: string;
  note?: ImportNote;
}

export interface ImportReport {
  target: string;
  total: number;
  created: number;
  changed: number;
  skipped: number;
  unchanged: number;
  failed: ImportFailure[];
  /** Set when the run stopped early (etcd unreachable …): the nodes not attempted are `notAttempted`. */
  stopped?: string;
  /** The same as the failure's API code and the key it stopped at, which the dialog words. */
  stop?: { code: string; key: string };
  notAttempted: number;
}
