// /api/clusters/:cluster/v3/keys and …/v3/leases/:id through the running dashboard, checked against etcd with
// etcdctl (v3) as an independent witness.
import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import type { Dir3Response, Key3Response, Lease3Response, Write3Response } from "../../lib/api/keys3";
import { encodeKeyParam } from "../../lib/keyspace3/key-url";
import { etcdctl, witness3 } from "../../lib/testing/etcdctl3";
import { test as base, expect, expectApiError, expectInvalid } from "../fixtures";
import { startRolesDashboard, type RolesDashboard } from "../roles-dashboard";

const etcdURL = () => process.env.E2E_ETCD_URL!;

/** A v3 key prefix unique to the test (the fixture's ns), deleted from the v3 keyspace afterwards. */
const test = base.extend<{ p: string }>({
  p: async ({ ns }, use) => {
    await use(ns);
    await etcdctl(etcdURL(), ["del", "--prefix", ns]).catch(() => undefined);
  },
});

const keyUrl = (key: string | Buffer, cluster = "default") => `/api/clusters/${cluster}/v3/keys?key=${encodeKeyParam(Buffer.isBuffer(key) ? key : Buffer.from(key))}`;
const dirUrl = (dir: string) => `/api/clusters/default/v3/keys?dir=${encodeKeyParam(Buffer.from(dir))}`;
const leaseUrl = (id: string) => `/api/clusters/default/v3/leases/${id}`;

