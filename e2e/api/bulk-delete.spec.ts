// POST /api/clusters/:cluster/bulk-delete: each selected key deleted by compare-and-delete on the index the
// browser listed it with, directories key by key (never recursively), progress and outcomes as JSON lines,
// every delete audited. Checked against etcd itself.
import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, expectApiError, expectInvalid, test } from "../fixtures";
import { startRolesDashboard, type RolesDashboard } from "../roles-dashboard";

interface Line {
  type: string;
  key?: string;
  dir?: boolean;
  outcome?: string;
  message?: string;
  code?: string;
  deletedKeys?: number;
  keptKeys?: number;
  totalKeys?: number;
  total?: number;
  deleted?: number;
  notDeleted?: number;
  error?: { code: string };
}

const URL_PATH = "/api/clusters/default/bulk-delete";

async function bulkDelete(request: APIRequestContext, items: unknown[]): Promise<Line[]> {
  const response = await request.post(URL_PATH, { data: { items } });
  expect(response.status(), await response.text()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/x-ndjson/);
  return (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);
}

const itemOf = (lines: Line[], key: string) => lines.find((l) => l.type === "item" && l.key === key);
const indexOf = (answer: { body: { node?: { modifiedIndex: number } } }) => answer.body.node!.modifiedIndex;

test("deletes each key by compare-and-delete: a key changed behind the browser's back and a missing one are reported and kept", async ({ request, etcd, ns }) => {
  const a = indexOf(await etcd.put(`${ns}/a`, "1"));
  const b = indexOf(await etcd.put(`${ns}/b`, "2"));
  const c = indexOf(await etcd.put(`${ns}/c`, "3"));
  // Listed at b; changed since.
  await etcd.put(`${ns}/b`, "changed");
  // Listed at c; deleted since.
  await etcd.delete(`${ns}/c`);

  const lines = await bulkDelete(request, [
    { key: `${ns}/a`, prevIndex: a },
    { key: `${ns}/b`, prevIndex: b },
    { key: `${ns}/c`, prevIndex: c },
  ]);
  expect(lines[0]).toEqual({ type: "start", total: 3 });
  expect(itemOf(lines, `${ns}/a`)).toMatchObject({ outcome: "deleted", dir: false });
  expect(itemOf(lines, `${ns}/b`)).toMatchObject({ outcome: "changed", message: expect.stringContaining("Changed since it was listed") });
  expect(itemOf(lines, `${ns}/c`)).toMatchObject({ outcome: "missing", message: "Already gone." });
  expect(lines.at(-1)).toEqual({ type: "done", deleted: 1, notDeleted: 2 });

  expect(await etcd.value(`${ns}/a`)).toBeUndefined();
  expect(await etcd.value(`${ns}/b`)).toBe("changed");

  // Each delete is in the audit log with the index it compared with (in the order they finished: several run at once).
  const file = process.env.E2E_AUDIT_LOG!;
  await expect
    .poll(() =>
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { key?: string; operation: string; conditions?: { prevIndex?: number }; result: { ok: boolean; code?: string } })
        .filter((e) => e.key?.startsWith(`${ns}/`) && e.operation === "delete")
        .map((e) => [e.key, e.conditions?.prevIndex, e.result.ok ? "ok" : e.result.code])
        .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    )
    .toEqual([
      [`${ns}/a`, a, "ok"],
      [`${ns}/b`, b, "compare_failed"],
      [`${ns}/c`, c, "key_not_found"],
    ]);
});

test("a directory: its whole subtree is deleted key by key, and the summary counts it", async ({ request, etcd, ns }) => {
  await etcd.put(`${ns}/d/x`, "1");
  await etcd.put(`${ns}/d/sub/y`, "2");
  await etcd.put(`${ns}/d/sub/deeper/z`, "3");
  await etcd.put(`${ns}/d/empty`, undefined, { dir: "true" });
  const dir = (await etcd.get(`${ns}/d`)).body.node!.modifiedIndex;

  const lines = await bulkDelete(request, [{ key: `${ns}/d`, prevIndex: dir, dir: true }]);
  expect(itemOf(lines, `${ns}/d`)).toMatchObject({ outcome: "deleted", dir: true, deletedKeys: 3, keptKeys: 0 });
  expect((await etcd.get(`${ns}/d`)).status).toBe(404);
  expect((await etcd.get(ns)).status).toBe(200);
});

