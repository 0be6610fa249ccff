// POST /api/clusters/:cluster/copy: copy and move of keys and directories, checked against etcd itself.
// A move deletes each source key by compare-and-delete, so keys changed while it runs are kept.
import fs from "node:fs";
import type { CopyMoveLine } from "../../lib/copy-move/protocol";
import { expect, expectApiError, expectInvalid, test, type DirectEtcd, type EtcdV2Node } from "../fixtures";

type Line = CopyMoveLine;

const COPY_URL = "/api/clusters/default/copy";

/** Sends the request and reads the JSON lines as they come, calling `onLine` on each before reading on. */
async function copyMove(baseURL: string, body: unknown, onLine: (line: Line) => Promise<void> | void = () => undefined): Promise<Line[]> {
  const response = await fetch(new URL(COPY_URL, baseURL), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const lines: Line[] = [];
  let rest = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const parts = (rest + value).split("\n");
    rest = parts.pop() ?? "";
    for (const part of parts.filter(Boolean)) {
      const line = JSON.parse(part) as Line;
      expect(line.type, part).not.toBe("error");
      lines.push(line);
      await onLine(line);
    }
  }
  return lines;
}

const reportOf = (lines: Line[]) => {
  const last = lines.at(-1);
  expect(last?.type).toBe("done");
  return (last as Extract<Line, { type: "done" }>).report;
};
const problems = (lines: Line[]) => lines.filter((l): l is Extract<Line, { type: "problem" }> => l.type === "problem");

/** The subtree below `key` as sorted [relative key, value | "dir"] pairs. */
async function snapshot(etcd: DirectEtcd, key: string): Promise<[string, string][]> {
  const answer = await etcd.get(key, { recursive: "true", sorted: "true", quorum: "true" });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const out: [string, string][] = [];
  const walk = (node: EtcdV2Node) => {
    out.push([node.key!.slice(key.length) || ".", node.dir ? "dir" : node.value!]);
    for (const child of node.nodes ?? []) walk(child);
  };
  walk(answer.body.node!);
  return out;
}

