import { describe, expect, it } from "vitest";
import { applyDeleteDir3Line, startDeleteDir3 } from "./delete-dir-progress";

describe("applyDeleteDir3Line", () => {
  it("a directory deleted whole: counted, then listed as deleted", () => {
    const p = startDeleteDir3("a/");
    applyDeleteDir3Line(p, "a/", { type: "progress", deleted: 128, kept: 0, failed: 0 });
    expect(p.current).toEqual({ key: "a/", deletedKeys: 128, totalKeys: 128 });
    expect(p.deleted).toEqual([]);
    applyDeleteDir3Line(p, "a/", { type: "done", deleted: 130, kept: 0, failed: 0, revision: "9", remaining: 0 });
    expect(p.deleted).toEqual(["a/"]);
    expect(p.finished).toBe(1);
    expect(p.notDeleted).toEqual([]);
  });

  it("kept and failed keys are reported under the directory, which then is not deleted", () => {
    const p = startDeleteDir3("a/");
    applyDeleteDir3Line(p, "a/", { type: "kept", key: "a/x", reason: "changed", current: null });
    applyDeleteDir3Line(p, "a/", { type: "kept", key: "a/y", reason: "gone", current: null });
    applyDeleteDir3Line(p, "a/", { type: "failed", key: "a/z", code: "etcd_unavailable", message: "down", outcomeUnknown: true });
    applyDeleteDir3Line(p, "a/", { type: "done", deleted: 1, kept: 2, failed: 1, revision: "9", remaining: 3 });
    expect(p.notDeleted.map((r) => [r.key, r.outcome, r.under])).toEqual([
      ["a/x", "changed", "a/"],
      ["a/y", "missing", "a/"],
      ["a/z", "failed", "a/"],
    ]);
    expect(p.notDeleted[2]!.outcomeUnknown).toBe(true);
    expect(p.deleted).toEqual([]);
    expect(p.counts).toEqual({ deleted: 1, kept: 2, failed: 1 });
    expect(p.remaining).toBe(3);
  });

  it("a key written after the listing stays: the directory is not reported deleted", () => {
    const p = startDeleteDir3("a/");
    applyDeleteDir3Line(p, "a/", { type: "done", deleted: 2, kept: 0, failed: 0, revision: "9", remaining: 1 });
    expect(p.deleted).toEqual([]);
    expect(p.remaining).toBe(1);
  });
});