test("a directory deleted and created again since it was listed is kept", async ({ request, etcd, ns }) => {
  await etcd.put(`${ns}/d/x`, "1");
  const listed = (await etcd.get(`${ns}/d`)).body.node!.modifiedIndex;
  await etcd.delete(`${ns}/d`, { recursive: "true" });
  await etcd.put(`${ns}/d/other`, "new");

  const lines = await bulkDelete(request, [{ key: `${ns}/d`, prevIndex: listed, dir: true }]);
  expect(itemOf(lines, `${ns}/d`)).toMatchObject({ outcome: "changed", message: expect.stringContaining("created again") });
  expect(await etcd.value(`${ns}/d/other`)).toBe("new");
});

test("a key selected as a directory that is a key now, and a directory selected as a key, are kept", async ({ request, etcd, ns }) => {
  const k = indexOf(await etcd.put(`${ns}/k`, "1"));
  await etcd.put(`${ns}/dd/x`, "1");
  const dd = (await etcd.get(`${ns}/dd`)).body.node!.modifiedIndex;
  const lines = await bulkDelete(request, [
    { key: `${ns}/k`, prevIndex: k, dir: true },
    { key: `${ns}/dd`, prevIndex: dd },
  ]);
  expect(itemOf(lines, `${ns}/k`)).toMatchObject({ outcome: "changed" });
  expect(itemOf(lines, `${ns}/dd`)).toMatchObject({ outcome: "changed" });
  expect(await etcd.value(`${ns}/k`)).toBe("1");
  expect(await etcd.value(`${ns}/dd/x`)).toBe("1");
});

test("a directory still holding a key the read did not see stays, with what was deleted in it", async ({ request, etcd, ns }) => {
  // etcd leaves hidden keys (names starting with _) out of listings: the subtree read misses it, as it would
  // miss a key written right after the read, and the directory's dir=true delete is refused as not empty.
  await etcd.put(`${ns}/d/x`, "1");
  await etcd.put(`${ns}/d/_hidden`, "h");
  const dir = (await etcd.get(`${ns}/d`)).body.node!.modifiedIndex;
  const lines = await bulkDelete(request, [{ key: `${ns}/d`, prevIndex: dir, dir: true }]);
  expect(itemOf(lines, `${ns}/d`)).toMatchObject({ outcome: "not_empty", deletedKeys: 1, message: expect.stringContaining("never deleted recursively") });
  expect(await etcd.value(`${ns}/d/x`)).toBeUndefined();
  expect(await etcd.value(`${ns}/d/_hidden`)).toBe("h");
});

test("a directory's seenAt (the index the user confirmed): what was written or changed in it after that is kept and listed", async ({ request, etcd, ns }) => {
  await etcd.put(`${ns}/d/x`, "1");
  // What the user saw: the directory as of this write's index.
  const seenAt = indexOf(await etcd.put(`${ns}/d/y`, "1"));
  const dir = (await etcd.get(`${ns}/d`)).body.node!.modifiedIndex;
  // After the user saw the directory, before they confirmed: the server's read will include both.
  await etcd.put(`${ns}/d/late`, "written meanwhile");
  await etcd.put(`${ns}/d/y`, "2", { prevExist: "true" });

  const lines = await bulkDelete(request, [{ key: `${ns}/d`, prevIndex: dir, dir: true, seenAt }]);
  const inside = lines.filter((l) => l.type === "inside").map((l) => [l.key, l.outcome]);
  expect(inside.sort()).toEqual([
    [`${ns}/d/late`, "added"],
    [`${ns}/d/y`, "changed"],
  ]);
  expect(itemOf(lines, `${ns}/d`)).toMatchObject({ outcome: "not_empty", deletedKeys: 1, keptKeys: 2, message: expect.stringContaining("never deleted recursively") });
  expect(lines.filter((l) => l.type === "progress").at(-1)).toMatchObject({ deletedKeys: 1, totalKeys: 1 });
  expect(await etcd.value(`${ns}/d/x`)).toBeUndefined();
  expect(await etcd.value(`${ns}/d/late`)).toBe("written meanwhile");
  expect(await etcd.value(`${ns}/d/y`)).toBe("2");
});

