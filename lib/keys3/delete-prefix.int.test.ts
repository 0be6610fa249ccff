// Deleting a v3 prefix against the real etcd of the global setup: every key compared on the mod revision it had at
// the revision the user saw, batched within etcd's 128 operations, checked with etcdctl; the audit lines too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Etcd3Client } from "@/lib/etcd3";
import { uniquePrefix } from "@/lib/testing/etcd-direct";
import { etcdctl } from "@/lib/testing/etcdctl3";
import { deletePrefix3, type DeletePrefix3Line } from "./delete-prefix";

const url = inject("etcdURL");
const client = new Etcd3Client({ endpoints: [url] });
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "delete-prefix3-"));
const auditLog = path.join(tempDir, "audit.jsonl");
const previousLog = process.env.ETCD_DASHBOARD_AUDIT_LOG;
beforeAll(() => {
  process.env.ETCD_DASHBOARD_AUDIT_LOG = auditLog;
});
afterAll(() => {
  client.close();
  if (previousLog === undefined) delete process.env.ETCD_DASHBOARD_AUDIT_LOG;
  else process.env.ETCD_DASHBOARD_AUDIT_LOG = previousLog;
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function run(prefix: string, seenAt: string): Promise<DeletePrefix3Line[]> {
  const lines: DeletePrefix3Line[] = [];
  for await (const line of deletePrefix3({ client, cluster: "c", user: "u", prefix: Buffer.from(prefix), seenAt })) lines.push(line);
  return lines;
}

async function keysUnder(prefix: string): Promise<string[]> {
  const json = JSON.parse(await etcdctl(url, ["get", "--prefix", prefix, "--keys-only", "-w", "json"])) as { kvs?: { key: string }[] };
  return (json.kvs ?? []).map((kv) => Buffer.from(kv.key, "base64").toString());
}

function auditFor(key: string): Record<string, unknown>[] {
  if (!fs.existsSync(auditLog)) return [];
  return fs
    .readFileSync(auditLog, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.key === key);
}

describe("deletePrefix3", () => {
  it("deletes every key under the prefix, subdirectories included, in transactions of at most 128 keys", async () => {
    const p = uniquePrefix();
    const puts = Array.from({ length: 300 }, (_, i) => ({ put: { key: `${p}/d/k${String(i).padStart(3, "0")}`, value: "v" } }));
    for (let i = 0; i < puts.length; i += 100) await client.txn({ success: puts.slice(i, i + 100) });
    await client.put({ key: `${p}/d/sub/x`, value: "x" });
    await client.put({ key: `${p}/dX`, value: "outside" });
    const seenAt = (await client.range({ key: `${p}/d/`, prefix: true, countOnly: true })).revision;
    const lines = await run(`${p}/d/`, seenAt);
    expect(lines.at(-1)).toMatchObject({ type: "done", deleted: 301, kept: 0, failed: 0, remaining: 0 });
    expect(lines.filter((l) => l.type === "progress")).toHaveLength(3);
    expect(await keysUnder(`${p}/d/`)).toEqual([]);
    expect(await keysUnder(`${p}/dX`)).toEqual([`${p}/dX`]);
    const audit = auditFor(`${p}/d/`);
    expect(audit.map((e) => (e.options as { keys: number }).keys)).toEqual([128, 128, 45]);
    expect(audit.every((e) => e.keyspace === "v3" && (e.result as { ok: boolean }).ok)).toBe(true);
  });

  it("keeps what changed after the revision seen: a changed key (with its current value), a deleted one, a new one", async () => {
    const p = uniquePrefix();
    for (const k of ["a", "b", "c", "d"]) await client.put({ key: `${p}/d/${k}`, value: k });
    const seenAt = (await client.range({ key: `${p}/d/`, prefix: true, countOnly: true })).revision;
    const changed = await client.put({ key: `${p}/d/b`, value: "b2" });
    await client.deleteRange({ key: `${p}/d/c` });
    await client.put({ key: `${p}/d/new`, value: "n" });
    const lines = await run(`${p}/d/`, seenAt);
    expect(lines.filter((l) => l.type === "kept")).toEqual([
      { type: "kept", key: `${p}/d/b`, reason: "changed", current: expect.objectContaining({ modRevision: changed.revision, value: { base64: Buffer.from("b2").toString("base64"), text: "b2" } }) },
      { type: "kept", key: `${p}/d/c`, reason: "gone", current: null },
    ]);
    expect(lines.at(-1)).toMatchObject({ type: "done", deleted: 2, kept: 2, failed: 0, remaining: 2 });
    expect(await keysUnder(`${p}/d/`)).toEqual([`${p}/d/b`, `${p}/d/new`]);
    // The batch is recorded as not applied, then each key's own compare-and-delete.
    expect(auditFor(`${p}/d/`).map((e) => (e.result as { ok: boolean; code?: string }).code)).toEqual(["compare_failed"]);
    expect(auditFor(`${p}/d/b`)).toMatchObject([{ keyspace: "v3", conditions: { modRevision: expect.any(String) }, result: { ok: false, code: "compare_failed" } }]);
    expect(auditFor(`${p}/d/a`)).toMatchObject([{ keyspace: "v3", result: { ok: true } }]);
  });
});
