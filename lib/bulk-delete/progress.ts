// The browser's view of a running bulk delete: what the streamed lines (./schema.ts) add up to. No browser APIs.
import type { BulkDeleteItemResult, BulkDeleteLine, BulkDeleteOutcome } from "./schema";

export interface BulkDeleteProgress {
  /** Items sent, in all requests. */
  total: number;
  /** Items with an outcome so far. */
  finished: number;
  deleted: string[];
  /** Selected items not deleted, and what inside a selected directory was kept or failed (its `under` says which). */
  notDeleted: (BulkDeleteItemResult & { under?: string })[];
  /** The directory whose subtree is being deleted now, and how far. */
  current: { key: string; deletedKeys: number; totalKeys: number } | null;
}

export const startProgress = (total: number): BulkDeleteProgress => ({ total, finished: 0, deleted: [], notDeleted: [], current: null });

/** Adds one more line to `progress`, in place (10,000 lines must not copy 10,000 arrays). */
export function applyLine(progress: BulkDeleteProgress, line: BulkDeleteLine): void {
  if (line.type === "progress") {
    progress.current = { key: line.key, deletedKeys: line.deletedKeys, totalKeys: line.totalKeys };
  } else if (line.type === "inside") {
    const { type: _type, ...result } = line;
    progress.notDeleted.push(result);
  } else if (line.type === "item") {
    const { type: _type, ...result } = line;
    progress.finished++;
    progress.current = null;
    if (result.outcome === "deleted") progress.deleted.push(result.key);
    else progress.notDeleted.push(result);
  }
}

/** How an item ended, as the code the report words (the `reports` catalogue's bulkDelete): a failure whose outcome is unknown is "unknown". */
export type OutcomeCode = BulkDeleteOutcome | "unknown";

export function outcomeCode(result: BulkDeleteItemResult): OutcomeCode {
  return result.outcome === "failed" && result.outcomeUnknown ? "unknown" : result.outcome;
}
