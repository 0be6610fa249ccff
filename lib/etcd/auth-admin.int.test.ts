// Integration tests of auth administration (etcd-v2-api.md §8) against a real etcd. Every test gets an
// etcd of its own (enabling auth on the shared one would break every other test), so none has to undo
// what it did. What the client did is checked with direct requests to etcd, with and without Basic auth.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { errorResponse } from "../api/server/error-response";
import { EtcdClient } from "./client";
import { directRequest, etcdErrorOf } from "../testing/etcd-direct";

const ROOT_PASSWORD = "r00t:pässwörd-91c2";
const APP_PASSWORD = "app-pw-4d7e10";

const direct = directRequest;

let etcd: EtcdHandle;
const clients: EtcdClient[] = [];
function clientAs(auth?: { username: string; password: string }, endpoints = [etcd.clientURL], extra: { writeTimeoutMs?: number; readTimeoutMs?: number } = {}) {
  const client = new EtcdClient({ endpoints, auth, discoverMembers: false, ...extra });
  clients.push(client);
  return client;
}
const asRoot = () => clientAs({ username: "root", password: ROOT_PASSWORD });
const rootAuth = ["root", ROOT_PASSWORD] as const;

beforeEach(async () => {
  etcd = await startEtcd({ name: "auth-admin" });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await etcd?.stop();
});

describe("auth administration round trip", () => {
  it("root, a role with globs, a user, enable, guest still writes, narrow guest, guest refused, revoke, disable, delete", async () => {
    const base = etcd.clientURL;
    const admin = asRoot();

    // Nothing yet: no users ({"users":null} on the wire), guest not created, enabling refused.
    expect((await direct(base, "GET", "/v2/auth/users")).json).toEqual({ users: null });
    expect(await admin.auth.users()).toEqual([]);
    expect(await admin.auth.overview()).toEqual({
      enabled: false,
      manageable: true,
      rootUser: false,
      guest: { exists: false, permissions: { read: ["/*"], write: ["/*"] }, openRead: true, openWrite: true },
      credentials: { configured: true, root: false },
    });
    expect(await etcdErrorOf(admin.auth.enable())).toMatchObject({ kind: "conflict", message: expect.stringMatching(/root user/) });
    // etcd's own refusal, without the client's check.
    const etcdRefusal = await etcdErrorOf(admin.auth.enable(undefined, { requireRootCredentials: false }));
    expect(etcdRefusal).toMatchObject({ kind: "conflict", status: 409, message: "No root user available, please create one" });
    expect((await direct(base, "GET", "/v2/auth/enable")).json).toEqual({ enabled: false });

    expect(await admin.auth.createUser("root", ROOT_PASSWORD)).toEqual({ name: "root", roles: ["root"] });
    expect(await admin.auth.createRole("app", { read: ["/app/*", "/shared"], write: ["/app/*"] })).toEqual({
      name: "app",
      permissions: { read: ["/app/*", "/shared"], write: ["/app/*"] },
    });
    expect((await direct(base, "GET", "/v2/auth/roles/app")).json).toEqual({
      role: "app",
      permissions: { kv: { read: ["/app/*", "/shared"], write: ["/app/*"] } },
    });
    expect(await admin.auth.createUser("appuser", APP_PASSWORD)).toEqual({ name: "appuser", roles: [] });
    expect(await admin.auth.grantRoles("appuser", ["app"])).toEqual({ name: "appuser", roles: ["app"] });
    expect((await direct(base, "GET", "/v2/auth/users/appuser")).json).toMatchObject({ user: "appuser", roles: [{ role: "app" }] });
    expect(await admin.auth.users()).toEqual([
      { name: "appuser", roles: ["app"] },
      { name: "root", roles: ["root"] },
    ]);

    await admin.auth.enable();
    expect((await direct(base, "GET", "/v2/auth/enable")).json).toEqual({ enabled: true });
    const on = await admin.auth.overview();
    expect(on).toMatchObject({ enabled: true, manageable: true, rootUser: true, credentials: { configured: true, root: true } });
    // Enabling restricts nothing: guest was created with read and write on everything.
    expect(on.guest).toEqual({ exists: true, permissions: { read: ["/*"], write: ["/*"] }, openRead: true, openWrite: true });
    expect((await direct(base, "PUT", "/v2/keys/open/by-guest", { value: "anyone" })).status).toBe(201);
    // appuser is held to its globs.
    expect((await direct(base, "PUT", "/v2/keys/app/cfg", { value: "v", auth: ["appuser", APP_PASSWORD] })).status).toBe(201);
    expect((await direct(base, "PUT", "/v2/keys/other", { value: "v", auth: ["appuser", APP_PASSWORD] })).status).toBe(401);

    const narrowed = await admin.auth.narrowGuest();
    expect(narrowed).toEqual({ exists: true, permissions: { read: ["/*"], write: [] }, openRead: true, openWrite: false });
    expect((await direct(base, "GET", "/v2/auth/roles/guest", { auth: rootAuth })).json.permissions.kv).toEqual({ read: ["/*"], write: [] });
    const refused = await direct(base, "PUT", "/v2/keys/open/by-guest-2", { value: "anyone" });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ errorCode: 110 });
    expect((await direct(base, "GET", "/v2/keys/open/by-guest")).json.node.value).toBe("anyone");
    expect((await direct(base, "GET", "/v2/keys/open/by-guest-2")).status).toBe(404);
    // Narrowing again changes nothing and does not fail.
    expect(await admin.auth.narrowGuest()).toEqual(narrowed);

    expect(await admin.auth.revokeRoles("appuser", ["app"])).toEqual({ name: "appuser", roles: [] });
    expect((await direct(base, "PUT", "/v2/keys/app/cfg", { value: "w", auth: ["appuser", APP_PASSWORD] })).status).toBe(401);

    await admin.auth.disable();
    expect((await direct(base, "GET", "/v2/auth/enable")).json).toEqual({ enabled: false });
    expect((await direct(base, "PUT", "/v2/keys/open/after", { value: "x" })).status).toBe(201);

    await admin.auth.deleteUser("appuser");
    await admin.auth.deleteRole("app");
    await admin.auth.deleteUser("root");
    expect((await direct(base, "GET", "/v2/auth/users")).json).toEqual({ users: null });
    expect((await admin.auth.roles()).map((r) => r.name)).toEqual(["guest", "root"]);
  });

  it("changes a password: the old one stops working, the new one works", async () => {
    const base = etcd.clientURL;
    const admin = asRoot();
    await admin.auth.createUser("root", ROOT_PASSWORD);
    await admin.auth.createRole("app", { read: ["/app/*"], write: ["/app/*"] });
    await admin.auth.createUser("appuser", APP_PASSWORD, ["app"]);
    await admin.auth.enable();
    expect(await admin.auth.changePassword("appuser", "new-pw-77")).toEqual({ name: "appuser", roles: ["app"] });
    expect((await direct(base, "PUT", "/v2/keys/app/x", { value: "1", auth: ["appuser", APP_PASSWORD] })).status).toBe(401);
    expect((await direct(base, "PUT", "/v2/keys/app/x", { value: "1", auth: ["appuser", "new-pw-77"] })).status).toBe(201);
  });
});

