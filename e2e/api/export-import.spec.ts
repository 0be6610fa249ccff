// Export (GET …/export/:key*) and import (POST …/import/:dir*) through the running dashboard, checked against
// etcd itself; and the issue's acceptance test: an export imported into an empty cluster (an etcd and a
// dashboard of this spec's own) reproduces the subtree exactly, as each etcd lists it.
import fs from "node:fs";
import type { ExportFile, ExportNode } from "../../lib/transfer/format";
import type { ImportPreview, ImportReport } from "../../lib/transfer/plan";
import { encodeKey, expect, expectApiError, expectInvalid, test, type DirectEtcd, type EtcdV2Node } from "../fixtures";
import { startOwnEtcd, type OwnEtcd } from "../own-etcd";

type Preview = ImportPreview;
type Report = ImportReport;

const exportUrl = (key: string, cluster = "default") => `/api/clusters/${cluster}/export${key === "/" ? "" : encodeKey(key)}`;
const importUrl = (dir: string, query: Record<string, string> = {}, cluster = "default") =>
  `/api/clusters/${cluster}/import${dir === "/" ? "" : encodeKey(dir)}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`;
const JSON_HEADERS = { "content-type": "application/json" };

function fileOf(nodes: ExportNode[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: "etcd-dashboard-export", version: 1, cluster: "default", root: "/x", rootDir: true, etcdIndex: 1, exportedAt: new Date().toISOString(), nodes, ...extra });
}

/** The import's JSON lines: progress lines, then the report as the last line. */
function linesOf(text: string): { progress: { done: number; total: number }[]; report: Report } {
  const lines = text.trim().split("\n").map((l) => JSON.parse(l) as { type: string; done: number; total: number; report: Report });
  const last = lines.at(-1)!;
  expect(last.type, text.slice(-500)).toBe("report");
  return { progress: lines.filter((l) => l.type === "progress"), report: last.report };
}

interface Shape {
  key: string;
  dir: boolean;
  value?: string;
  ttl?: number;
}

