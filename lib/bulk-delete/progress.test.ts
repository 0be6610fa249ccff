import { describe, expect, it } from "vitest";
import { applyLine, outcomeCode, startProgress } from "./progress";

describe("bulk delete progress", () => {
  it("adds up items, keeps what was not deleted with why, and follows a directory's subtree", () => {
    const progress = startProgress(3);
    applyLine(progress, { type: "start", total: 3 });
    applyLine(progress, { type: "item", key: "/a", dir: false, outcome: "deleted" });
    applyLine(progress, { type: "progress", key: "/d", deletedKeys: 250, totalKeys: 600 });
    expect(progress.current).toEqual({ key: "/d", deletedKeys: 250, totalKeys: 600 });
    applyLine(progress, { type: "inside", under: "/d", key: "/d/late", dir: false, outcome: "added", message: "…" });
    expect(progress.finished).toBe(1);
    applyLine(progress, { type: "item", key: "/d", dir: true, outcome: "not_empty", deletedKeys: 599, keptKeys: 1, message: "…" });
    applyLine(progress, { type: "item", key: "/b", dir: false, outcome: "failed", code: "etcd_unavailable", outcomeUnknown: true });
    applyLine(progress, { type: "done", deleted: 1, notDeleted: 2 });
    expect(progress).toMatchObject({ total: 3, finished: 3, deleted: ["/a"], current: null });
    expect(progress.notDeleted.map((r) => [r.key, outcomeCode(r)])).toEqual([
      ["/d/late", "added"],
      ["/d", "not_empty"],
      ["/b", "unknown"],
    ]);
  });
});
