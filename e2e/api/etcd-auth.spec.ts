// etcd v2 auth administration through the API (…/auth, …/auth/users, …/auth/roles, …/auth/narrow-guest),
// against an etcd and a dashboard of this spec's own: enabling auth on the shared e2e etcd would break
// every other spec running beside it. The dashboard's config names three clusters on that one etcd:
// `main` with root's credentials (configured before root exists: etcd ignores credentials while auth is
// off), `plain` without credentials, and `frozen`, read-only. What reached etcd is checked directly.
import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, expectApiError, expectInvalid, test } from "../fixtures";
import { startOwnEtcd, type OwnEtcd } from "../own-etcd";

const ROOT_PASSWORD = "root-pässwörd:9e1f07";
const APP_PASSWORD = "app-password-3c55aa";
const NEW_APP_PASSWORD = "app-password-new-71d0e2";

let own: OwnEtcd;
const direct: OwnEtcd["direct"] = (...args) => own.direct(...args);
const asRoot: [string, string] = ["root", ROOT_PASSWORD];

const api = (cluster: string, resource: string) => `${own.dashboard.url}/api/clusters/${cluster}/auth${resource}`;

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status(), `${response.url()}: ${text.slice(0, 300)}`).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

test.describe("etcd auth administration API", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    own = await startOwnEtcd("auth-api", (url) => [
      { name: "main", endpoints: [url], username: "root", password: ROOT_PASSWORD },
      { name: "plain", endpoints: [url] },
      { name: "frozen", endpoints: [url], username: "root", password: ROOT_PASSWORD, readOnly: true },
    ]);
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  test("before any user: the status, and bad input refused before anything reaches etcd", async ({ request }) => {
    expect(await ok(await request.get(api("main", "")))).toEqual({
      enabled: false,
      manageable: true,
      rootUser: false,
      guest: { exists: false, permissions: { read: ["/*"], write: ["/*"] }, openRead: true, openWrite: true },
      credentials: { configured: true, root: false },
    });
    expect(await ok(await request.get(api("main", "/users")))).toEqual({ users: [] });
    expect(await ok(await request.get(api("main", "/roles")))).toEqual({ roles: [{ name: "root", permissions: { read: ["/*"], write: ["/*"] } }] });

    await expectInvalid(await request.put(api("main", "/users/a%3Ab"), { data: { password: "x" } }), "name");
    await expectInvalid(await request.put(api("main", "/users/u1"), { data: { password: "" } }), "body.password");
    await expectInvalid(await request.put(api("main", "/users/u1"), { data: { password: "é".repeat(37) } }), "body.password");
    await expectInvalid(await request.put(api("main", "/users/u1"), { data: { password: "x", admin: true } }), "body");
    await expectInvalid(await request.patch(api("main", "/users/u1"), { data: {} }), /^body/);
    await expectInvalid(await request.patch(api("main", "/users/u1"), { data: { password: "x", grant: ["app"] } }), /^body/);
    await expectInvalid(await request.patch(api("main", "/users/u1"), { data: { grant: [] } }), /^body/);
    await expectInvalid(await request.put(api("main", "/roles/r1"), { data: { read: ["no-slash"] } }), "body.read.0");
    await expectInvalid(await request.patch(api("main", "/roles/r1"), { data: { grant: { read: [] } } }), "body");
    await expectInvalid(await request.post(api("main", "/narrow-guest"), { data: { read: "yes" } }), "body.read");
    await expectApiError(await request.put(api("main", "/users/u1"), { headers: { "content-type": "text/plain" }, data: "password=x" }), 415, "unsupported_media_type");
    await expectApiError(await request.put(api("nope", "/users/u1"), { data: { password: "x" } }), 404, "cluster_not_found");
    await expectApiError(await request.put(api("frozen", "/users/u1"), { data: { password: "x" } }), 403, "read_only");
    await expectApiError(await request.put(api("main", ""), { headers: { origin: "http://evil.example" } }), 403, "cross_origin");
    // etcd's own rule, said plainly: no root user, no auth.
    const noRoot = await expectApiError(await request.put(api("main", "")), 409, "conflict");
    expect(noRoot.message).toMatch(/root user/);

    expect((await direct("GET", "/v2/auth/users")).json).toEqual({ users: null });
    expect((await direct("GET", "/v2/auth/enable")).json).toEqual({ enabled: false });
  });

  test("root, a role, a user, enable, guest still writes, narrow guest, guest refused, then undo it all", async ({ request }) => {
    expect(await ok(await request.put(api("main", "/users/root"), { data: { password: ROOT_PASSWORD } }), 201)).toEqual({ name: "root", roles: ["root"] });
    expect(await ok(await request.put(api("main", "/roles/app"), { data: { read: ["/app/*", "/shared"], write: ["/app/*"] } }), 201)).toEqual({
      name: "app",
      permissions: { read: ["/app/*", "/shared"], write: ["/app/*"] },
    });
    await expectApiError(await request.put(api("main", "/roles/app"), { data: {} }), 409, "conflict");
    expect(await ok(await request.put(api("main", "/users/appuser"), { data: { password: APP_PASSWORD } }), 201)).toEqual({ name: "appuser", roles: [] });
    await expectApiError(await request.put(api("main", "/users/appuser"), { data: { password: "other" } }), 409, "conflict");
    expect(await ok(await request.patch(api("main", "/users/appuser"), { data: { grant: ["app"] } }))).toEqual({ name: "appuser", roles: ["app"] });
    await expectApiError(await request.patch(api("main", "/users/appuser"), { data: { grant: ["app"] } }), 409, "conflict");
    await expectApiError(await request.patch(api("main", "/users/appuser"), { data: { grant: ["ghost"] } }), 404, "not_found");
    expect(await ok(await request.get(api("main", "/users")))).toEqual({
      users: [
        { name: "appuser", roles: ["app"] },
        { name: "root", roles: ["root"] },
      ],
    });
    expect((await direct("GET", "/v2/auth/users/appuser")).json).toMatchObject({ user: "appuser", roles: [{ role: "app" }] });

    expect(await ok(await request.put(api("main", "")))).toEqual({ enabled: true });
    expect((await direct("GET", "/v2/auth/enable")).json).toEqual({ enabled: true });
    const status = await ok<{ guest: unknown; credentials: unknown; manageable: boolean }>(await request.get(api("main", "")));
    expect(status).toMatchObject({ manageable: true, credentials: { configured: true, root: true } });
    expect(status.guest).toEqual({ exists: true, permissions: { read: ["/*"], write: ["/*"] }, openRead: true, openWrite: true });
    // Enabling restricted nothing yet.
    expect((await direct("PUT", "/v2/keys/open/guest-1", { value: "anyone" })).status).toBe(201);
    // A cluster configured without credentials sees whether auth is on, and nothing else.
    expect(await ok(await request.get(api("plain", "")))).toMatchObject({ enabled: true, manageable: false, guest: null, credentials: { configured: false } });
    const needsRoot = await expectApiError(await request.get(api("plain", "/users")), 401, "etcd_unauthorized");
    expect(needsRoot.message).toMatch(/root/);

    expect(await ok(await request.post(api("main", "/narrow-guest"), { data: {} }))).toEqual({
      guest: { exists: true, permissions: { read: ["/*"], write: [] }, openRead: true, openWrite: false },
    });
    const refused = await direct("PUT", "/v2/keys/open/guest-2", { value: "anyone" });
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ errorCode: 110 });
    expect((await direct("GET", "/v2/keys/open/guest-1")).json.node.value).toBe("anyone");

    // Permissions and passwords, checked by what etcd lets appuser do.
    expect(await ok(await request.patch(api("main", "/roles/app"), { data: { grant: { write: ["/shared"] }, revoke: { read: ["/app/*"] } } }))).toEqual({
      name: "app",
      permissions: { read: ["/shared"], write: ["/app/*", "/shared"] },
    });
    expect((await direct("PUT", "/v2/keys/shared", { value: "1", auth: ["appuser", APP_PASSWORD] })).status).toBe(201);
    expect(await ok(await request.patch(api("main", "/users/appuser"), { data: { password: NEW_APP_PASSWORD } }))).toEqual({ name: "appuser", roles: ["app"] });
    expect((await direct("PUT", "/v2/keys/shared", { value: "2", auth: ["appuser", APP_PASSWORD] })).status).toBe(401);
    expect((await direct("PUT", "/v2/keys/shared", { value: "2", auth: ["appuser", NEW_APP_PASSWORD] })).status).toBe(200);
    await expectApiError(await request.patch(api("main", "/users/ghost"), { data: { password: "x" } }), 404, "not_found");
    expect((await direct("GET", "/v2/auth/users/ghost", { auth: asRoot })).status).toBe(404);

    // etcd protects root.
    await expectApiError(await request.patch(api("main", "/roles/root"), { data: { revoke: { read: ["/*"] } } }), 403, "root_protected");
    await expectApiError(await request.delete(api("main", "/roles/root")), 403, "root_protected");
    await expectApiError(await request.delete(api("main", "/users/root")), 403, "root_protected");

    expect(await ok(await request.patch(api("main", "/users/appuser"), { data: { revoke: ["app"] } }))).toEqual({ name: "appuser", roles: [] });
    expect((await direct("PUT", "/v2/keys/shared", { value: "3", auth: ["appuser", NEW_APP_PASSWORD] })).status).toBe(401);

    expect(await ok(await request.delete(api("main", "")))).toEqual({ enabled: false });
    expect((await direct("GET", "/v2/auth/enable")).json).toEqual({ enabled: false });
    await expectApiError(await request.delete(api("main", "")), 409, "conflict");
    expect((await request.delete(api("main", "/users/appuser"))).status()).toBe(204);
    expect((await request.delete(api("main", "/roles/app"))).status()).toBe(204);
    await expectApiError(await request.delete(api("main", "/users/appuser")), 404, "not_found");
    expect((await request.delete(api("main", "/users/root"))).status()).toBe(204);
    expect((await direct("GET", "/v2/auth/users")).json).toEqual({ users: null });
  });

  test("every write is in the audit log with who and what, never a password", async () => {
    const entries = () =>
      fs.existsSync(own.auditLog)
        ? fs
            .readFileSync(own.auditLog, "utf8")
            .split("\n")
            .filter(Boolean)
            .map((line) => JSON.parse(line) as { user: string; cluster: string; operation: string; etcdUser?: string; etcdRole?: string; options?: unknown; result: { ok: boolean; code?: string } })
        : [];
    await expect.poll(() => entries().some((e) => e.operation === "user-delete" && e.etcdUser === "root")).toBe(true);
    const all = entries();
    const done = all.filter((e) => e.result.ok).map((e) => [e.operation, e.etcdUser ?? e.etcdRole ?? ""]);
    expect(done).toEqual([
      ["user-create", "root"],
      ["role-create", "app"],
      ["user-create", "appuser"],
      ["user-grant", "appuser"],
      ["auth-enable", ""],
      ["guest-narrow", "guest"],
      ["role-update", "app"],
      ["user-password", "appuser"],
      ["user-revoke", "appuser"],
      ["auth-disable", ""],
      ["user-delete", "appuser"],
      ["role-delete", "app"],
      ["user-delete", "root"],
    ]);
    expect(all.find((e) => e.operation === "role-create")).toMatchObject({ user: "anonymous", cluster: "main", options: { read: ["/app/*", "/shared"], write: ["/app/*"] } });
    expect(all.find((e) => e.operation === "user-grant" && !e.result.ok && e.result.code === "not_found")).toMatchObject({ options: { roles: ["ghost"] } });
    const text = fs.readFileSync(own.auditLog, "utf8");
    for (const secret of [ROOT_PASSWORD, APP_PASSWORD, NEW_APP_PASSWORD, '"password"']) expect(text).not.toContain(secret);
  });
});