describe("what etcd refuses, as typed errors", () => {
  it("existing names, missing users and roles, duplicate and ungranted grants", async () => {
    const base = etcd.clientURL;
    const admin = asRoot();
    await admin.auth.createUser("root", ROOT_PASSWORD);
    await admin.auth.createRole("app", { read: ["/app/*"], write: [] });
    await admin.auth.createUser("appuser", APP_PASSWORD, ["app"]);

    // etcd would silently change appuser's password: the client refuses first.
    expect(await etcdErrorOf(admin.auth.createUser("appuser", "other"))).toMatchObject({ kind: "conflict", message: "User appuser already exists." });
    expect(await etcdErrorOf(admin.auth.createRole("app", { read: [], write: [] }))).toMatchObject({ kind: "conflict", status: 409, message: "Role app already exists." });
    // etcd would accept a role that does not exist, and then answer 404 for the user.
    const ghost = await etcdErrorOf(admin.auth.grantRoles("appuser", ["ghost"]));
    expect(ghost).toMatchObject({ kind: "not-found", message: "Role ghost does not exist." });
    expect(await etcdErrorOf(admin.auth.createUser("other", "pw", ["ghost", "nope"]))).toMatchObject({ kind: "not-found", message: "Roles ghost, nope do not exist." });
    expect((await direct(base, "GET", "/v2/auth/users/appuser")).json).toMatchObject({ roles: [{ role: "app" }] });
    expect((await direct(base, "GET", "/v2/auth/users/other")).status).toBe(404);

    expect(await etcdErrorOf(admin.auth.grantRoles("appuser", ["app"]))).toMatchObject({ kind: "conflict", message: expect.stringMatching(/duplicate role app/) });
    expect(await etcdErrorOf(admin.auth.revokeRoles("appuser", ["root"]))).toMatchObject({ kind: "conflict", message: expect.stringMatching(/ungranted role root/) });
    expect(await etcdErrorOf(admin.auth.grantRoles("ghostuser", ["app"]))).toMatchObject({ kind: "not-found", status: 404 });
    // etcd would create the user: the client refuses first, and nothing is created.
    expect(await etcdErrorOf(admin.auth.changePassword("ghostuser", "pw"))).toMatchObject({ kind: "not-found", message: "User ghostuser does not exist." });
    expect((await direct(base, "GET", "/v2/auth/users/ghostuser")).status).toBe(404);
    expect(await etcdErrorOf(admin.auth.deleteUser("ghostuser"))).toMatchObject({ kind: "not-found", status: 404 });
    expect(await etcdErrorOf(admin.auth.deleteRole("ghost"))).toMatchObject({ kind: "not-found", status: 404 });

    expect(await etcdErrorOf(admin.auth.changeRole("app", { grant: { read: ["/app/*"] } }))).toMatchObject({ kind: "conflict", message: expect.stringMatching(/duplicate read permission/) });
    expect(await etcdErrorOf(admin.auth.changeRole("app", { revoke: { write: ["/never"] } }))).toMatchObject({ kind: "invalid-request", status: 400 });
    expect(await etcdErrorOf(admin.auth.changeRole("ghost", { grant: { read: ["/x"] } }))).toMatchObject({ kind: "not-found" });
    expect(await admin.auth.changeRole("app", { grant: { write: ["/app/*"] }, revoke: { read: ["/app/*"] } })).toEqual({
      name: "app",
      permissions: { read: [], write: ["/app/*"] },
    });

    // Names etcd cannot address are refused before anything is sent.
    expect(await etcdErrorOf(admin.auth.deleteUser("a/b"))).toMatchObject({ kind: "invalid-request" });
    expect(await etcdErrorOf(admin.auth.role(".."))).toMatchObject({ kind: "invalid-request" });

    // The API turns them into clear codes.
    expect((await errorResponse(ghost).json()).error).toMatchObject({ code: "not_found" });
    expect(errorResponse(ghost).status).toBe(404);
  });

  it("root is protected, auth on twice or off twice is a conflict, and non-root credentials are unauthorized", async () => {
    const admin = asRoot();
    await admin.auth.createUser("root", ROOT_PASSWORD);
    await admin.auth.createUser("plain", APP_PASSWORD);
    expect(await etcdErrorOf(admin.auth.disable())).toMatchObject({ kind: "conflict", message: "already disabled" });
    await admin.auth.enable();
    expect(await etcdErrorOf(admin.auth.enable())).toMatchObject({ kind: "conflict", message: "Auth is already enabled." });
    expect(await etcdErrorOf(admin.auth.enable(undefined, { requireRootCredentials: false }))).toMatchObject({ kind: "conflict", message: "already enabled" });

    const rootRole = await etcdErrorOf(admin.auth.changeRole("root", { revoke: { read: ["/*"] } }));
    expect(rootRole).toMatchObject({ kind: "root-protected", status: 403, message: "Cannot modify role root: is root role." });
    expect(await etcdErrorOf(admin.auth.deleteRole("root"))).toMatchObject({ kind: "root-protected" });
    expect(await etcdErrorOf(admin.auth.deleteUser("root"))).toMatchObject({ kind: "root-protected", message: expect.stringMatching(/root user while auth is enabled/) });
    const rootResponse = errorResponse(rootRole);
    expect(rootResponse.status).toBe(403);
    expect((await rootResponse.json()).error).toMatchObject({ code: "root_protected" });

    // A non-root user (and anonymous) may see whether auth is on, nothing else.
    for (const other of [clientAs({ username: "plain", password: APP_PASSWORD }), clientAs()]) {
      expect(await other.auth.enabled()).toBe(true);
      const overview = await other.auth.overview();
      expect(overview).toMatchObject({ enabled: true, manageable: false, rootUser: null, guest: null });
      const denied = await etcdErrorOf(other.auth.users());
      expect(denied).toMatchObject({ kind: "unauthorized", status: 401 });
      expect(denied.message).toMatch(/root/);
      expect(await etcdErrorOf(other.auth.disable())).toMatchObject({ kind: "unauthorized" });
      const response = errorResponse(denied);
      expect(response.status).toBe(401);
      expect((await response.json()).error).toMatchObject({ code: "etcd_unauthorized" });
    }
    expect(await clientAs().auth.overview()).toMatchObject({ credentials: { configured: false, root: false } });
    expect(await clientAs({ username: "plain", password: APP_PASSWORD }).auth.overview()).toMatchObject({ credentials: { configured: true, root: null } });
    expect(await admin.auth.enabled()).toBe(true);
  });

  it("enabling is refused while the client's own credentials are not root, so it cannot lock itself out", async () => {
    const base = etcd.clientURL;
    await asRoot().auth.createUser("root", ROOT_PASSWORD);
    await asRoot().auth.createUser("plain", APP_PASSWORD);
    for (const client of [clientAs(), clientAs({ username: "plain", password: APP_PASSWORD })]) {
      const error = await etcdErrorOf(client.auth.enable());
      expect(error).toMatchObject({ kind: "conflict" });
      expect(error.message).toMatch(/root/);
    }
    expect((await direct(base, "GET", "/v2/auth/enable")).json).toEqual({ enabled: false });
    // A user with the root role who is not called root does qualify.
    await asRoot().auth.createUser("admin2", "admin2-pw", ["root"]);
    await clientAs({ username: "admin2", password: "admin2-pw" }).auth.enable();
    expect((await direct(base, "GET", "/v2/auth/enable")).json).toEqual({ enabled: true });
  });
});