async function create(request: APIRequestContext, key: string | Buffer, body: object): Promise<Write3Response> {
  const response = await request.put(keyUrl(key), { data: { create: true, ...body } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Write3Response;
}

function auditLines(): Record<string, unknown>[] {
  return fs
    .readFileSync(process.env.E2E_AUDIT_LOG!, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test.describe("GET v3 keys", () => {
  test("a key: value as base64 and text, revisions, no lease; a missing key is 404 key_not_found", async ({ request, p }) => {
    await etcdctl(etcdURL(), ["put", `${p}/a`, "héllo"]);
    const witnessed = await witness3(etcdURL(), `${p}/a`);
    const response = await request.get(keyUrl(`${p}/a`));
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect((await response.json()) as Key3Response).toMatchObject({
      keyspace: "v3",
      key: `${p}/a`,
      value: { base64: Buffer.from("héllo").toString("base64"), text: "héllo" },
      createRevision: String(witnessed!.create_revision),
      modRevision: String(witnessed!.mod_revision),
      version: "1",
      lease: null,
    });
    await expectApiError(await request.get(keyUrl(`${p}/none`)), 404, "key_not_found");
  });

  test("a directory: its children one level deep, leaves with revisions, at one revision", async ({ request, p }) => {
    for (const key of ["a", "b/x", "b/y/z", "c!"]) await etcdctl(etcdURL(), ["put", `${p}/d/${key}`, "1"]);
    const response = await request.get(dirUrl(`${p}/d/`));
    expect(response.status()).toBe(200);
    const body = (await response.json()) as Dir3Response;
    expect(body).toMatchObject({ keyspace: "v3", dir: `${p}/d/`, truncated: false });
    expect(body.revision).toMatch(/^\d+$/);
    expect(body.children.map((c) => [c.kind, c.name, c.key])).toEqual([
      ["leaf", "a", `${p}/d/a`],
      ["dir", "b/", `${p}/d/b/`],
      ["leaf", "c!", `${p}/d/c!`],
    ]);
    const witnessed = await witness3(etcdURL(), `${p}/d/a`);
    expect(body.children[0]).toMatchObject({ modRevision: String(witnessed!.mod_revision), version: "1", lease: "0" });
  });

  test("binary keys and values byte for byte, keys named by their escaped text form", async ({ request, p }) => {
    const key = Buffer.concat([Buffer.from(`${p}/bin/`), Buffer.from([0xff, 0x00, 0x5c])]);
    const value = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await create(request, key, { base64: value.toString("base64") });
    // etcdctl's arguments cannot hold these bytes: list the ASCII prefix and compare what comes back in base64.
    const listed = JSON.parse(await etcdctl(etcdURL(), ["get", "--prefix", `${p}/bin/`, "-w", "json"])) as { kvs: { key: string; value: string }[] };
    expect(listed.kvs.map((kv) => [Buffer.from(kv.key, "base64"), Buffer.from(kv.value, "base64")])).toEqual([[key, value]]);
    const listing = (await (await request.get(dirUrl(`${p}/bin/`))).json()) as Dir3Response;
    expect(listing.children.map((c) => c.key)).toEqual([`${p}/bin/\\xff\\x00\\\\`]);
    const read = (await (await request.get(keyUrl(key))).json()) as Key3Response;
    expect(read.key).toBe(`${p}/bin/\\xff\\x00\\\\`);
    expect(read.value).toEqual({ base64: value.toString("base64") });
  });

  test("bad input is a 400 envelope: malformed escapes, key and dir together, a dir without its slash", async ({ request, p }) => {
    await expectInvalid(await request.get(`/api/clusters/default/v3/keys?key=${encodeURIComponent(`${p}/\\xZZ`)}`), "query.key");
    await expectInvalid(await request.get(`/api/clusters/default/v3/keys?key=%FF`), "query.key");
    await expectInvalid(await request.get(`/api/clusters/default/v3/keys?key=a&dir=b/`), "query.key");
    await expectInvalid(await request.get(`/api/clusters/default/v3/keys?dir=${encodeURIComponent(p)}`), "query.dir");
    await expectInvalid(await request.get(`/api/clusters/default/v3/keys`), "query.key");
    await expectApiError(await request.get(`/api/clusters/nope/v3/keys?key=a`), 404, "cluster_not_found");
  });
});

test.describe("PUT and DELETE v3 keys", () => {
  test("save: compare-and-swap on modRevision; a stale one is 412 compare_failed carrying the current value", async ({ request, p }) => {
    const created = await create(request, `${p}/k`, { text: "one" });
    const saved = await request.put(keyUrl(`${p}/k`), { data: { text: "two", modRevision: created.revision } });
    expect(saved.status()).toBe(200);
    const savedBody = (await saved.json()) as Write3Response;
    expect((await witness3(etcdURL(), `${p}/k`))!.value.toString()).toBe("two");
    const stale = await request.put(keyUrl(`${p}/k`), { data: { text: "three", modRevision: created.revision } });
    const error = await expectApiError(stale, 412, "compare_failed");
    expect((error as { current?: unknown }).current).toMatchObject({ key: `${p}/k`, value: { text: "two" }, modRevision: savedBody.revision, version: "2" });
    expect((await witness3(etcdURL(), `${p}/k`))!.value.toString()).toBe("two");
  });

  test("create on an existing key is 412 key_exists with the current value, and writes nothing", async ({ request, p }) => {
    await etcdctl(etcdURL(), ["put", `${p}/k`, "there"]);
    const error = await expectApiError(await request.put(keyUrl(`${p}/k`), { data: { text: "new", create: true } }), 412, "key_exists");
    expect((error as { current?: { value: { text: string } } }).current?.value.text).toBe("there");
    expect((await witness3(etcdURL(), `${p}/k`))!.value.toString()).toBe("there");
  });

  test("delete: compare-and-delete on modRevision; a stale one is 412 with the current value", async ({ request, p }) => {
    const first = await create(request, `${p}/k`, { text: "one" });
    const second = (await (await request.put(keyUrl(`${p}/k`), { data: { text: "two", modRevision: first.revision } })).json()) as Write3Response;
    const stale = await request.delete(`${keyUrl(`${p}/k`)}&modRevision=${first.revision}`);
    const error = await expectApiError(stale, 412, "compare_failed");
    expect((error as { current?: { modRevision: string } }).current?.modRevision).toBe(second.revision);
    expect(await witness3(etcdURL(), `${p}/k`)).toBeDefined();
    const deleted = await request.delete(`${keyUrl(`${p}/k`)}&modRevision=${second.revision}`);
    expect(deleted.status()).toBe(200);
    expect(await witness3(etcdURL(), `${p}/k`)).toBeUndefined();
  });

  test("a directory delete: the keys listed at seenAt, each on its mod revision; what changed since is kept and listed", async ({ request, p }) => {
    for (const k of ["a", "b", "sub/c"]) await etcdctl(etcdURL(), ["put", `${p}/d/${k}`, k]);
    await etcdctl(etcdURL(), ["put", `${p}/dX`, "outside"]);
    const listing = (await (await request.get(dirUrl(`${p}/d/`))).json()) as Dir3Response;
    await etcdctl(etcdURL(), ["put", `${p}/d/b`, "changed"]);
    await etcdctl(etcdURL(), ["put", `${p}/d/new`, "n"]);
    const response = await request.delete(`/api/clusters/default/v3/keys?dir=${encodeKeyParam(Buffer.from(`${p}/d/`))}&seenAt=${listing.revision}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text())
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; key?: string; reason?: string; current?: { value: { text: string } } });
    expect(lines.filter((l) => l.type === "kept")).toEqual([expect.objectContaining({ key: `${p}/d/b`, reason: "changed", current: expect.objectContaining({ value: expect.objectContaining({ text: "changed" }) }) })]);
    expect(lines.at(-1)).toMatchObject({ type: "done", deleted: 2, kept: 1, failed: 0, remaining: 2 });
    const left = JSON.parse(await etcdctl(etcdURL(), ["get", "--prefix", `${p}/d`, "--keys-only", "-w", "json"])) as { kvs: { key: string }[] };
    expect(left.kvs.map((kv) => Buffer.from(kv.key, "base64").toString())).toEqual([`${p}/d/b`, `${p}/d/new`, `${p}/dX`]);
    await expectInvalid(await request.delete(`/api/clusters/default/v3/keys?dir=${encodeKeyParam(Buffer.from(`${p}/d/`))}`), "query.seenAt");
    await expectInvalid(await request.delete(`/api/clusters/default/v3/keys?dir=&seenAt=1`), "query.dir");
  });

  test("bad bodies and queries are 400 envelopes, never 500", async ({ request, p }) => {
    const url = keyUrl(`${p}/k`);
    await expectInvalid(await request.put(url, { data: { text: "a", base64: "YQ==", create: true } }), "body.text");
    await expectInvalid(await request.put(url, { data: { create: true } }), "body.text");
    await expectInvalid(await request.put(url, { data: { base64: "not base64!", create: true } }), "body.base64");
    await expectInvalid(await request.put(url, { data: { text: "a", create: true, ttl: -5 } }), "body.ttl");
    await expectInvalid(await request.put(url, { data: { text: "a", create: true, ttl: 1.5 } }), "body.ttl");
    await expectInvalid(await request.put(url, { data: { text: "a" } }), "body.modRevision");
    await expectInvalid(await request.put(url, { data: { text: "a", modRevision: "1", create: true } }), "body.modRevision");
    await expectInvalid(await request.put(url, { data: { text: "a", modRevision: 5 } }), "body.modRevision");
    await expectInvalid(await request.put(`/api/clusters/default/v3/keys?key=%5Cx`, { data: { text: "a", create: true } }), "query.key");
    await expectInvalid(await request.delete(url), "query.modRevision");
    await expectInvalid(await request.delete(`${url}&modRevision=-1`), "query.modRevision");
    expect(await witness3(etcdURL(), `${p}/k`)).toBeUndefined();
  });

  test("writes are audited with keyspace v3, the key's text form and the compared revision, never the value", async ({ request, p }) => {
    const secret = `s3cret-${p}`;
    const key = Buffer.concat([Buffer.from(`${p}/`), Buffer.from([0xff])]);
    const created = await create(request, key, { text: secret });
    await expectApiError(await request.put(keyUrl(key), { data: { text: secret, modRevision: "1" } }), 412, "compare_failed");
    await expect
      .poll(() => auditLines().filter((line) => line.key === `${p}/\\xff`).length)
      .toBe(2);
    const lines = auditLines().filter((line) => line.key === `${p}/\\xff`);
    expect(lines[0]).toMatchObject({ keyspace: "v3", operation: "put", cluster: "default", conditions: { prevExist: false }, result: { ok: true, revision: created.revision } });
    expect(lines[1]).toMatchObject({ keyspace: "v3", operation: "put", conditions: { modRevision: "1" }, result: { ok: false, code: "compare_failed" } });
    expect(fs.readFileSync(process.env.E2E_AUDIT_LOG!, "utf8")).not.toContain(secret);
  });

  test("a cross-site write is refused and writes nothing", async ({ request, p }) => {
    const response = await request.put(keyUrl(`${p}/k`), { data: { text: "x", create: true }, headers: { "sec-fetch-site": "cross-site" } });
    await expectApiError(response, 403, "cross_origin");
    const deleted = await request.delete(`${keyUrl(`${p}/k`)}&modRevision=1`, { headers: { origin: "http://evil.example" } });
    await expectApiError(deleted, 403, "cross_origin");
    await expectApiError(await request.delete(leaseUrl("1"), { headers: { "sec-fetch-site": "cross-site" } }), 403, "cross_origin");
    expect(await witness3(etcdURL(), `${p}/k`)).toBeUndefined();
  });
});

test.describe("v3 leases", () => {
  test("ttl grants a lease; a save keeps it; refresh renews it; revoke lists then deletes its keys; ttl null detaches", async ({ request, p }) => {
    const a = await create(request, `${p}/a`, { text: "a", ttl: 120 });
    expect(a.lease).toMatch(/^[1-9]\d*$/);
    const id = a.lease!;
    // A save without ttl keeps the lease (etcdctl's witness reads it as a hex id).
    await request.put(keyUrl(`${p}/a`), { data: { text: "a2", modRevision: a.revision } });
    const listed = await etcdctl(etcdURL(), ["lease", "timetolive", BigInt(id).toString(16), "--keys"]);
    expect(listed).toContain(`${p}/a`);
    const read = (await (await request.get(keyUrl(`${p}/a`))).json()) as Key3Response;
    expect(read.lease).toMatchObject({ id, grantedTtl: 120 });
    expect(read.lease!.ttl).toBeGreaterThan(100);
    // A second key on the same lease, attached by etcdctl.
    await etcdctl(etcdURL(), ["put", `${p}/b`, "b", `--lease=${BigInt(id).toString(16)}`]);
    const lease = (await (await request.get(leaseUrl(id))).json()) as Lease3Response;
    expect(lease).toMatchObject({ id, grantedTtl: 120 });
    expect(lease.keys.sort()).toEqual([`${p}/a`, `${p}/b`]);
    const refreshed = await request.post(leaseUrl(id));
    expect(refreshed.status()).toBe(200);
    expect(await refreshed.json()).toEqual({ id, ttl: 120 });
    // Detach b's sibling a with ttl null: the revoke then deletes only b.
    const current = (await (await request.get(keyUrl(`${p}/a`))).json()) as Key3Response;
    const detached = (await (await request.put(keyUrl(`${p}/a`), { data: { text: "a3", modRevision: current.modRevision, ttl: null } })).json()) as Write3Response;
    expect(detached.lease).toBe("0");
    expect((await (await request.get(leaseUrl(id))).json()).keys).toEqual([`${p}/b`]);
    const revoked = await request.delete(leaseUrl(id));
    expect(revoked.status()).toBe(200);
    expect(await witness3(etcdURL(), `${p}/b`)).toBeUndefined();
    expect((await witness3(etcdURL(), `${p}/a`))!.value.toString()).toBe("a3");
    await expectApiError(await request.get(leaseUrl(id)), 404, "lease_not_found");
    await expectApiError(await request.post(leaseUrl(id)), 404, "lease_not_found");
    await expectApiError(await request.delete(leaseUrl(id)), 404, "lease_not_found");
    const log = auditLines().filter((line) => line.lease === id);
    expect(log.map((line) => [line.operation, (line.result as { ok: boolean }).ok])).toEqual([
      ["lease-refresh", true],
      ["lease-revoke", true],
      ["lease-refresh", false],
      ["lease-revoke", false],
    ]);
  });

  test("an id that is not a decimal number, or too large, is a 400 envelope", async ({ request }) => {
    for (const id of ["xyz", "-1", "0", "0x10", "1.5", "18446744073709551616"]) {
      await expectInvalid(await request.get(leaseUrl(id)), "id");
      await expectInvalid(await request.delete(leaseUrl(id)), "id");
    }
  });
});

test.describe("v3 writes refused to viewers, on read-only clusters, and without v3 configured", () => {
  let own: RolesDashboard;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    own = await startRolesDashboard("keys3", (endpoints) => [
      { name: "default", endpoints },
      { name: "ro", endpoints, readOnly: true },
      { name: "v2only", endpoints, keyspaces: ["v2"] },
    ]);
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  test("a viewer reads but may not write; a read-only cluster refuses an editor; v2-only answers keyspace_not_offered", async ({ p }) => {
    const call = async (method: string, url: string, cookie: string, body?: object) => {
      const response = await fetch(`${own.dashboard.url}${url}`, {
        method,
        headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
    };
    await etcdctl(etcdURL(), ["put", `${p}/k`, "v"]);
    const viewer = await own.logIn("vera");
    const editor = await own.logIn("eddie");
    expect((await call("GET", keyUrl(`${p}/k`), viewer)).status).toBe(200);
    const put = { text: "new", create: true };
    expect(await call("PUT", keyUrl(`${p}/new`), viewer, put)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await call("DELETE", `${keyUrl(`${p}/k`)}&modRevision=1`, viewer)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await call("DELETE", leaseUrl("1"), viewer)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    expect(await call("PUT", keyUrl(`${p}/new`, "ro"), editor, put)).toMatchObject({ status: 403, body: { error: { code: "read_only" } } });
    expect((await call("GET", keyUrl(`${p}/k`, "ro"), editor)).status).toBe(200);
    expect(await call("GET", keyUrl(`${p}/k`, "v2only"), editor)).toMatchObject({ status: 404, body: { error: { code: "keyspace_not_offered" } } });
    expect(await call("GET", `/api/clusters/v2only/v3/leases/1`, editor)).toMatchObject({ status: 404, body: { error: { code: "keyspace_not_offered" } } });
    expect(await witness3(etcdURL(), `${p}/new`)).toBeUndefined();
    // The same write by an editor on the writable cluster goes through: the refusals were the role's and the cluster's.
    expect((await call("PUT", keyUrl(`${p}/new`), editor, put)).status).toBe(201);
    expect((await witness3(etcdURL(), `${p}/new`))!.value.toString()).toBe("new");
  });
});