test.describe("copy", () => {
  test("copies a key, its value and its remaining TTL; the source stays", async ({ baseURL, etcd, ns }) => {
    await etcd.put(`${ns}/a`, "line one\nline two\u0000 & more", { ttl: "100" });
    const lines = await copyMove(baseURL!, { from: `${ns}/a`, to: `${ns}/b/c` });
    expect(lines[0]).toMatchObject({ type: "start", keys: 1, dirs: 0, total: 1 });
    expect(lines).toContainEqual({ type: "progress", phase: "copy", done: 1, total: 1 });
    expect(reportOf(lines)).toMatchObject({ total: 1, copied: 1, notCopied: 0, deleted: 0, deletedSource: false });
    const copy = (await etcd.get(`${ns}/b/c`)).body.node!;
    expect(copy.value).toBe("line one\nline two\u0000 & more");
    expect(copy.ttl).toBeGreaterThan(90);
    expect(copy.ttl).toBeLessThanOrEqual(100);
    expect(await etcd.value(`${ns}/a`)).toBe("line one\nline two\u0000 & more");
  });

  test("copies a tree: values, empty directories and TTLs of keys and directories are equal in etcd afterwards", async ({ baseURL, etcd, ns }) => {
    await etcd.put(`${ns}/src/x`, "1");
    await etcd.put(`${ns}/src/sub/y`, "2", { ttl: "200" });
    await etcd.put(`${ns}/src/sub/deeper/z`, "");
    await etcd.put(`${ns}/src/empty`, undefined, { dir: "true" });
    await etcd.put(`${ns}/src/ttl-dir`, undefined, { dir: "true", ttl: "300" });
    await etcd.put(`${ns}/src/ttl-dir/k`, "in a dir with a TTL");
    await etcd.put(`${ns}/src/ünï cøde ?#%`, "names survive");

    const lines = await copyMove(baseURL!, { from: `${ns}/src`, to: `${ns}/dst` });
    expect(lines[0]).toMatchObject({ type: "start", keys: 5, dirs: 5, total: 10 });
    expect(reportOf(lines)).toMatchObject({ total: 10, copied: 10, notCopied: 0 });
    expect(problems(lines)).toEqual([]);
    expect(await snapshot(etcd, `${ns}/dst`)).toEqual(await snapshot(etcd, `${ns}/src`));

    const y = (await etcd.get(`${ns}/dst/sub/y`)).body.node!;
    expect(y.ttl).toBeGreaterThan(190);
    expect(y.ttl).toBeLessThanOrEqual(200);
    const dir = (await etcd.get(`${ns}/dst/ttl-dir`)).body.node!;
    expect(dir.dir).toBe(true);
    expect(dir.ttl).toBeGreaterThan(290);
    expect((await etcd.get(`${ns}/dst/sub`)).body.node!.ttl).toBeUndefined();
    expect((await etcd.get(`${ns}/dst/x`)).body.node!.ttl).toBeUndefined();
  });

  test("every write is audited with its conditions, never its value", async ({ baseURL, etcd, ns }) => {
    const secret = "copy-secret-value-8c2e";
    await etcd.put(`${ns}/s/k`, secret);
    const lines = await copyMove(baseURL!, { from: `${ns}/s`, to: `${ns}/t`, move: true });
    expect(reportOf(lines)).toMatchObject({ copied: 2, deleted: 2 });
    const file = process.env.E2E_AUDIT_LOG!;
    const entries = () =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { operation: string; key?: string; conditions?: object; options?: object; result: { ok: boolean } })
        .filter((e) => e.key?.startsWith(`${ns}/`));
    await expect.poll(() => entries().length).toBe(4);
    expect(entries().map((e) => [e.operation, e.key, e.result.ok])).toEqual([
      ["put", `${ns}/t`, true],
      ["put", `${ns}/t/k`, true],
      ["delete", `${ns}/s/k`, true],
      ["delete", `${ns}/s`, true],
    ]);
    expect(entries()[1]).toMatchObject({ conditions: { prevExist: false }, options: { copyOf: `${ns}/s/k` } });
    expect(entries()[2]).toMatchObject({ conditions: { prevIndex: expect.any(Number) }, options: { movedTo: `${ns}/t/k` } });
    expect(entries()[3]).toMatchObject({ options: { dir: true } });
    expect(fs.readFileSync(file, "utf8")).not.toContain(secret);
  });

  test("an existing destination is refused before anything is written, and never overwritten", async ({ baseURL, request, etcd, ns }) => {
    await etcd.put(`${ns}/src/k`, "new");
    await etcd.put(`${ns}/dst/k`, "old");
    const error = await expectApiError(await request.post(COPY_URL, { data: { from: `${ns}/src`, to: `${ns}/dst` } }), 412, "key_exists");
    expect(error.message).toContain(`${ns}/dst already exists`);
    await etcd.put(`${ns}/key`, "mine");
    await expectApiError(await request.post(COPY_URL, { data: { from: `${ns}/src/k`, to: `${ns}/key`, move: true } }), 412, "key_exists");
    expect(await etcd.value(`${ns}/dst/k`)).toBe("old");
    expect(await etcd.value(`${ns}/key`)).toBe("mine");
    expect(await etcd.value(`${ns}/src/k`)).toBe("new");
  });

  test("destinations created while the copy runs are reported and kept, with what was to go below them; the move then deletes nothing", async ({ baseURL, etcd, ns }) => {
    for (let i = 0; i < 300; i++) await etcd.put(`${ns}/src/k${String(i).padStart(3, "0")}`, `v${i}`);
    await etcd.put(`${ns}/src/sub/a`, "a");
    await etcd.put(`${ns}/src/sub/b`, "b");
    await etcd.put(`${ns}/src/zz`, "source");
    const lines = await copyMove(baseURL!, { from: `${ns}/src`, to: `${ns}/dst`, move: true }, async (line) => {
      // The first progress line comes after the copy made ${ns}/dst; sub and zz come after 300 other keys.
      if (line.type === "progress" && line.done === 25) {
        expect((await etcd.put(`${ns}/dst/sub`, "a key where a directory was to go")).status).toBe(201);
        expect((await etcd.put(`${ns}/dst/zz`, "theirs")).status).toBe(201);
      }
    });
    expect(problems(lines).map((p) => [p.kind, p.key, p.target])).toEqual([
      ["exists", `${ns}/src/sub`, `${ns}/dst/sub`],
      ["skipped", `${ns}/src/sub/a`, `${ns}/dst/sub/a`],
      ["skipped", `${ns}/src/sub/b`, `${ns}/dst/sub/b`],
      ["exists", `${ns}/src/zz`, `${ns}/dst/zz`],
    ]);
    const report = reportOf(lines);
    expect(report).toMatchObject({ total: 305, copied: 301, notCopied: 4, deleted: 0, deletedSource: false });
    expect(report.stopped).toMatch(/Nothing was deleted/);
    expect(await etcd.value(`${ns}/dst/zz`)).toBe("theirs");
    expect(await etcd.value(`${ns}/dst/sub`)).toBe("a key where a directory was to go");
    expect(await etcd.value(`${ns}/src/zz`)).toBe("source");
    expect(await etcd.value(`${ns}/src/k000`)).toBe("v0");
  });

  test("a destination below a key is refused before anything is written", async ({ request, etcd, ns }) => {
    await etcd.put(`${ns}/src/a`, "1");
    await etcd.put(`${ns}/file`, "a key, not a directory");
    const error = await expectApiError(await request.post(COPY_URL, { data: { from: `${ns}/src`, to: `${ns}/file/dst`, move: true } }), 403, "not_a_directory");
    expect(error.etcdCode).toBe(104);
    expect(await etcd.value(`${ns}/src/a`)).toBe("1");
    expect(await etcd.value(`${ns}/file`)).toBe("a key, not a directory");
  });
});