describe("guest", () => {
  it("narrowed before the first enable: the role is created narrowed, and enabling keeps it", async () => {
    const base = etcd.clientURL;
    const admin = asRoot();
    await admin.auth.createUser("root", ROOT_PASSWORD);
    expect(await admin.auth.narrowGuest()).toEqual({ exists: true, permissions: { read: ["/*"], write: [] }, openRead: true, openWrite: false });
    await admin.auth.enable();
    expect((await direct(base, "GET", "/v2/auth/roles/guest", { auth: rootAuth })).json.permissions.kv).toEqual({ read: ["/*"], write: [] });
    expect((await direct(base, "PUT", "/v2/keys/x", { value: "1" })).status).toBe(401);
    expect((await direct(base, "GET", "/v2/keys/")).status).toBe(200);
  });

  it("narrowed with read: requests without credentials may then neither read nor write", async () => {
    const base = etcd.clientURL;
    const admin = asRoot();
    await admin.auth.createUser("root", ROOT_PASSWORD);
    await admin.auth.enable();
    expect(await admin.auth.narrowGuest({ read: true })).toEqual({ exists: true, permissions: { read: [], write: [] }, openRead: false, openWrite: false });
    expect((await direct(base, "GET", "/v2/keys/")).status).toBe(401);
    expect((await direct(base, "GET", "/v2/keys/", { auth: rootAuth })).status).toBe(200);
  });

  it("a guest role deleted while auth is on means no access without credentials, and nothing is recreated", async () => {
    const admin = asRoot();
    await admin.auth.createUser("root", ROOT_PASSWORD);
    await admin.auth.enable();
    await admin.auth.deleteRole("guest");
    expect((await admin.auth.overview()).guest).toEqual({ exists: false, permissions: { read: [], write: [] }, openRead: false, openWrite: false });
    expect((await admin.auth.narrowGuest()).exists).toBe(false);
    expect((await admin.auth.roles()).map((r) => r.name)).toEqual(["root"]);
  });
});

