// The copy / move report (pure, for the dialog and its tests). Its words are the catalogue's
// (messages/<locale>/keys.json copyMove.summary): this gives that message its arguments.
import type { CopyMoveReport } from "./protocol";

/** How a move's source ended: not a move, not deleted, deleted whole, or deleted with some keys kept. */
export type SourceOutcome = "copy" | "notDeleted" | "moved" | "kept";

/** The arguments of the one-sentence summary of how it ended (the server's `stopped` note follows it as is). */
export function summaryArguments(report: CopyMoveReport) {
  const source: SourceOutcome = !report.move ? "copy" : !report.deletedSource ? "notDeleted" : report.kept === 0 ? "moved" : "kept";
  const { copied, total, to, from, notCopied, expired, deleted, kept } = report;
  return { copied, total, to, from, notCopied, expired, deleted, kept, source };
}

/** Whether the operation did everything it was asked: all copied (and, for a move, the source gone). */
export function isComplete(report: CopyMoveReport): boolean {
  return report.notCopied === 0 && !report.stopped && (!report.move || (report.deletedSource && report.kept === 0));
}

/** The destination a dialog proposes: "<from>-copy" for a copy; the source itself (to be edited) for a move. */
export function suggestedDestination(from: string, mode: "copy" | "move"): string {
  return mode === "copy" ? `${from}-copy` : from;
}
