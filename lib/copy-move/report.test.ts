import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import type { CopyMoveReport } from "./protocol";
import { isComplete, summaryArguments, suggestedDestination } from "./report";

const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "keys.copyMove" });
/** The sentence the dialog shows, in English. */
const reportSummary = (report: CopyMoveReport) => t("summary", summaryArguments(report)) + (report.stopped ? ` ${report.stopped}` : "");

const base: CopyMoveReport = { from: "/a", to: "/b", move: false, total: 3, copied: 3, notCopied: 0, expired: 0, deleted: 0, kept: 0, deletedSource: false };

describe("copy / move report", () => {
  it("says what a complete copy and move did", () => {
    expect(reportSummary(base)).toBe("Copied 3 keys and directories of 3 to /b.");
    expect(isComplete(base)).toBe(true);
    const moved = { ...base, move: true, deletedSource: true, deleted: 3 };
    expect(reportSummary(moved)).toBe("Copied 3 keys and directories of 3 to /b. Moved: /a was deleted.");
    expect(isComplete(moved)).toBe(true);
  });

  it("says what was left, and why the source stays", () => {
    const partial = { ...base, move: true, copied: 2, notCopied: 1, stopped: "Nothing was deleted: 1 of 3 could not be copied, so the source stays as it was." };
    expect(reportSummary(partial)).toBe(
      "Copied 2 keys and directories of 3 to /b; 1 not copied. The source /a was not deleted. Nothing was deleted: 1 of 3 could not be copied, so the source stays as it was.",
    );
    expect(isComplete(partial)).toBe(false);
    const kept = { ...base, move: true, deletedSource: true, deleted: 1, kept: 2, expired: 1, copied: 1, total: 2 };
    expect(reportSummary(kept)).toBe("Copied 1 key or directory of 2 to /b; 1 expired before their turn. Deleted 1 source; kept 2 sources of /a (see below).");
    expect(isComplete(kept)).toBe(false);
  });

  it("suggests a destination", () => {
    expect(suggestedDestination("/app/config", "copy")).toBe("/app/config-copy");
    expect(suggestedDestination("/app/config", "move")).toBe("/app/config");
  });
});
