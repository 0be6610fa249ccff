// The audit log: every write through the dashboard appends one JSON line (time, user, cluster, key,
// operation, the conditions it was based on, the resulting index or the error), and never a new value.
import fs from "node:fs";
import { expect, test } from "../fixtures";

interface Entry {
  time: string;
  user: string;
  cluster: string;
  operation: string;
  key?: string;
  conditions?: Record<string, unknown>;
  options?: Record<string, unknown>;
  result: { ok: boolean; action?: string; index?: number; code?: string; etcdCode?: number };
}

function entriesFor(prefix: string): Entry[] {
  const file = process.env.E2E_AUDIT_LOG;
  if (!file) throw new Error("E2E_AUDIT_LOG is not set: run the tests through playwright.config.ts.");
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Entry)
    .filter((e) => e.key?.startsWith(prefix));
}

test("each write through the API is recorded with its conditions and outcome, never its value", async ({ request, keysUrl, ns }) => {
  const secret = "value-that-must-not-be-logged-5d1c";
  const created = await request.put(keysUrl(`${ns}/k`), { data: { value: secret, prevExist: false, ttl: 60 } });
  expect(created.status()).toBe(201);
  const index = ((await created.json()) as { node: { modifiedIndex: number } }).node.modifiedIndex;
  expect((await request.put(keysUrl(`${ns}/k`), { data: { value: "other", prevIndex: index - 1 } })).status()).toBe(412);
  expect((await request.post(keysUrl(`${ns}/q`), { data: { value: secret } })).status()).toBe(201);
  expect((await request.delete(`${keysUrl(`${ns}/k`)}?prevIndex=${index}`)).status()).toBe(200);
  expect((await request.put(keysUrl(`${ns}/bad`), { data: { valu: "typo" } })).status()).toBe(400);

  await expect.poll(() => entriesFor(ns).length).toBe(4);
  const entries = entriesFor(ns);
  expect(entries.map((e) => [e.operation, e.key, e.result.ok])).toEqual([
    ["put", `${ns}/k`, true],
    ["put", `${ns}/k`, false],
    ["post", `${ns}/q`, true],
    ["delete", `${ns}/k`, true],
  ]);
  expect(entries[0]).toMatchObject({ user: "anonymous", cluster: "default", conditions: { prevExist: false }, options: { ttl: 60 }, result: { action: "create", index } });
  expect(entries[1]).toMatchObject({ conditions: { prevIndex: index - 1 }, result: { ok: false, code: "compare_failed", etcdCode: 101 } });
  expect(entries[3]).toMatchObject({ operation: "delete", conditions: { prevIndex: index }, result: { ok: true, action: "compareAndDelete" } });
  for (const e of entries) expect(Date.parse(e.time)).toBeGreaterThan(Date.now() - 60_000);
  expect(fs.readFileSync(process.env.E2E_AUDIT_LOG!, "utf8")).not.toContain(secret);
});

test("a prevValue condition is recorded as compared, never its text: a compare-and-delete on a secret leaves no trace of it", async ({ request, keysUrl, ns }) => {
  const secret = "current-secret-that-a-delete-compares-9f3a";
  const wrong = "wrong-guess-that-must-not-be-logged-2b7e";
  expect((await request.put(keysUrl(`${ns}/k`), { data: { value: secret } })).status()).toBe(201);
  expect((await request.put(keysUrl(`${ns}/k`), { data: { value: "x", prevValue: wrong } })).status()).toBe(412);
  expect((await request.delete(`${keysUrl(`${ns}/k`)}?prevValue=${encodeURIComponent(secret)}`)).status()).toBe(200);

  await expect.poll(() => entriesFor(ns).length).toBe(3);
  const [, failed, deleted] = entriesFor(ns);
  expect(failed).toMatchObject({ operation: "put", conditions: { prevValue: true }, result: { ok: false, code: "compare_failed" } });
  expect(deleted).toMatchObject({ operation: "delete", conditions: { prevValue: true }, result: { ok: true, action: "compareAndDelete" } });
  const log = fs.readFileSync(process.env.E2E_AUDIT_LOG!, "utf8");
  expect(log).not.toContain(secret);
  expect(log).not.toContain(wrong);
  // Nor does the API that reads the log back.
  const read = await request.get(`/api/audit?q=${encodeURIComponent(ns)}`);
  const text = await read.text();
  expect(text).toContain(`${ns}/k`);
  expect(text).not.toContain(secret);
  expect(text).not.toContain(wrong);
});
