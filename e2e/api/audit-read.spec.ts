// Reading the audit log back through GET /api/audit: newest first, filtered, paged with a cursor, bad
// queries refused with the error envelope. Other specs write to the same log at the same time, so each
// test filters on its own key prefix (`q=ns`). Malformed lines are covered by lib/audit/read.test.ts
// (a garbage line in the shared file would break other specs that parse it whole).
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type { AuditLogResponse } from "../../lib/api/types";
import { expect, expectInvalid, test } from "../fixtures";

async function readAudit(request: APIRequestContext, query: Record<string, string | number>): Promise<AuditLogResponse> {
  const response = await request.get(`/api/audit?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as AuditLogResponse;
}

const CURRENT = "current-value-8c2e41";

test("writes made through the API read back newest first, with their conditions and outcome", async ({ request, keysUrl, ns }) => {
  const created = await request.put(keysUrl(`${ns}/a`), { data: { value: CURRENT, prevExist: false, ttl: 120 } });
  expect(created.status()).toBe(201);
  const index = ((await created.json()) as { node: { modifiedIndex: number } }).node.modifiedIndex;
  expect((await request.put(keysUrl(`${ns}/a`), { data: { value: "v2", prevValue: "not-v1" } })).status()).toBe(412);
  expect((await request.put(keysUrl(`${ns}/b`, "second"), { data: { value: "x" } })).status()).toBe(201);
  expect((await request.delete(`${keysUrl(`${ns}/a`)}?prevIndex=${index}`)).status()).toBe(200);

  await expect.poll(async () => (await readAudit(request, { q: ns })).entries.length).toBe(4);
  const answer = await readAudit(request, { q: ns });
  expect(path.resolve(answer.file)).toBe(path.resolve(process.env.E2E_AUDIT_LOG!));
  expect(answer.nextCursor).toBeUndefined();
  expect(answer.entries.map((e) => [e.operation, e.cluster, e.key, e.result.ok])).toEqual([
    ["delete", "default", `${ns}/a`, true],
    ["put", "second", `${ns}/b`, true],
    ["put", "default", `${ns}/a`, false],
    ["put", "default", `${ns}/a`, true],
  ]);
  const [deleted, , failed, first] = answer.entries;
  expect(first).toMatchObject({ user: "anonymous", conditions: { prevExist: false }, options: { ttl: 120 }, result: { ok: true, action: "create", index } });
  expect(failed).toMatchObject({ conditions: { prevValue: true }, result: { ok: false, code: "compare_failed", etcdCode: 101 } });
  expect(deleted).toMatchObject({ conditions: { prevIndex: index }, result: { ok: true, action: "compareAndDelete" } });
  expect(new Set(answer.entries.map((e) => e.id)).size).toBe(4);
  // Neither a new value nor the current one (etcd's cause of a failed compare quotes it) is recorded.
  expect(JSON.stringify(answer)).not.toContain(CURRENT);
  expect(JSON.stringify(answer)).not.toContain("not-v1");

  // Each criterion narrows the same entries.
  const keysOf = async (query: Record<string, string>) => (await readAudit(request, { q: ns, ...query })).entries.map((e) => `${e.operation} ${e.key}`);
  expect(await keysOf({ result: "failed" })).toEqual([`put ${ns}/a`]);
  expect(await keysOf({ result: "ok", operation: "put" })).toEqual([`put ${ns}/b`, `put ${ns}/a`]);
  expect(await keysOf({ operation: "delete" })).toEqual([`delete ${ns}/a`]);
  expect(await keysOf({ cluster: "second" })).toEqual([`put ${ns}/b`]);
  expect(await keysOf({ q: `${ns}/B`.toUpperCase() })).toEqual([`put ${ns}/b`]);
  expect(await keysOf({ user: "anonymous", cluster: "default", operation: "put" })).toEqual([`put ${ns}/a`, `put ${ns}/a`]);
  expect(await keysOf({ user: "someone-else" })).toEqual([]);
  // Time range: both ends included; a range ending just before the first write finds none of them.
  expect(await keysOf({ from: first!.time, to: first!.time })).toContain(`put ${ns}/a`);
  expect(await keysOf({ to: new Date(Date.parse(first!.time) - 1).toISOString() })).toEqual([]);
  expect(await keysOf({ from: deleted!.time })).toEqual([`delete ${ns}/a`]);
  // Empty parameters, as a plain HTML form sends them, mean "any".
  expect(await keysOf({ user: "", cluster: "", operation: "", result: "", from: "", to: "", cursor: "", limit: "" })).toHaveLength(4);
});

test("pages through the log with the cursor, older each time, nothing repeated or skipped", async ({ request, keysUrl, ns }) => {
  for (let i = 1; i <= 5; i++) expect((await request.put(keysUrl(`${ns}/k${i}`), { data: { value: String(i) } })).status()).toBe(201);
  await expect.poll(async () => (await readAudit(request, { q: ns })).entries.length).toBe(5);

  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await readAudit(request, { q: ns, limit: 2, ...(cursor ? { cursor } : {}) });
    expect(page.entries.length).toBeLessThanOrEqual(2);
    seen.push(...page.entries.map((e) => e.key!));
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== undefined && pages < 100);
  expect(seen).toEqual([5, 4, 3, 2, 1].map((i) => `${ns}/k${i}`));

  // Writes made after a page was read don't move the pages after it.
  const first = await readAudit(request, { q: ns, limit: 2 });
  expect((await request.put(keysUrl(`${ns}/k6`), { data: { value: "6" } })).status()).toBe(201);
  const second = await readAudit(request, { q: ns, limit: 2, cursor: first.nextCursor! });
  expect(second.entries.map((e) => e.key)).toEqual([`${ns}/k3`, `${ns}/k2`]);
});

test("the newest entries come unfiltered too, with the default page size", async ({ request, keysUrl, ns }) => {
  expect((await request.put(keysUrl(`${ns}/latest`), { data: { value: "x" } })).status()).toBe(201);
  await expect.poll(async () => (await readAudit(request, { q: ns })).entries.length).toBe(1);
  const answer = await readAudit(request, {});
  expect(answer.entries.length).toBeGreaterThan(0);
  expect(answer.entries.length).toBeLessThanOrEqual(100);
  // Newest first, although other specs keep writing.
  const times = answer.entries.map((e) => Date.parse(e.time));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
});

test("a bad query is a 400 with the error envelope, never a 500", async ({ request }) => {
  const badQueries: [string, string][] = [
    ["limit=0", "query.limit"],
    ["limit=1001", "query.limit"],
    ["limit=lots", "query.limit"],
    ["cursor=-5", "query.cursor"],
    ["cursor=99999999999999999999", "query.cursor"],
    ["result=maybe", "query.result"],
    ["operation=get", "query.operation"],
    ["cluster=..%2Fetc", "query.cluster"],
    ["from=yesterday", "query.from"],
    ["from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "query.to"],
    ["user=a&user=b", "query.user"],
    ["constructor=x", "query"],
  ];
  for (const [query, where] of badQueries) await expectInvalid(await request.get(`/api/audit?${query}`), where);
  expect((await request.post("/api/audit", { data: {} })).status()).toBe(405);
});
