// Integration tests of the client against an etcd with v2 auth on (etcd-v2-api.md §8): a dedicated etcd
// (enabling auth on the shared one would break every other test), a root user whose password has a ':'
// and non-ASCII letters (Basic auth splits user:password at the first ':' and etcd compares bytes), and
// a guest role restricted to reading. What was written is checked with direct requests to etcd.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { errorResponse } from "../api/server/error-response";
import { EtcdClient } from "./client";
import type { EtcdError } from "./errors";
import { parseKey } from "./key-path";
import { directGet, directGetKey, directSet, etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";

const ROOT_PASSWORD = "r00t:pässwörd-3b9d1e";
const WRONG_PASSWORD = "wrong:pässwörd-77c2aa";
const APP_PASSWORD = "app-pw-5e01c4";

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, "utf8").toString("base64")}`;
}

/** A JSON request to etcd's auth or members API, as root unless `auth` is null. */
async function admin(base: string, method: string, path: string, body?: unknown, auth: string | null = basic("root", ROOT_PASSWORD)) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(auth ? { authorization: auth } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text };
}

/** Everything an error could carry to a log or a browser: its fields, causes and the API's JSON body. */
async function everythingSaidBy(error: EtcdError): Promise<string> {
  const body = await errorResponse(error).text();
  let causes = "";
  for (let e: any = error.cause; e; e = e.cause) causes += ` ${e.message ?? String(e)}`;
  return [error.message, error.etcdCause ?? "", JSON.stringify(error), causes, body].join("\n");
}

function expectNoSecret(said: string, ...secrets: string[]) {
  for (const secret of secrets) {
    expect(said).not.toContain(secret);
    expect(said).not.toContain(Buffer.from(secret, "utf8").toString("base64"));
    expect(said).not.toContain(basic("root", secret).slice("Basic ".length));
  }
}

describe("etcd with v2 auth enabled", () => {
  let etcd: EtcdHandle;
  const clients: EtcdClient[] = [];
  const clientWith = (auth?: { username: string; password: string }) => {
    const client = new EtcdClient({ endpoints: [etcd.clientURL], auth, discoverMembers: false });
    clients.push(client);
    return client;
  };
  /** A key root wrote before each test's checks, readable by guest. */
  let seeded: string;

  beforeAll(async () => {
    etcd = await startEtcd({ name: "auth-test" });
    const base = etcd.clientURL;
    expect((await admin(base, "PUT", "/v2/auth/users/root", { user: "root", password: ROOT_PASSWORD }, null)).status).toBe(201);
    expect((await admin(base, "PUT", "/v2/auth/enable", undefined, null)).status).toBe(200);
    // Auth alone changes nothing: the auto-created guest role may still write everywhere.
    const guest = await admin(base, "PUT", "/v2/auth/roles/guest", { role: "guest", revoke: { kv: { write: ["/*"] } } });
    expect(guest.status).toBe(200);
    expect(JSON.parse(guest.text).permissions.kv).toEqual({ read: ["/*"], write: [] });
    // A user limited to /app: reads and writes there, nothing elsewhere.
    expect((await admin(base, "PUT", "/v2/auth/roles/app", { role: "app", permissions: { kv: { read: ["/app/*"], write: ["/app/*"] } } })).status).toBe(201);
    expect([200, 201]).toContain((await admin(base, "PUT", "/v2/auth/users/app", { user: "app", password: APP_PASSWORD, roles: ["app"] })).status);
    expect(JSON.parse((await admin(base, "GET", "/v2/auth/enable", undefined, null)).text)).toEqual({ enabled: true });

    seeded = `${uniquePrefix("auth")}/seeded`;
    const root = clientWith({ username: "root", password: ROOT_PASSWORD });
    await root.keys.set(parseKey(seeded), "readable by guest");
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await etcd?.stop();
  });

  it("a client with root's credentials writes, and etcd holds the value", async () => {
    const root = clientWith({ username: "root", password: ROOT_PASSWORD });
    const key = `${uniquePrefix("auth")}/by-root`;
    const created = await root.keys.create(parseKey(key), "written by root");
    expect(created.action).toBe("create");
    const direct = await directGetKey(etcd.clientURL, key);
    expect(direct.status).toBe(200);
    expect(direct.json.node.value).toBe("written by root");
    // Deletes and directory listings pass too.
    expect((await root.keys.get(parseKey(key.slice(0, key.lastIndexOf("/"))))).node?.nodes).toHaveLength(1);
    await root.keys.delete(parseKey(key));
    expect((await directGetKey(etcd.clientURL, key)).status).toBe(404);
  });

  it("guest (no credentials) can read but a write is unauthorized (110), and nothing is written", async () => {
    // The premise, seen directly: etcd itself refuses guest's write.
    expect((await directSet(etcd.clientURL, `${uniquePrefix("auth")}/direct`, "x")).json).toMatchObject({ errorCode: 110 });

    const anonymous = clientWith();
    expect((await anonymous.keys.get(parseKey(seeded))).node?.value).toBe("readable by guest");

    const key = `${uniquePrefix("auth")}/by-guest`;
    const set = await etcdErrorOf(anonymous.keys.set(parseKey(key), "never"));
    expect(set).toMatchObject({ kind: "unauthorized", etcdCode: 110, status: 401, outcomeUnknown: false });
    expect(set.message).toMatch(/credentials/i);
    const create = await etcdErrorOf(anonymous.keys.create(parseKey(key), "never"));
    expect(create).toMatchObject({ kind: "unauthorized", etcdCode: 110 });
    const del = await etcdErrorOf(anonymous.keys.delete(parseKey(seeded)));
    expect(del).toMatchObject({ kind: "unauthorized", etcdCode: 110 });

    expect((await directGetKey(etcd.clientURL, key)).status).toBe(404);
    expect((await directGetKey(etcd.clientURL, seeded)).json.node.value).toBe("readable by guest");

    // The dashboard's API turns it into a 401 etcd_unauthorized with etcd's code.
    const response = errorResponse(set);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: "etcd_unauthorized", etcdCode: 110 });
  });

  it("a wrong password is unauthorized even for reads guest may do, and the password appears nowhere", async () => {
    const wrong = clientWith({ username: "root", password: WRONG_PASSWORD });
    const read = await etcdErrorOf(wrong.keys.get(parseKey(seeded)));
    expect(read).toMatchObject({ kind: "unauthorized", etcdCode: 110, status: 401 });
    const write = await etcdErrorOf(wrong.keys.set(parseKey(`${uniquePrefix("auth")}/by-wrong`), "never"));
    expect(write).toMatchObject({ kind: "unauthorized", etcdCode: 110 });
    const unknownUser = clientWith({ username: "nobody", password: WRONG_PASSWORD });
    const unknown = await etcdErrorOf(unknownUser.keys.get(parseKey(seeded)));
    expect(unknown).toMatchObject({ kind: "unauthorized", etcdCode: 110 });

    for (const error of [read, write, unknown]) expectNoSecret(await everythingSaidBy(error), WRONG_PASSWORD, ROOT_PASSWORD);
  });

  it("the root password with ':' and non-ASCII letters is sent intact (a wrong byte would be a 401)", async () => {
    const root = clientWith({ username: "root", password: ROOT_PASSWORD });
    expect((await root.keys.get(parseKey(seeded))).node?.value).toBe("readable by guest");
    // Only root may list users: a root-only endpoint proves the credentials were accepted as root.
    const users = await root.transport.request({ method: "GET", path: "/v2/auth/users", idempotent: true });
    expect(users.status).toBe(200);
    expect(users.body).toContain('"root"');
  });

  it("a user limited to /app writes there and is unauthorized elsewhere, without leaking its password", async () => {
    const app = clientWith({ username: "app", password: APP_PASSWORD });
    await app.keys.set(parseKey("/app/cfg"), "v1");
    expect((await directGetKey(etcd.clientURL, "/app/cfg")).json.node.value).toBe("v1");
    const outside = await etcdErrorOf(app.keys.set(parseKey(`${uniquePrefix("auth")}/outside`), "never"));
    expect(outside).toMatchObject({ kind: "unauthorized", etcdCode: 110 });
    // The guest role may read everything, but a named user gets only its own roles.
    const readOutside = await etcdErrorOf(app.keys.get(parseKey(seeded)));
    expect(readOutside).toMatchObject({ kind: "unauthorized", etcdCode: 110 });
    expectNoSecret(await everythingSaidBy(outside), APP_PASSWORD);
  });

  it("membership changes without root credentials are unauthorized and change nothing", async () => {
    const before = (await directGet(etcd.clientURL, "/v2/members")).json.members;
    const anonymous = clientWith();
    const add = await etcdErrorOf(anonymous.cluster.addMember(["http://127.0.0.1:1"]));
    expect(add).toMatchObject({ kind: "unauthorized", status: 401 });
    expect((await directGet(etcd.clientURL, "/v2/members")).json.members).toEqual(before);
    // Reading the member list stays open.
    expect(await anonymous.cluster.members()).toEqual(before);
  });
});
