import type { V2Node } from "@/lib/etcd/wire";
import { describe, expect, it } from "vitest";
import { formProblemOf } from "@/lib/api/schemas";
import { copyMoveBodySchema, isBelow, mapKey, planCopy, remainingTtl } from "./plan";

const issues = (input: unknown) => {
  const parsed = copyMoveBodySchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("copy / move request", () => {
  it("accepts two distinct keys, move defaulting to false", () => {
    expect(copyMoveBodySchema.parse({ from: "/a/b", to: "/c" })).toEqual({ from: "/a/b", to: "/c", move: false });
    expect(copyMoveBodySchema.parse({ from: "/a", to: "/a2", move: true }).move).toBe(true);
    // Into a sibling whose name starts like the source: not inside it.
    expect(issues({ from: "/a", to: "/ab/c" })).toEqual([]);
    // The source's parent is a fine destination (the children move up a level).
    expect(issues({ from: "/a/b", to: "/a/c" })).toEqual([]);
  });

  it("refuses the root, invalid keys, the same key and a destination inside the source", () => {
    expect(issues({ from: "/", to: "/x" })[0]).toMatch(/^from: .*root/);
    expect(issues({ from: "/x", to: "/" })[0]).toMatch(/^to: .*root/);
    expect(issues({ from: "/x", to: "/a//b" })[0]).toMatch(/^to: not a valid key: empty path segment/);
    expect(issues({ from: "/x/..", to: "/y" })[0]).toMatch(/^from: not a valid key/);
    expect(issues({ from: "xy", to: "/y" })[0]).toMatch(/^from: a key starts with "\/"/);
    expect(issues({ from: "/a", to: "/a" })).toEqual(["to: the destination is the source itself"]);
    expect(issues({ from: "/a", to: "/a/b/c" })).toEqual(["to: the destination is inside the source"]);
    expect(issues({ from: "/a", to: "/b", move: "yes" })[0]).toMatch(/^move:/);
    expect(issues({ from: "/a", to: "/b", overwrite: true })[0]).toMatch(/overwrite/);
    expect(issues({ to: "/b" })[0]).toMatch(/^from:/);
  });

  it("carries each refusal's code for the form to word (the English message stays for API clients)", () => {
    const problems = (body: unknown) => {
      const parsed = copyMoveBodySchema.safeParse(body);
      return parsed.success ? [] : parsed.error.issues.map((issue) => formProblemOf(issue as { params?: Record<string, unknown> }));
    };
    expect(problems({ from: "/x", to: "/" })).toEqual([{ code: "keyIsRoot" }]);
    expect(problems({ from: "/x", to: "/a//b" })).toEqual([{ code: "invalidKey", problem: { code: "emptySegment" } }]);
    expect(problems({ from: "xy", to: "/y" })[0]).toEqual({ code: "keyNotAbsolute" });
    expect(problems({ from: "/a", to: "/a" })).toEqual([{ code: "destinationIsSource" }]);
    expect(problems({ from: "/a", to: "/a/b/c" })).toEqual([{ code: "destinationInsideSource" }]);
  });
});

describe("mapKey", () => {
  it("moves the source's own key and everything below it", () => {
    expect(mapKey("/a", "/a", "/x/y")).toBe("/x/y");
    expect(mapKey("/a/b/c", "/a", "/x/y")).toBe("/x/y/b/c");
    expect(() => mapKey("/ab", "/a", "/x")).toThrow(/not below/);
  });
});

describe("planCopy", () => {
  const tree: V2Node = {
    key: "/src",
    dir: true,
    modifiedIndex: 1,
    nodes: [
      { key: "/src/z", value: "last", modifiedIndex: 5 },
      { key: "/src/sub", dir: true, modifiedIndex: 2, expiration: "2030-01-01T00:00:00Z", nodes: [{ key: "/src/sub/k", value: "", modifiedIndex: 3 }] },
      { key: "/src/empty", dir: true, modifiedIndex: 4 },
      { key: "/src/a", value: "first", modifiedIndex: 6, expiration: "2030-01-01T00:00:10Z" },
    ],
  };

  it("lists parents before children, in key order, with values, TTLs and indexes", () => {
    const items = planCopy(tree, "/src", "/dst");
    expect(items.map((i) => [i.source, i.target, i.depth])).toEqual([
      ["/src", "/dst", 0],
      ["/src/a", "/dst/a", 1],
      ["/src/empty", "/dst/empty", 1],
      ["/src/sub", "/dst/sub", 1],
      ["/src/sub/k", "/dst/sub/k", 2],
      ["/src/z", "/dst/z", 1],
    ]);
    expect(items[1]).toMatchObject({ dir: false, value: "first", expiration: "2030-01-01T00:00:10Z", modifiedIndex: 6 });
    expect(items[3]).toMatchObject({ dir: true, value: undefined, expiration: "2030-01-01T00:00:00Z" });
    expect(items[4]).toMatchObject({ dir: false, value: "" });
  });

  it("plans a single key as one item", () => {
    expect(planCopy({ key: "/k", value: "v", modifiedIndex: 9 }, "/k", "/k2")).toEqual([
      { source: "/k", target: "/k2", dir: false, value: "v", expiration: undefined, modifiedIndex: 9, depth: 0 },
    ]);
  });

  it("handles a deep tree without recursion", () => {
    let node: V2Node = { key: "/d" + "/n".repeat(5000), value: "leaf" };
    for (let depth = 4999; depth >= 0; depth--) node = { key: "/d" + "/n".repeat(depth), dir: true, nodes: [node] };
    const items = planCopy(node, "/d", "/e");
    expect(items).toHaveLength(5001);
    expect(items.at(-1)).toMatchObject({ target: "/e" + "/n".repeat(5000), value: "leaf" });
  });
});

describe("remainingTtl", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");
  it("rounds the time left up, null when permanent, 0 or less when expired", () => {
    expect(remainingTtl(undefined, now)).toBeNull();
    expect(remainingTtl("2030-01-01T00:00:09.200Z", now)).toBe(10);
    expect(remainingTtl("2030-01-01T00:00:00Z", now)).toBe(0);
    expect(remainingTtl("2029-12-31T23:59:58Z", now)).toBeLessThanOrEqual(0);
  });
});

describe("isBelow", () => {
  it("is strictly below, by segment", () => {
    expect(isBelow("/d/x", "/d")).toBe(true);
    expect(isBelow("/d", "/d")).toBe(false);
    expect(isBelow("/dx", "/d")).toBe(false);
  });
});