test.describe("move", () => {
  test("moves a key: the copy keeps value and TTL, the source is deleted", async ({ baseURL, etcd, ns }) => {
    await etcd.put(`${ns}/old`, "value", { ttl: "500" });
    const lines = await copyMove(baseURL!, { from: `${ns}/old`, to: `${ns}/new`, move: true });
    expect(reportOf(lines)).toMatchObject({ copied: 1, deleted: 1, kept: 0, deletedSource: true });
    expect(lines).toContainEqual({ type: "progress", phase: "delete", done: 1, total: 1 });
    expect(await etcd.value(`${ns}/old`)).toBeUndefined();
    const moved = (await etcd.get(`${ns}/new`)).body.node!;
    expect(moved.value).toBe("value");
    expect(moved.ttl).toBeGreaterThan(490);
  });

  test("moves a tree: the destination equals what the source was, and the source is gone", async ({ baseURL, etcd, ns }) => {
    await etcd.put(`${ns}/src/a`, "1");
    await etcd.put(`${ns}/src/d/b`, "2");
    await etcd.put(`${ns}/src/d/e`, undefined, { dir: "true" });
    const before = await snapshot(etcd, `${ns}/src`);
    const lines = await copyMove(baseURL!, { from: `${ns}/src`, to: `${ns}/moved/here`, move: true });
    expect(reportOf(lines)).toMatchObject({ total: 5, copied: 5, deleted: 5, kept: 0, deletedSource: true });
    expect(await snapshot(etcd, `${ns}/moved/here`)).toEqual(before);
    expect((await etcd.get(`${ns}/src`)).status).toBe(404);
  });

  test("a source key changed during the move, and a directory that gained a key, are kept and reported", async ({ baseURL, etcd, ns }) => {
    for (let i = 0; i < 300; i++) await etcd.put(`${ns}/src/k${String(i).padStart(3, "0")}`, `v${i}`);
    await etcd.put(`${ns}/src/sub/zz`, "before");
    const lines = await copyMove(baseURL!, { from: `${ns}/src`, to: `${ns}/dst`, move: true }, async (line) => {
      // After the read, long before the deletes (which come after 303 copies and 300 other deletes).
      if (line.type === "start") {
        expect((await etcd.put(`${ns}/src/sub/zz`, "changed meanwhile")).status).toBe(200);
        expect((await etcd.put(`${ns}/src/late`, "added meanwhile")).status).toBe(201);
      }
    });
    const found = problems(lines);
    expect(found.map((p) => [p.phase, p.kind, p.key])).toEqual([
      ["delete", "changed", `${ns}/src/sub/zz`],
      ["delete", "not-empty", `${ns}/src/sub`],
      ["delete", "not-empty", `${ns}/src`],
    ]);
    expect(reportOf(lines)).toMatchObject({ total: 303, copied: 303, deleted: 300, kept: 3, deletedSource: true });
    expect(await etcd.value(`${ns}/src/sub/zz`)).toBe("changed meanwhile");
    expect(await etcd.value(`${ns}/src/late`)).toBe("added meanwhile");
    expect(await etcd.value(`${ns}/src/k000`)).toBeUndefined();
    expect(await etcd.value(`${ns}/dst/sub/zz`)).toBe("before");
    expect(await etcd.value(`${ns}/dst/k299`)).toBe("v299");
  });
});

