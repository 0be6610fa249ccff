import type { V2Node } from "@/lib/etcd/wire";
import { describe, expect, it } from "vitest";
import type { ExportNode } from "./format";
import { planImport, previewOf } from "./plan";

const existing: V2Node = {
  key: "/t",
  dir: true,
  modifiedIndex: 5,
  nodes: [
    { key: "/t/same", value: "v", modifiedIndex: 6 },
    { key: "/t/diff", value: "old", modifiedIndex: 7 },
    { key: "/t/isdir", dir: true, modifiedIndex: 8, nodes: [{ key: "/t/isdir/x", value: "1", modifiedIndex: 9 }] },
    { key: "/t/iskey", value: "k", modifiedIndex: 10 },
    { key: "/t/dir", dir: true, modifiedIndex: 11 },
    { key: "/t/late", value: "changed", modifiedIndex: 30 },
  ],
};

const file: ExportNode[] = [
  { key: "new", value: "n" },
  { key: "same", value: "v" },
  { key: "diff", value: "new" },
  { key: "isdir", value: "a key now" },
  { key: "iskey", dir: true },
  { key: "iskey/below", value: "b" },
  { key: "dir", dir: true },
  { key: "dir/child", value: "c", ttl: 5 },
  { key: "late", value: "mine" },
];

describe("planImport", () => {
  it("sorts each node into create, change, unchanged or conflict", async () => {
    const plan = await planImport(file, "/t", existing, 40);
    const byKey = Object.fromEntries(plan.steps.map((s) => [s.key, s]));
    expect(byKey["/t/new"]!.action).toBe("create");
    expect(byKey["/t/same"]).toMatchObject({ action: "unchanged", existingIndex: 6 });
    expect(byKey["/t/diff"]).toMatchObject({ action: "change", existingIndex: 7 });
    expect(byKey["/t/isdir"]).toMatchObject({ action: "conflict", reason: "etcd has a directory here, the file a key", conflict: { code: "etcdDirFileKey" } });
    expect(byKey["/t/iskey"]).toMatchObject({ action: "conflict", reason: "etcd has a key here, the file a directory", conflict: { code: "etcdKeyFileDir" } });
    expect(byKey["/t/iskey/below"]).toMatchObject({ action: "conflict", reason: "/t/iskey is a key in etcd, not a directory", conflict: { code: "ancestorIsKey", ancestor: "/t/iskey" } });
    expect(byKey["/t/dir"]!.action).toBe("unchanged");
    expect(byKey["/t/dir/child"]!.action).toBe("create");
    expect(plan.counts).toEqual({ create: 2, change: 2, unchanged: 2, conflict: 3 });
    expect(plan.etcdIndex).toBe(40);
  });

  it("plans everything as created when the target does not exist, parents before children", async () => {
    const nodes: ExportNode[] = [{ key: "a/b/c", value: "1" }, { key: "a/b", dir: true }, { key: "a", dir: true }, { key: "z", value: "2" }];
    const plan = await planImport(nodes, "/", null, 3);
    expect(plan.steps.map((s) => s.key)).toEqual(["/a", "/z", "/a/b", "/a/b/c"]);
    expect(plan.steps.every((s) => s.action === "create")).toBe(true);
  });

  it("marks a key changed after the dry run the user saw", async () => {
    const plan = await planImport(file, "/t", existing, 40, 20);
    const byKey = Object.fromEntries(plan.steps.map((s) => [s.key, s]));
    expect(byKey["/t/late"]).toMatchObject({ action: "change", changedSincePreview: true });
    expect(byKey["/t/diff"]!.changedSincePreview).toBeUndefined();
  });

  it("yields between batches, and plans into the root", async () => {
    let turns = 0;
    const many: ExportNode[] = Array.from({ length: 5000 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    const plan = await planImport(many, "/", { key: "/", dir: true, nodes: [{ key: "/k1", value: "v", modifiedIndex: 3 }] }, 9, undefined, async () => {
      turns++;
    });
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(plan.counts).toEqual({ create: 4999, change: 0, unchanged: 1, conflict: 0 });
    expect(plan.steps[0]!.key).toBe("/k0");
  });
});

describe("previewOf", () => {
  it("lists each kind in the file's order, with the reasons of conflicts", async () => {
    const preview = previewOf(await planImport(file, "/t", existing, 40));
    expect(preview.total).toBe(file.length);
    expect(preview.create).toEqual([{ key: "/t/new" }, { key: "/t/dir/child" }]);
    expect(preview.change).toEqual([{ key: "/t/diff" }, { key: "/t/late" }]);
    expect(preview.unchanged).toEqual([{ key: "/t/same" }, { key: "/t/dir", dir: true }]);
    expect(preview.conflict.map((c) => c.key)).toEqual(["/t/isdir", "/t/iskey", "/t/iskey/below"]);
  });
});
