import { describe, expect, it } from "vitest";
import { isV2NodeTree, v2ResponseSchema } from "./wire";

describe("etcd node validation", () => {
  it("accepts etcd's shapes: root without key, files, dirs, negative ttl, nested nodes", () => {
    expect(isV2NodeTree({ dir: true })).toBe(true);
    expect(
      isV2NodeTree({
        key: "/d",
        dir: true,
        nodes: [{ key: "/d/x", value: "", ttl: -1, expiration: "2026-11-24T11:38:05.613182498Z", modifiedIndex: 9, createdIndex: 9 }, { key: "/d/e", dir: true }],
        modifiedIndex: 8,
        createdIndex: 8,
      }),
    ).toBe(true);
  });

  it.each([
    [null],
    [[]],
    ["x"],
    [{ key: 5 }],
    [{ value: 1 }],
    [{ dir: "true" }],
    [{ ttl: 1.5 }],
    [{ modifiedIndex: -1 }],
    [{ createdIndex: "3" }],
    [{ nodes: {} }],
    [{ dir: true, nodes: [{ key: "/ok" }, { key: "/bad", value: {} }] }],
  ])("rejects %j", (node) => {
    expect(isV2NodeTree(node)).toBe(false);
  });

  it("checks deep and wide trees without overflowing the stack", () => {
    let deep: Record<string, unknown> = { key: "/leaf", value: "v" };
    for (let i = 0; i < 50_000; i++) deep = { key: `/d${i}`, dir: true, nodes: [deep] };
    expect(isV2NodeTree(deep)).toBe(true);
    const wide = { dir: true, nodes: Array.from({ length: 100_000 }, (_, i) => ({ key: `/k${i}`, value: "v", modifiedIndex: i, createdIndex: i })) };
    expect(isV2NodeTree(wide)).toBe(true);
  });

  it("is what the response schema uses for node and prevNode", () => {
    expect(v2ResponseSchema.safeParse({ action: "get", node: { key: "/a", value: 3 } }).success).toBe(false);
    expect(v2ResponseSchema.safeParse({ action: "set", node: { key: "/a", value: "3" }, prevNode: { key: "/a", value: "2" } }).success).toBe(true);
  });
});