test.describe("refusals", () => {
  test("a destination inside the source, the same path, the root and invalid keys are invalid input", async ({ request, etcd, ns }) => {
    await etcd.put(`${ns}/a/k`, "1");
    await expectInvalid(await request.post(COPY_URL, { data: { from: `${ns}/a`, to: `${ns}/a/inside` } }), "body.to");
    await expectInvalid(await request.post(COPY_URL, { data: { from: `${ns}/a`, to: `${ns}/a` } }), "body.to");
    await expectInvalid(await request.post(COPY_URL, { data: { from: "/", to: `${ns}/b` } }), "body.from");
    await expectInvalid(await request.post(COPY_URL, { data: { from: `${ns}/a`, to: "/" } }), "body.to");
    await expectInvalid(await request.post(COPY_URL, { data: { from: `${ns}/a`, to: `${ns}//b` } }), "body.to");
    await expectInvalid(await request.post(COPY_URL, { data: { from: `${ns}/a`, to: `${ns}/b`, move: "true" } }), "body.move");
    await expectInvalid(await request.post(COPY_URL, { data: { from: `${ns}/a`, to: `${ns}/b`, extra: 1 } }), /^body/);
    expect((await etcd.get(`${ns}/b`)).status).toBe(404);
    expect((await etcd.get(`${ns}/a/inside`)).status).toBe(404);
  });

  test("a missing source, an unknown cluster, a cluster that is down, a non-JSON body", async ({ request, ns }) => {
    const missing = await expectApiError(await request.post(COPY_URL, { data: { from: `${ns}/nope`, to: `${ns}/b` } }), 404, "key_not_found");
    expect(missing.etcdCode).toBe(100);
    await expectApiError(await request.post("/api/clusters/nope/copy", { data: { from: `${ns}/a`, to: `${ns}/b` } }), 404, "cluster_not_found");
    await expectApiError(await request.post("/api/clusters/down/copy", { data: { from: `${ns}/a`, to: `${ns}/b` } }), 503, "etcd_unavailable");
    await expectApiError(await request.post(COPY_URL, { data: "from=/a", headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type");
    await expectApiError(await request.get(COPY_URL), 405, "method_not_allowed");
  });

  test("a cross-site request is refused", async ({ request, etcd, ns }) => {
    await etcd.put(`${ns}/a`, "1");
    const response = await request.post(COPY_URL, { data: { from: `${ns}/a`, to: `${ns}/b` }, headers: { "sec-fetch-site": "cross-site" } });
    await expectApiError(response, 403, "cross_origin");
    expect((await etcd.get(`${ns}/b`)).status).toBe(404);
  });
});
