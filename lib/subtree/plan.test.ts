import { describe, expect, it } from "vitest";
import type { V2Node } from "@/lib/etcd/wire";
import { flattenRead, planSubtreeDelete } from "./plan";

const tree: V2Node = {
  key: "/d",
  dir: true,
  modifiedIndex: 5,
  createdIndex: 5,
  nodes: [
    { key: "/d/a", modifiedIndex: 6, createdIndex: 6 },
    {
      key: "/d/sub",
      dir: true,
      modifiedIndex: 7,
      createdIndex: 7,
      nodes: [
        { key: "/d/sub/b", modifiedIndex: 12, createdIndex: 8 },
        { key: "/d/sub/deep", dir: true, modifiedIndex: 9, createdIndex: 9, nodes: [{ key: "/d/sub/deep/c", modifiedIndex: 10, createdIndex: 10 }] },
      ],
    },
    { key: "/d/new", dir: true, modifiedIndex: 13, createdIndex: 13, nodes: [{ key: "/d/new/x", modifiedIndex: 14, createdIndex: 14 }] },
    { key: "/d/late", modifiedIndex: 15, createdIndex: 15 },
  ],
};

describe("planSubtreeDelete", () => {
  it("deletes every key first, then the directories deepest level first and the root last", () => {
    const plan = planSubtreeDelete("/d", flattenRead(tree));
    expect(plan.keys.map((k) => [k.key, k.modifiedIndex]).sort()).toEqual([
      ["/d/a", 6],
      ["/d/late", 15],
      ["/d/new/x", 14],
      ["/d/sub/b", 12],
      ["/d/sub/deep/c", 10],
    ]);
    expect(plan.dirLevels.map((level) => [...level].sort())).toEqual([["/d/sub/deep"], ["/d/new", "/d/sub"], ["/d"]]);
    expect(plan.newer).toEqual([]);
  });

  it("keeps what was created or written after the user saw the subtree, and everything below an added directory", () => {
    const plan = planSubtreeDelete("/d", flattenRead(tree), 11);
    expect(plan.keys.map((k) => k.key).sort()).toEqual(["/d/a", "/d/sub/deep/c"]);
    expect(plan.newer.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: "/d/late", dir: false, outcome: "added" },
      { key: "/d/new", dir: true, outcome: "added" },
      { key: "/d/sub/b", dir: false, outcome: "changed" },
    ]);
    expect(plan.dirLevels.map((level) => [...level].sort())).toEqual([["/d/sub/deep"], ["/d/sub"], ["/d"]]);
  });

  it("never plans a compare-and-delete without an index", () => {
    const plan = planSubtreeDelete("/d", [{ key: "/d", dir: true }, { key: "/d/k", dir: false }]);
    expect(plan.keys).toEqual([]);
    expect(plan.newer).toEqual([{ key: "/d/k", dir: false, outcome: "changed" }]);
  });

  it("flattens a deep tree without recursion, parents first", () => {
    const depth = 50_000;
    let node: V2Node = { key: "/leaf", modifiedIndex: 1 };
    for (let i = depth; i > 0; i--) node = { key: `/d${i}`, dir: true, nodes: [node] };
    const flat = flattenRead(node);
    expect(flat).toHaveLength(depth + 1);
    expect(flat[0]!.dir).toBe(true);
    expect(flat.at(-1)!.dir).toBe(false);
  });
});