/** A subtree as etcd lists it, below `prefix`, without indexes. */
function shapeOf(node: EtcdV2Node | undefined, prefix: string): Shape[] {
  const out: Shape[] = [];
  const walk = (n: EtcdV2Node) => {
    for (const child of n.nodes ?? []) {
      out.push({ key: child.key!.slice(prefix.length), dir: child.dir === true, value: child.value, ttl: child.ttl });
      walk(child);
    }
  };
  if (node) walk(node);
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The same shapes, TTLs within `seconds` of each other (they tick between the two reads). */
function expectSameShapes(actual: Shape[], expected: Shape[], seconds: number) {
  expect(actual.map((s) => ({ ...s, ttl: s.ttl !== undefined }))).toEqual(expected.map((s) => ({ ...s, ttl: s.ttl !== undefined })));
  actual.forEach((s, i) => {
    if (s.ttl !== undefined) expect(Math.abs(s.ttl - expected[i]!.ttl!), s.key).toBeLessThanOrEqual(seconds);
  });
}

async function subtree(etcd: Pick<DirectEtcd, "get">, key: string): Promise<EtcdV2Node> {
  const answer = await etcd.get(key, { recursive: "true", sorted: "true", quorum: "true" });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body.node!;
}

test.describe("export", () => {
  test("a directory: the versioned format, a download named after cluster and key, directories and TTLs", async ({ request, etcd, ns }) => {
    await etcd.put(`${ns}/src/a`, "1");
    await etcd.put(`${ns}/src/d/b`, "");
    await etcd.put(`${ns}/src/d/empty`, undefined, { dir: "true" });
    await etcd.put(`${ns}/src/t`, "ttl", { ttl: "300" });
    await etcd.put(`${ns}/src/_hidden`, "etcd never lists it");
    const response = await request.get(exportUrl(`${ns}/src`));
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    const name = `etcd-default-e2e-${ns.split("/")[2]}-src.json`;
    expect(response.headers()["content-disposition"]).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    const file = (await response.json()) as ExportFile;
    expect(file).toMatchObject({ format: "etcd-dashboard-export", version: 1, cluster: "default", root: `${ns}/src`, rootDir: true });
    expect(file.etcdIndex).toBeGreaterThan(0);
    expect(Date.now() - Date.parse(file.exportedAt)).toBeLessThan(60_000);
    const t = file.nodes.find((n) => n.key === "t")!;
    expect(t.ttl).toBeGreaterThan(250);
    t.ttl = 300;
    expect(file.nodes).toEqual([
      { key: "a", value: "1" },
      { key: "d", dir: true },
      { key: "d/b", value: "" },
      { key: "d/empty", dir: true },
      { key: "t", value: "ttl", ttl: 300 },
    ]);
  });

  test("a single key, an empty directory, and errors", async ({ request, etcd, ns }) => {
    await etcd.put(`${ns}/k y`, "v\nw");
    const one = (await (await request.get(exportUrl(`${ns}/k y`))).json()) as ExportFile;
    expect(one).toMatchObject({ root: `${ns}/k y`, rootDir: false, nodes: [{ key: "k y", value: "v\nw" }] });
    await etcd.put(`${ns}/empty`, undefined, { dir: "true" });
    expect(((await (await request.get(exportUrl(`${ns}/empty`))).json()) as ExportFile).nodes).toEqual([]);

    await expectApiError(await request.get(exportUrl(`${ns}/missing`)), 404, "key_not_found");
    await expectApiError(await request.get(exportUrl(`${ns}/x`, "nope")), 404, "cluster_not_found");
    await expectInvalid(await request.get(`/api/clusters/default/export${ns}/a%00b`), "key");
  });
});

test.describe("import", () => {
  async function seedTarget(etcd: DirectEtcd, dst: string) {
    await etcd.put(`${dst}/same`, "same");
    await etcd.put(`${dst}/diff`, "old");
    await etcd.put(`${dst}/isdir/x`, "1");
    await etcd.put(`${dst}/iskey`, "k");
  }
  const nodes: ExportNode[] = [
    { key: "new", value: "n" },
    { key: "same", value: "same" },
    { key: "diff", value: "new" },
    { key: "isdir", value: "a key in the file" },
    { key: "iskey", dir: true },
    { key: "iskey/below", value: "b" },
    { key: "newdir", dir: true },
    { key: "newdir/c", value: "c" },
  ];

  test("a dry run answers the plan and writes nothing", async ({ request, etcd, ns }) => {
    const dst = `${ns}/dst`;
    await seedTarget(etcd, dst);
    const before = shapeOf(await subtree(etcd, dst), dst);
    const response = await request.post(importUrl(dst, { dryRun: "true" }), { data: fileOf(nodes), headers: JSON_HEADERS });
    expect(response.status()).toBe(200);
    const preview = (await response.json()) as Preview;
    expect(preview).toMatchObject({
      target: dst,
      total: 8,
      counts: { create: 3, change: 1, unchanged: 1, conflict: 3 },
      create: [{ key: `${dst}/new` }, { key: `${dst}/newdir`, dir: true }, { key: `${dst}/newdir/c` }],
      change: [{ key: `${dst}/diff` }],
      unchanged: [{ key: `${dst}/same` }],
      conflict: [
        { key: `${dst}/isdir`, reason: "etcd has a directory here, the file a key" },
        { key: `${dst}/iskey`, reason: "etcd has a key here, the file a directory" },
        { key: `${dst}/iskey/below`, reason: `${dst}/iskey is a key in etcd, not a directory` },
      ],
    });
    expect(preview.etcdIndex).toBeGreaterThan(0);
    expect(shapeOf(await subtree(etcd, dst), dst)).toEqual(before);
  });

  test("skip keeps what etcd has, overwrite replaces it; conflicts are never written; progress then a report", async ({ request, etcd, ns }) => {
    const dst = `${ns}/dst`;
    await seedTarget(etcd, dst);
    const skip = linesOf(await (await request.post(importUrl(dst, { onExisting: "skip" }), { data: fileOf(nodes), headers: JSON_HEADERS })).text());
    expect(skip.report).toMatchObject({ target: dst, total: 8, created: 3, changed: 0, skipped: 1, unchanged: 1, notAttempted: 0 });
    expect(skip.report.failed.map((f) => [f.key, f.code])).toEqual([
      [`${dst}/isdir`, "conflict"],
      [`${dst}/iskey`, "conflict"],
      [`${dst}/iskey/below`, "conflict"],
    ]);
    expect(skip.progress.at(-1)).toEqual({ type: "progress", done: 8, total: 8 });
    expect(await etcd.value(`${dst}/diff`)).toBe("old");
    expect(await etcd.value(`${dst}/new`)).toBe("n");
    expect(await etcd.value(`${dst}/newdir/c`)).toBe("c");
    expect(await etcd.value(`${dst}/iskey`)).toBe("k");
    expect((await etcd.get(`${dst}/isdir`)).body.node!.dir).toBe(true);

    const overwrite = linesOf(await (await request.post(importUrl(dst, { onExisting: "overwrite" }), { data: fileOf(nodes), headers: JSON_HEADERS })).text());
    // What the first run created is unchanged now; diff is overwritten.
    expect(overwrite.report).toMatchObject({ created: 0, changed: 1, skipped: 0, unchanged: 4 });
    expect(await etcd.value(`${dst}/diff`)).toBe("new");
  });

  test("a key changed or created after the dry run is reported, not overwritten", async ({ request, etcd, ns }) => {
    const dst = `${ns}/dst`;
    await etcd.put(`${dst}/a`, "old");
    await etcd.put(`${dst}/b`, "old");
    const file = fileOf([{ key: "a", value: "file" }, { key: "b", value: "file" }, { key: "c", value: "file" }]);
    const preview = (await (await request.post(importUrl(dst, { dryRun: "true" }), { data: file, headers: JSON_HEADERS })).json()) as Preview;
    expect(preview.counts).toMatchObject({ change: 2, create: 1 });
    await etcd.put(`${dst}/a`, "theirs");
    await etcd.put(`${dst}/c`, "theirs");
    const { report } = linesOf(await (await request.post(importUrl(dst, { onExisting: "overwrite", since: String(preview.etcdIndex) }), { data: file, headers: JSON_HEADERS })).text());
    expect(report).toMatchObject({ changed: 1, created: 0 });
    expect(report.failed).toEqual([
      { key: `${dst}/a`, code: "compare_failed", reason: expect.stringContaining("changed after the preview"), note: { code: "changedAfterPreview", index: expect.any(Number) } },
      { key: `${dst}/c`, code: "compare_failed", reason: expect.stringContaining("changed after the preview"), note: { code: "changedAfterPreview", index: expect.any(Number) } },
    ]);
    expect(await etcd.value(`${dst}/a`)).toBe("theirs");
    expect(await etcd.value(`${dst}/b`)).toBe("file");
    expect(await etcd.value(`${dst}/c`)).toBe("theirs");
  });

  test("TTLs of keys and directories are applied; a key without one is made permanent by an overwrite", async ({ request, etcd, ns }) => {
    const dst = `${ns}/dst`;
    await etcd.put(`${dst}/was-ttl`, "old", { ttl: "500" });
    const file = fileOf([
      { key: "k", value: "v", ttl: 120 },
      { key: "d", dir: true, ttl: 200 },
      { key: "d/in", value: "x" },
      { key: "was-ttl", value: "new" },
    ]);
    const { report } = linesOf(await (await request.post(importUrl(dst, { onExisting: "overwrite" }), { data: file, headers: JSON_HEADERS })).text());
    expect(report).toMatchObject({ created: 3, changed: 1, failed: [] });
    const k = (await etcd.get(`${dst}/k`)).body.node!;
    expect(k.ttl).toBeGreaterThan(100);
    expect(k.ttl).toBeLessThanOrEqual(120);
    const d = (await etcd.get(`${dst}/d`)).body.node!;
    expect(d.dir).toBe(true);
    expect(d.ttl).toBeGreaterThan(180);
    expect(await etcd.value(`${dst}/d/in`)).toBe("x");
    expect((await etcd.get(`${dst}/was-ttl`)).body.node!.ttl).toBeUndefined();
  });

  test("bad files, options and targets are refused before anything is written", async ({ request, etcd, ns }) => {
    const dst = `${ns}/dst`;
    const post = (data: string, query: Record<string, string> = {}, dir = dst) => request.post(importUrl(dir, query), { data, headers: JSON_HEADERS });
    await expectInvalid(await post("{not json"), "body");
    await expectInvalid(await post(fileOf([], { format: "something-else" })), "body.format");
    await expectInvalid(await post(fileOf([], { version: 2 })), "body.version");
    await expectInvalid(await post(JSON.stringify({ format: "etcd-dashboard-export", version: 1 })), "body.nodes");
    await expectInvalid(await post(fileOf([{ key: "/abs", value: "x" }])), "body.nodes.0.key");
    await expectInvalid(await post(fileOf([{ key: "a/../b", value: "x" }])), "body.nodes.0.key");
    await expectInvalid(await post(fileOf([{ key: "k" }])), /^body\.nodes\.0/);
    await expectInvalid(await post(fileOf([{ key: "k", value: "x", ttl: -3 }])), "body.nodes.0.ttl");
    await expectInvalid(await post(fileOf([{ key: "k", value: "1" }, { key: "k", value: "2" }])), "body.nodes.1.key");
    await expectInvalid(await post(fileOf([{ key: "k", value: "1" }, { key: "k/below", value: "2" }])), "body.nodes.1.key");
    await expectInvalid(await post(fileOf([]), { onExisting: "clobber" }), "query.onExisting");
    await expectInvalid(await post(fileOf([]), { since: "-1" }), "query.since");
    await expectApiError(await request.post(importUrl(dst), { data: fileOf([]), headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type");
    await expectApiError(await request.post(importUrl(dst), { data: fileOf([]), headers: { ...JSON_HEADERS, "sec-fetch-site": "cross-site" } }), 403, "cross_origin");
    await etcd.put(`${ns}/file`, "a key");
    await expectApiError(await post(fileOf([{ key: "k", value: "1" }]), {}, `${ns}/file`), 403, "not_a_directory");
    await expectApiError(await request.post(importUrl(dst, {}, "nope"), { data: fileOf([]), headers: JSON_HEADERS }), 404, "cluster_not_found");
    // Import files may be bigger than the 12 MiB of other bodies, up to 64 MiB.
    const huge = `{"format":"etcd-dashboard-export","version":1,"nodes":[],"pad":"${"a".repeat(64 * 1024 * 1024)}"}`;
    await expectApiError(await request.post(importUrl(dst), { data: huge, headers: JSON_HEADERS }), 413, "payload_too_large");
    expect((await etcd.get(dst)).status).toBe(404);
  });
});

test.describe("export, then import into an empty cluster", () => {
  let own: OwnEtcd;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    own = await startOwnEtcd("export-import", (url) => [{ name: "empty", endpoints: [url] }]);
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  test("reproduces the subtree exactly: keys, values byte for byte, directories (empty ones too) and TTLs", async ({ request, etcd, ns }) => {
    test.setTimeout(60_000);
    const src = `${ns}/src`;
    const values: Record<string, string> = {
      "plain": "hello",
      "empty": "",
      "unicode": "日本語 ñ é 😀 \u200b zero-width, and \u{1F9EA}",
      "newlines": "line 1\nline 2\r\nline 3\n",
      "json": JSON.stringify({ a: [1, 2, { b: "c\"q" }], n: null, t: true }, null, 2),
      "yaml": "a: 1\nlist:\n  - x\n  - 'y: z'\n# comment\n",
      "spaces and odd ?#%&+=;,'\"<>": "  leading and trailing spaces  ",
      "controls": "tab\tnul\u0000bell\u0007end",
      "form chars": "a+b c&d=e%20f%zz",
      "long": "0123456789abcdef".repeat(16 * 1024),
      "ünï😀 names/deeper/still": "deep",
      ".dotted": ".",
      "...": "three dots",
    };
    for (const [key, value] of Object.entries(values)) await etcd.put(`${src}/${key}`, value);
    await etcd.put(`${src}/empty dir`, undefined, { dir: "true" });
    await etcd.put(`${src}/nested/empty/dirs`, undefined, { dir: "true" });
    await etcd.put(`${src}/ttl key`, "expires", { ttl: "600" });
    await etcd.put(`${src}/ttl dir`, undefined, { dir: "true", ttl: "900" });
    await etcd.put(`${src}/ttl dir/child`, "in a dir with a TTL", { ttl: "900", prevExist: "false" });

    const exported = await request.get(exportUrl(src));
    expect(exported.status()).toBe(200);
    const text = await exported.text();

    // Into the same path of the other, empty cluster: first the dry run, then the import.
    const other = own.dashboard.url;
    const preview = (await (await request.post(`${other}${importUrl(src, { dryRun: "true" }, "empty")}`, { data: text, headers: JSON_HEADERS })).json()) as Preview;
    const count = (JSON.parse(text) as ExportFile).nodes.length;
    expect(preview.counts).toEqual({ create: count, change: 0, unchanged: 0, conflict: 0 });
    const { report } = linesOf(await (await request.post(`${other}${importUrl(src, { since: String(preview.etcdIndex) }, "empty")}`, { data: text, headers: JSON_HEADERS })).text());
    expect(report).toMatchObject({ created: count, failed: [], notAttempted: 0 });

    const ownEtcd = { get: async (key: string, query?: Record<string, string>) => {
      const answer = await own.direct("GET", `/v2/keys${encodeKey(key)}?${new URLSearchParams(query)}`);
      return { status: answer.status, body: answer.json };
    } };
    const original = shapeOf(await subtree(etcd, src), src);
    const copy = shapeOf(await subtree(ownEtcd, src), src);
    expectSameShapes(copy, original, 15);
    expect(original.length).toBe(count);
    expect(original.filter((s) => s.ttl !== undefined).map((s) => s.key)).toEqual(["/ttl dir", "/ttl dir/child", "/ttl key"]);
    // Values exactly, read one by one from the copy (the listing compared above already holds them).
    for (const [key, value] of Object.entries(values)) {
      const answer = await own.direct("GET", `/v2/keys${encodeKey(`${src}/${key}`)}`);
      expect(answer.json.node.value, key).toBe(value);
    }
    // Each write audited on the importing dashboard, without values.
    const audit = fs.readFileSync(own.auditLog, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { operation: string; key: string });
    expect(audit.filter((e) => e.operation === "put" && e.key.startsWith(src))).toHaveLength(count);
    expect(fs.readFileSync(own.auditLog, "utf8")).not.toContain("hello");
  });
});
