// Export and import on the server: one recursive read, the file streamed out in pieces; the import planned
// against one recursive read and written key by key, each write conditioned and audited.
import type { V2Node } from "@/lib/etcd/wire";
import "server-only";
import { ApiError } from "@/lib/api/errors";
import { NO_STORE, toApiError } from "@/lib/api/server/error-response";
import { describeWrite, keysOutcome } from "@/lib/audit/entry";
import { audited } from "@/lib/audit/log";
import { isEtcdError, parseKey, type EtcdClient, type KeyPath, type PutOptions } from "@/lib/etcd";
import { parentOf } from "@/lib/key-path";
import { stopsTheRun } from "@/lib/subtree/stop-rule";
import { EXPORT_FORMAT, EXPORT_VERSION, contentDisposition, exportFileName, exportNodes, parseNodes, type ExportHeader, type ExportNode } from "./format";
import { planImport, type ImportFailure, type ImportLine, type ImportNote, type ImportPlan, type ImportReport, type PlanStep } from "./plan";

/**
 * A piece of the export stream ends after this many nodes or this much text, whichever comes first; the
 * event loop gets a turn between pieces. The size bound is what makes a slow reader a brake: the next piece
 * is made only when the last one was taken, and pieces of whole values could be the whole file.
 */
const EXPORT_BATCH = 1000;
const EXPORT_PIECE_CHARS = 64 * 1024;
/** Writes in flight at once during an import (etcd applies them in order anyway; this hides the round trips). */
const IMPORT_CONCURRENCY = 8;
/** How often the import reports progress. */
const PROGRESS_EVERY_MS = 150;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const encoder = new TextEncoder();

/** The read both sides start from: the whole subtree, sorted, through raft (never stale). */
function readSubtree(client: EtcdClient, key: KeyPath, signal?: AbortSignal) {
  return client.keys.get(key, { recursive: true, sorted: true, quorum: true, signal });
}

/**
 * GET …/export: the subtree (or key) as an export file download, written out a piece at a time, as fast as
 * the reader reads. `onEnd` runs once the file is written out or the reader went away.
 */
