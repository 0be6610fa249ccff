// The import plan: for each node of a file, what importing it into a directory would do, judged against one
// recursive read of that directory. The dry run answers it; the real run plans again and writes by it. Pure.
import type { ExportNode, ListedNode } from "./format";

export type PlanAction = "create" | "change" | "unchanged" | "conflict";

export interface PlanStep {
  /** The absolute key the node goes to. */
  key: string;
  node: ExportNode;
  action: PlanAction;
  /** The modifiedIndex read when planning: an overwrite compares-and-swaps on it. */
  existingIndex?: number;
  /** change: modified after the dry run the user decided on (`since`), so it is not overwritten. */
  changedSincePreview?: boolean;
  /** conflict: why. */
  reason?: string;
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

/** Every node of a recursive listing by absolute key. */
export function indexListing(root: ListedNode | null): Map<string, Existing> {
  const byKey = new Map<string, Existing>();
  if (!root) return byKey;
  const stack: ListedNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.key !== undefined) byKey.set(node.key, { dir: node.dir === true, value: node.value, modifiedIndex: node.modifiedIndex });
    if (node.nodes) for (const child of node.nodes) stack.push(child);
  }
  return byKey;
}

export function absoluteKey(target: string, relative: string): string {
  return target === "/" ? `/${relative}` : `${target}/${relative}`;
}

/**
 * Plans importing `nodes` into `target`, given what etcd holds there (`existing`: a recursive listing of the
 * target, null when it does not exist). `since`: the etcdIndex of the dry run the user saw, if any.
 */
export function planImport(nodes: readonly ExportNode[], target: string, existing: ListedNode | null, etcdIndex: number, since?: number): ImportPlan {
  const held = indexListing(existing);
  const counts: Record<PlanAction, number> = { create: 0, change: 0, unchanged: 0, conflict: 0 };
  const steps: PlanStep[] = nodes.map((node) => {
    const step = stepFor(node, target, held, since);
    counts[step.action]++;
    return step;
  });
  // Parents before children: by depth, otherwise in the file's order (a stable sort).
  const depth = (step: PlanStep) => step.node.key.split("/").length;
  const byDepth = steps.map((step, i) => ({ step, i, d: depth(step) })).sort((a, b) => a.d - b.d || a.i - b.i);
  return { target, etcdIndex, steps: byDepth.map((s) => s.step), counts };
}

function stepFor(node: ExportNode, target: string, held: Map<string, Existing>, since: number | undefined): PlanStep {
  const key = absoluteKey(target, node.key);
  // A key in etcd where the file has a directory above this node: nothing below it can be written.
  const segments = node.key.split("/");
  for (let depth = 1; depth < segments.length; depth++) {
    const ancestor = absoluteKey(target, segments.slice(0, depth).join("/"));
    if (held.get(ancestor)?.dir === false) return { key, node, action: "conflict", reason: `${ancestor} is a key in etcd, not a directory` };
  }
  const current = held.get(key);
  if (!current) return { key, node, action: "create" };
  const existingIndex = current.modifiedIndex;
  if (node.dir && !current.dir) return { key, node, action: "conflict", existingIndex, reason: "etcd has a key here, the file a directory" };
  if (!node.dir && current.dir) return { key, node, action: "conflict", existingIndex, reason: "etcd has a directory here, the file a key" };
  if (node.dir || current.value === node.value) return { key, node, action: "unchanged", existingIndex };
  const changedSincePreview = since !== undefined && existingIndex !== undefined && existingIndex > since;
  return { key, node, action: "change", existingIndex, ...(changedSincePreview ? { changedSincePreview } : {}) };
}

export interface PlanEntry {
  key: string;
  dir?: true;
}

/** The dry run's answer: the counts, and each list sorted by key. */
export interface ImportPreview {
  target: string;
  etcdIndex: number;
  total: number;
  counts: Record<PlanAction, number>;
  create: PlanEntry[];
  change: PlanEntry[];
  unchanged: PlanEntry[];
  conflict: (PlanEntry & { reason: string })[];
}

export function previewOf(plan: ImportPlan): ImportPreview {
  const lists: Pick<ImportPreview, PlanAction> = { create: [], change: [], unchanged: [], conflict: [] };
  for (const step of plan.steps) {
    const entry: PlanEntry = step.node.dir ? { key: step.key, dir: true } : { key: step.key };
    if (step.action === "conflict") lists.conflict.push({ ...entry, reason: step.reason ?? "conflict" });
    else lists[step.action].push(entry);
  }
  const byKey = (a: PlanEntry, b: PlanEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  for (const list of Object.values(lists)) list.sort(byKey);
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
  reason: string;
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
  notAttempted: number;
}
