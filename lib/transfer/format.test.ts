import type { V2Node } from "@/lib/etcd/wire";
import { describe, expect, it } from "vitest";
import { contentDisposition, exportFileName, exportNodes, importFileSchema, importQuerySchema, parseNodes, ttlOf } from "./format";

const listing: V2Node = {
  key: "/app",
  dir: true,
  nodes: [
    { key: "/app/a", value: "1" },
    {
      key: "/app/b",
      dir: true,
      nodes: [
        { key: "/app/b/c", value: "", ttl: 30, expiration: "2026-01-01T00:00:30Z" },
        { key: "/app/b/empty", dir: true },
      ],
    },
    { key: "/app/z y", value: "line\nnext" },
  ],
};

describe("exportNodes", () => {
  it("lists a directory's descendants relative to it, parents first, empty directories included", () => {
    expect([...exportNodes(listing, "/app")]).toEqual([
      { key: "a", value: "1" },
      { key: "b", dir: true },
      { key: "b/c", value: "", ttl: 30 },
      { key: "b/empty", dir: true },
      { key: "z y", value: "line\nnext" },
    ]);
  });

  it("exports the root's children without a leading slash", () => {
    const root: V2Node = { key: "/", dir: true, nodes: [{ key: "/x", value: "v" }, { key: "/d", dir: true, nodes: [{ key: "/d/e", value: "w" }] }] };
    expect([...exportNodes(root, "/")]).toEqual([{ key: "x", value: "v" }, { key: "d", dir: true }, { key: "d/e", value: "w" }]);
  });

  it("exports a single key under its own name", () => {
    expect([...exportNodes({ key: "/app/a", value: "1", ttl: 5, expiration: "x" }, "/app/a")]).toEqual([{ key: "a", value: "1", ttl: 5 }]);
  });

  it("copes with a deep tree without recursion", () => {
    const depth = 50_000;
    let node: V2Node = { key: "/leaf", value: "leaf" };
    for (let i = depth - 1; i >= 0; i--) node = { key: `/d${i}`, dir: true, nodes: [node] };
    const out = [...exportNodes({ key: "/", dir: true, nodes: [node] }, "/")];
    expect(out).toHaveLength(depth + 1);
    expect(out.at(-1)).toEqual({ key: "leaf", value: "leaf" });
  });
});

describe("ttlOf", () => {
  it("keeps seconds left, at least 1 for an overdue key, none for a permanent one", () => {
    expect(ttlOf({})).toBeUndefined();
    expect(ttlOf({ ttl: 12, expiration: "x" })).toBe(12);
    expect(ttlOf({ ttl: -1, expiration: "x" })).toBe(1);
    expect(ttlOf({ expiration: "x" })).toBe(1);
  });
});

describe("file names", () => {
  it("derives a safe name from the cluster and the key", () => {
    expect(exportFileName("default", "/app/config")).toBe("etcd-default-app-config.json");
    expect(exportFileName("prod", "/")).toBe("etcd-prod-root.json");
    expect(exportFileName("default", '/a"b/../日本\r\n;x')).toBe("etcd-default-a_b-..-_x.json");
    expect(exportFileName("c", "/" + "k".repeat(500)).length).toBeLessThanOrEqual(125);
  });

  it("quotes nothing it did not make safe", () => {
    expect(contentDisposition("etcd-default-app.json")).toBe(`attachment; filename="etcd-default-app.json"; filename*=UTF-8''etcd-default-app.json`);
  });
});

describe("the file's schema", () => {
  const header = { format: "etcd-dashboard-export", version: 1, cluster: "default", root: "/app", rootDir: true, etcdIndex: 9, exportedAt: "2026-01-01T00:00:00.000Z" };

  it("takes an export's header and refuses another format or version", () => {
    expect(importFileSchema.safeParse({ ...header, nodes: [] }).success).toBe(true);
    expect(importFileSchema.safeParse({ ...header, format: "other", nodes: [] }).success).toBe(false);
    expect(importFileSchema.safeParse({ ...header, version: 2, nodes: [] }).success).toBe(false);
    expect(importFileSchema.safeParse({ ...header }).success).toBe(false);
  });

  it("reads the query's options", () => {
    expect(importQuerySchema.parse({ dryRun: "true" })).toEqual({ dryRun: true });
    expect(importQuerySchema.parse({ onExisting: "overwrite", since: "42" })).toEqual({ onExisting: "overwrite", since: 42 });
    expect(importQuerySchema.safeParse({ onExisting: "clobber" }).success).toBe(false);
    expect(importQuerySchema.safeParse({ since: "0" }).success).toBe(false);
    expect(importQuerySchema.safeParse({ other: "1" }).success).toBe(false);
  });
});

describe("parseNodes", () => {
  it("takes keys, directories, empty values and TTLs", async () => {
    const raw = [{ key: "d", dir: true, ttl: 60 }, { key: "d/k", value: "" }, { key: "odd name ?#%", value: "x" }];
    expect(await parseNodes(raw)).toEqual({ nodes: raw });
  });

  it.each([
    [{ key: "/abs", value: "x" }, "no leading"],
    [{ key: "a//b", value: "x" }, "empty path segment"],
    [{ key: "a/../b", value: "x" }, "not allowed"],
    [{ key: "", value: "x" }, "required"],
    [{ key: "k" }, "either a directory"],
    [{ key: "k", dir: true, value: "x" }, "either a directory"],
    [{ key: "k", value: 5 }, "string"],
    [{ key: "k", value: "x", ttl: 0 }, "1 or more"],
    [{ key: "k", value: "x", ttl: 1.5 }, "whole number"],
    [{ key: "k", value: "x", extra: 1 }, "extra"],
    ["text", "object"],
  ])("refuses %j", async (node, message) => {
    const result = await parseNodes([node]);
    expect("issues" in result && result.issues[0]!.path.startsWith("body.nodes.0")).toBe(true);
    expect(JSON.stringify(result).toLowerCase()).toContain(message.toLowerCase());
  });

  it("refuses a key given twice and anything below a key", async () => {
    const twice = await parseNodes([{ key: "a", value: "1" }, { key: "a", dir: true }]);
    expect(twice).toEqual({ issues: [{ path: "body.nodes.1.key", message: 'the key "a" is in the file twice' }] });
    const below = await parseNodes([{ key: "a/b/c", value: "1" }, { key: "a", value: "1" }]);
    expect("issues" in below && below.issues[0]!.message).toContain('which the file has as a key');
  });

  it("yields between batches", async () => {
    let turns = 0;
    const raw = Array.from({ length: 5000 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    const result = await parseNodes(raw, async () => {
      turns++;
    });
    expect("nodes" in result && result.nodes.length).toBe(5000);
    expect(turns).toBeGreaterThanOrEqual(4);
  });
});