test("a missing directory is reported as already gone", async ({ request, ns }) => {
  const lines = await bulkDelete(request, [{ key: `${ns}/nothing`, prevIndex: 5, dir: true }]);
  expect(itemOf(lines, `${ns}/nothing`)).toMatchObject({ outcome: "missing" });
  expect(lines.at(-1)).toEqual({ type: "done", deleted: 0, notDeleted: 1 });
});

test("validation: nothing is deleted for a bad request", async ({ request, etcd, ns }) => {
  const a = indexOf(await etcd.put(`${ns}/a`, "1"));
  const post = (data: unknown) => request.post(URL_PATH, { data });
  await expectInvalid(await post({ items: [] }), "body.items");
  await expectInvalid(await post({ items: [{ key: `${ns}/a` }] }), "body.items.0.prevIndex");
  await expectInvalid(await post({ items: [{ key: `${ns}/a`, prevIndex: 0 }] }), "body.items.0.prevIndex");
  await expectInvalid(await post({ items: [{ key: "/", prevIndex: 1 }] }), "body.items.0.key");
  await expectInvalid(await post({ items: [{ key: `${ns}//a`, prevIndex: 1 }] }), "body.items.0.key");
  await expectInvalid(await post({ items: [{ key: `${ns}/a/..`, prevIndex: 1 }] }), "body.items.0.key");
  await expectInvalid(await post({ items: [{ key: `${ns}/a`, prevIndex: a, extra: 1 }] }), /^body\.items\.0/);
  await expectInvalid(await post({ items: [{ key: `${ns}/a`, prevIndex: a }, { key: `${ns}/a`, prevIndex: a }] }), "body.items");
  await expectInvalid(await post({ items: Array.from({ length: 10_001 }, (_, i) => ({ key: `${ns}/k${i}`, prevIndex: 1 })) }), "body.items");
  await expectApiError(await request.post(URL_PATH, { data: "{", headers: { "content-type": "application/json" } }), 400, "invalid_input");
  await expectApiError(await request.post(URL_PATH, { data: "x", headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type");
  await expectApiError(await request.get(URL_PATH), 405, "method_not_allowed");
  await expectApiError(await request.post("/api/clusters/nope/bulk-delete", { data: { items: [{ key: `${ns}/a`, prevIndex: a }] } }), 404, "cluster_not_found");
  expect(await etcd.value(`${ns}/a`)).toBe("1");
});

test.describe("refused to viewers and on read-only clusters", () => {
  let own: RolesDashboard;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    own = await startRolesDashboard("bulk-delete", (endpoints) => [{ name: "default", endpoints }, { name: "ro", endpoints, readOnly: true }]);
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  test("a viewer is forbidden, a read-only cluster refuses an editor, and nothing is deleted", async ({ etcd, ns }) => {
    const a = indexOf(await etcd.put(`${ns}/a`, "1"));
    const post = async (cluster: string, cookie: string) => {
      const response = await fetch(`${own.dashboard.url}/api/clusters/${cluster}/bulk-delete`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ items: [{ key: `${ns}/a`, prevIndex: a }] }),
      });
      const text = await response.text();
      return { status: response.status, body: (response.ok ? {} : JSON.parse(text)) as { error?: { code: string } } };
    };
    const viewer = await own.logIn("vera");
    const editor = await own.logIn("eddie");
    expect(await post("default", viewer)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await post("ro", editor)).toMatchObject({ status: 403, body: { error: { code: "read_only" } } });
    expect(await etcd.value(`${ns}/a`)).toBe("1");
    // The same request by an editor on the writable cluster does delete: the refusals above were the role's and the cluster's.
    expect((await post("default", editor)).status).toBe(200);
    expect(await etcd.value(`${ns}/a`)).toBeUndefined();
  });
});