export async function exportResponse(client: EtcdClient, cluster: string, key: KeyPath, signal: AbortSignal, onEnd: () => void = () => {}): Promise<Response> {
  const result = await readSubtree(client, key, signal);
  const root: V2Node | undefined = result.node;
  if (!root) throw ApiError.of("etcd_protocol", "etcd answered the read without a node.");
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    cluster,
    root: key,
    rootDir: key === "/" || root.dir === true,
    etcdIndex: result.etcdIndex,
    exportedAt: new Date().toISOString(),
  };
  const nodes = exportNodes(key === "/" ? { ...root, dir: true } : root, key);
  let first = true;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // The header's fields, then the nodes one per line (diffable, and readable with line tools).
        const head = JSON.stringify(header);
        controller.enqueue(encoder.encode(`${head.slice(0, -1)},"nodes":[`));
      },
      async pull(controller) {
        await turn();
        const lines: string[] = [];
        let chars = 0;
        for (let i = 0; i < EXPORT_BATCH && chars < EXPORT_PIECE_CHARS; i++) {
          const next = nodes.next();
          if (next.done) {
            controller.enqueue(encoder.encode(`${lines.join("")}\n]}\n`));
            controller.close();
            onEnd();
            return;
          }
          const line = `${first ? "" : ","}\n${JSON.stringify(next.value)}`;
          lines.push(line);
          chars += line.length;
          first = false;
        }
        controller.enqueue(encoder.encode(lines.join("")));
      },
      cancel() {
        onEnd();
        nodes.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    headers: {
      ...NO_STORE,
      "content-type": "application/json; charset=utf-8",
      "content-disposition": contentDisposition(exportFileName(cluster, key)),
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * The largest import file taken: an export of 100,000 keys with short values is about 10 MiB; this leaves
 * room for bigger values while bounding what one request can make the server hold (the text and its parse).
 */
export const MAX_IMPORT_BODY_BYTES = 64 * 1024 * 1024;

/** The file's nodes, each checked (in batches, with turns for the event loop between them); 400 otherwise. */
export async function readImportNodes(raw: readonly unknown[]): Promise<ExportNode[]> {
  const parsed = await parseNodes(raw, turn);
  if ("nodes" in parsed) return parsed.nodes;
  const summary = parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw ApiError.of("invalid_input", `Invalid body: ${summary}`, { issues: parsed.issues });
}

/**
 * Plans importing `nodes` into `target` against one recursive read of it. The target must be a directory
 * or not exist yet (it is then created by the first write below it).
 */
export async function planAgainstEtcd(client: EtcdClient, target: KeyPath, nodes: readonly ExportNode[], since: number | undefined, signal?: AbortSignal): Promise<ImportPlan> {
  let existing: V2Node | null = null;
  let etcdIndex: number;
  try {
    const result = await readSubtree(client, target, signal);
    existing = result.node ?? null;
    etcdIndex = result.etcdIndex;
  } catch (error) {
    if (!isEtcdError(error, "key-not-found")) throw error;
    etcdIndex = error.index ?? 0;
  }
  if (existing && target !== "/" && !existing.dir) {
    throw ApiError.of("not_a_directory", `${target} is a key, not a directory: import into a directory.`);
  }
  // The keys must be valid etcd keys once joined to the target (their segments were checked with the file).
  return planImport(nodes, target, existing, etcdIndex, since, turn);
}

export interface RunImportOptions {
  client: EtcdClient;
  cluster: string;
  user: string;
  plan: ImportPlan;
  onExisting: "skip" | "overwrite";
}

/**
 * Writes the plan: creates with prevExist=false (a key that appeared meanwhile is reported, not replaced),
 * overwrites with compare-and-swap on the modifiedIndex the plan read, each write audited. Yields progress
 * lines and, last, the report. Stopping the generator (the client went away) stops issuing writes.
 */
export async function* runImport({ client, cluster, user, plan, onExisting }: RunImportOptions): AsyncGenerator<ImportLine> {
  const total = plan.steps.length;
  const report: ImportReport = { target: plan.target, total, created: 0, changed: 0, skipped: 0, unchanged: 0, failed: [], notAttempted: 0 };
  const fail = (key: string, code: string, reason: string, note?: ImportNote) => report.failed.push({ key, code, reason, ...(note ? { note } : {}) } satisfies ImportFailure);
  let done = 0;
  let attempted = 0;
  let stopped: string | undefined;
  let stop: ImportReport["stop"];

  const write = async (step: PlanStep, options: PutOptions): Promise<boolean> => {
    const key = parseKey(step.key);
    try {
      await audited({ user, cluster, operation: "put", key, ...describeWrite({ ...options }) }, () => client.keys.put(key, options), keysOutcome);
      return true;
    } catch (error) {
      const apiError = toApiError(error);
      // Failures after which the next writes would fail the same way (lib/subtree/stop-rule.ts): stop, saying why.
      if (stopsTheRun(error) && !stopped) {
        stopped = `${apiError.message} The import stopped at ${step.key}.`;
        stop = { code: apiError.code, key: step.key };
      }
      fail(step.key, apiError.code, reasonOf(step, apiError.code, apiError.message), noteOf(step, apiError.code));
      return false;
    }
  };

  const execute = async (step: PlanStep): Promise<void> => {
    const { node } = step;
    const ttl = node.ttl;
    switch (step.action) {
      case "conflict":
        fail(step.key, "conflict", `${step.reason ?? "conflict"}: left as it is`, step.conflict && { code: "conflict", conflict: step.conflict });
        return;
      case "unchanged":
        report.unchanged++;
        return;
      case "change":
        if (onExisting === "skip") {
          report.skipped++;
          return;
        }
        if (step.changedSincePreview) {
          fail(step.key, "compare_failed", `changed after the preview (now at index ${step.existingIndex}): not overwritten`, {
            code: "changedAfterPreview",
            index: step.existingIndex ?? 0,
          });
          return;
        }
        if (await write(step, { value: node.value ?? "", prevIndex: step.existingIndex, ttl })) report.changed++;
        return;
      case "create":
        if (await write(step, node.dir ? { dir: true, prevExist: false, ttl } : { value: node.value ?? "", prevExist: false, ttl })) report.created++;
        return;
    }
  };

  // Directories this run creates, by key: what is written below one waits for it (with its TTL, it must be
  // made by its own write, not implicitly by a child's).
  const dirWrites = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let lastProgress = Date.now();
  try {
    for (const step of plan.steps) {
      if (stopped) break;
      while (inFlight.size >= IMPORT_CONCURRENCY) await Promise.race(inFlight);
      if (stopped) break;
      attempted++;
      const parent = dirWrites.get(parentOf(step.key));
      const task: Promise<void> = (parent ? parent.then(() => execute(step)) : execute(step)).finally(() => {
        done++;
        inFlight.delete(task);
      });
      inFlight.add(task);
      if (step.node.dir && step.action === "create") dirWrites.set(step.key, task);
      if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        yield { type: "progress", done, total };
        await turn();
      }
    }
    await Promise.all(inFlight);
  } finally {
    // Also when the client went away: the writes in flight finish (and are audited) on their own.
    await Promise.allSettled(inFlight);
  }
  report.notAttempted = total - attempted;
  if (stopped) report.stopped = stopped;
  if (stop) report.stop = stop;
  yield { type: "progress", done, total };
  yield { type: "report", report };
}

/** The code of reasonOf's words (none for the server's own message). */
function noteOf(step: PlanStep, code: string): ImportNote | undefined {
  if (code === "key_exists") return { code: "appearedAfterPlan" };
  if (code === "compare_failed") return { code: "changedAfterPlan" };
  if (code === "key_not_found" && step.action === "change") return { code: "deletedAfterPlan" };
  return undefined;
}

function reasonOf(step: PlanStep, code: string, message: string): string {
  if (code === "key_exists") return "appeared after the plan: not overwritten";
  if (code === "compare_failed") return "changed after the plan: not overwritten";
  if (code === "key_not_found" && step.action === "change") return "deleted after the plan: not written";
  return message;
}