describe("deleted roles and retries", () => {
  it("a user whose role was deleted is still listed and managed (etcd's GET of that user answers 404)", async () => {
    const base = etcd.clientURL;
    const admin = asRoot();
    await admin.auth.createRole("gone", { read: ["/g/*"], write: [] });
    await admin.auth.createUser("holder", "pw-1", ["gone"]);
    await admin.auth.deleteRole("gone");
    expect((await direct(base, "GET", "/v2/auth/users/holder")).status).toBe(404);
    expect(await admin.auth.users()).toEqual([{ name: "holder", roles: [] }]);
    expect(await admin.auth.changePassword("holder", "pw-2")).toMatchObject({ name: "holder" });
    await admin.auth.deleteUser("holder");
    expect((await direct(base, "GET", "/v2/auth/users")).json).toEqual({ users: null });
  });

  it("a write whose outcome is unknown is not sent again to another member; a password change is", async () => {
    // The first endpoint forwards reads to etcd but swallows writes: sent, never answered.
    const swallowed: string[] = [];
    const agent = new http.Agent({ keepAlive: true });
    const server = http.createServer((req, res) => {
      if (req.method !== "GET") {
        swallowed.push(`${req.method} ${req.url}`);
        req.resume();
        return;
      }
      const upstream = http.request(new URL(req.url ?? "/", etcd.clientURL), { method: req.method, headers: req.headers, agent }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const blackHole = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = clientAs({ username: "root", password: ROOT_PASSWORD }, [blackHole, etcd.clientURL], { writeTimeoutMs: 400 });
      const error = await etcdErrorOf(client.auth.createRole("app", { read: ["/app/*"], write: [] }));
      expect(error).toMatchObject({ kind: "timeout", outcomeUnknown: true });
      expect(swallowed).toEqual(["PUT /v2/auth/roles/app"]);
      expect((await direct(etcd.clientURL, "GET", "/v2/auth/roles/app")).status).toBe(404);

      await asRoot().auth.createUser("someone", "pw-1");
      const again = clientAs({ username: "root", password: ROOT_PASSWORD }, [blackHole, etcd.clientURL], { writeTimeoutMs: 400 });
      expect(await again.auth.changePassword("someone", "pw-2")).toEqual({ name: "someone", roles: [] });
      expect(swallowed).toEqual(["PUT /v2/auth/roles/app", "PUT /v2/auth/users/someone"]);
    } finally {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
