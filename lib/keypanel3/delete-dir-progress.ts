// A v3 directory's delete as the browser follows it: the route's JSON lines (lib/keys3/delete-prefix.ts) added up
// into the progress shape the v2 bulk delete's view shows (components/keys/bulk-delete-run.tsx), so both report
// kept and failed keys the same way. Pure; no browser APIs.
import type { BulkDeleteProgress } from "@/lib/bulk-delete/progress";
import type { DeletePrefix3Line } from "@/lib/keys3/delete-prefix";

export interface DeleteDir3Progress extends BulkDeleteProgress {
  /** Keys deleted, kept (changed or gone since listed), failed, so far. */
  counts: { deleted: number; kept: number; failed: number };
  /** Once done: keys the prefix still holds (kept ones, failed ones, and any written after the listing). */
  remaining: number | null;
}

export function startDeleteDir3(dir: string): DeleteDir3Progress {
  return { total: 1, finished: 0, deleted: [], notDeleted: [], current: { key: dir, deletedKeys: 0, totalKeys: 0 }, counts: { deleted: 0, kept: 0, failed: 0 }, remaining: null };
}

/** Adds one line to `progress`, in place (thousands of lines must not copy thousands of arrays). */
export function applyDeleteDir3Line(progress: DeleteDir3Progress, dir: string, line: DeletePrefix3Line): void {
  if (line.type === "kept") {
    // "changed" and "gone" are the bulk delete's "changed" and "missing" (reports.bulkDelete words them).
    progress.notDeleted.push({ key: line.key, dir: false, outcome: line.reason === "changed" ? "changed" : "missing", under: dir });
  } else if (line.type === "failed") {
    progress.notDeleted.push({ key: line.key, dir: false, outcome: "failed", code: line.code, message: line.message, outcomeUnknown: line.outcomeUnknown, under: dir });
  } else {
    progress.counts = { deleted: line.deleted, kept: line.kept, failed: line.failed };
    progress.current = { key: dir, deletedKeys: line.deleted, totalKeys: line.deleted + line.kept + line.failed };
    if (line.type === "done") {
      progress.finished = 1;
      progress.remaining = line.remaining;
      if (line.remaining === 0 && line.kept + line.failed === 0) progress.deleted.push(dir);
    }
  }
}
