// The copy / move report in plain words (pure, for the dialog and its tests).
import type { CopyMoveReport } from "./protocol";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** One sentence on how it ended. */
export function reportSummary(report: CopyMoveReport): string {
  const copied = `Copied ${plural(report.copied, "key or directory", "keys and directories")} of ${report.total.toLocaleString("en-US")} to ${report.to}`;
  const parts = [copied];
  if (report.notCopied > 0) parts.push(`${report.notCopied.toLocaleString("en-US")} not copied`);
  if (report.expired > 0) parts.push(`${report.expired.toLocaleString("en-US")} expired before their turn`);
  let text = parts.join("; ") + ".";
  if (report.move) {
    if (!report.deletedSource) text += ` The source ${report.from} was not deleted.`;
    else if (report.kept === 0) text += ` Moved: ${report.from} was deleted.`;
    else text += ` Deleted ${plural(report.deleted, "source")}; kept ${plural(report.kept, "source")} of ${report.from} (see below).`;
  }
  if (report.stopped) text += ` ${report.stopped}`;
  return text;
}

/** Whether the operation did everything it was asked: all copied (and, for a move, the source gone). */
export function isComplete(report: CopyMoveReport): boolean {
  return report.notCopied === 0 && !report.stopped && (!report.move || (report.deletedSource && report.kept === 0));
}

/** The destination a dialog proposes: "<from>-copy" for a copy; the source itself (to be edited) for a move. */
export function suggestedDestination(from: string, mode: "copy" | "move"): string {
  return mode === "copy" ? `${from}-copy` : from;
}
