// Logins, roles and read-only, end to end: a dashboard of our own with three users (viewer, editor, admin)
// and two clusters on the shared etcd, `default` and `ro` (configured read-only); and one with the global
// read-only switch. The server enforces every rule; the pages only offer what the role may use.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { startDashboard, type DashboardHandle } from "../scripts/lib/dashboard.mjs";
import { hashPassword } from "../scripts/lib/password-hash.mjs";
import { encodeKey, expect, test, type DirectEtcd } from "./fixtures";

// A cheap scrypt cost keeps the logins quick; the hash format and the check are those of real hashes.
const CHEAP = { N: 1024, r: 8, p: 1 };
const PASSWORDS = { viewer: "viewer-password-1", editor: "editor-password-2", admin: "admin-password-3" } as const;
type RoleName = keyof typeof PASSWORDS;
const USER_OF: Record<RoleName, string> = { viewer: "vera", editor: "eddie", admin: "ada" };

interface Answer {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  headers: Headers;
}

async function call(base: string, urlPath: string, init: { method?: string; cookie?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(base + urlPath, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

const keys = (cluster: string, key: string) => `/api/clusters/${cluster}/keys${encodeKey(key)}`;

/** Every route that changes something, with a body that would be valid; the first four are key writes (editor). */
function writes(ns: string, cluster: string): { method: string; path: string; json?: unknown }[] {
  return [
    { method: "PUT", path: keys(cluster, `${ns}/w`), json: { value: "x" } },
    { method: "POST", path: keys(cluster, `${ns}/queue`), json: { value: "x" } },
    { method: "DELETE", path: keys(cluster, `${ns}/a`) },
    { method: "POST", path: `/api/clusters/${cluster}/import${encodeKey(ns)}`, json: { format: "etcd-dashboard-export", version: 1, nodes: [{ key: "w", value: "x" }] } },
    { method: "POST", path: `/api/clusters/${cluster}/members`, json: { peerURLs: ["http://127.0.0.1:1"] } },
    { method: "DELETE", path: `/api/clusters/${cluster}/members/abcdef` },
    { method: "PUT", path: `/api/clusters/${cluster}/auth` },
    { method: "POST", path: `/api/clusters/${cluster}/auth/narrow-guest`, json: {} },
    { method: "DELETE", path: `/api/clusters/${cluster}/auth/users/nobody` },
  ];
}

async function expectUnchanged(etcd: DirectEtcd, ns: string) {
  expect(await etcd.value(`${ns}/a`)).toBe("original");
  expect(await etcd.value(`${ns}/w`)).toBeUndefined();
  expect((await etcd.get(`${ns}/queue`)).status).toBe(404);
}

test.describe("logins, roles and read-only", () => {
  test.describe.configure({ mode: "serial" });
  let dashboard: DashboardHandle;
  let tempDir: string;
  const cookies: Partial<Record<RoleName, string>> = {};

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-access-"));
    const etcdUrl = process.env.E2E_ETCD_URL!;
    const users = await Promise.all(
      (Object.keys(PASSWORDS) as RoleName[]).map(async (role) => ({ name: USER_OF[role], role, passwordHash: await hashPassword(PASSWORDS[role], CHEAP) })),
    );
    const configFile = path.join(tempDir, "config.json");
    fs.writeFileSync(
      configFile,
      JSON.stringify({ clusters: [{ name: "default", endpoints: [etcdUrl] }, { name: "ro", endpoints: [etcdUrl], readOnly: true }], users }),
    );
    dashboard = await startDashboard({ configFile, env: { ETCD_DASHBOARD_AUDIT_LOG: path.join(tempDir, "audit.jsonl") } });
  });
  test.afterAll(async () => {
    await dashboard?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  async function logIn(role: RoleName): Promise<string> {
    const cached = cookies[role];
    if (cached) return cached;
    const answer = await call(dashboard.url, "/api/session", { method: "POST", json: { username: USER_OF[role], password: PASSWORDS[role] } });
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get("set-cookie")!.split(";")[0]!;
    cookies[role] = cookie;
    return cookie;
  }

  async function browseAs(context: BrowserContext, role: RoleName) {
    const [name = "", value = ""] = (await logIn(role)).split("=");
    await context.addCookies([{ name, value, url: dashboard.url, httpOnly: true, sameSite: "Strict" }]);
  }

  test("without a session, the API answers 401 and a page sends the browser to log in", async ({ page, ns }) => {
    const requests: [string, string][] = [
      ["GET", "/api/clusters"],
      ["GET", keys("default", ns)],
      ["GET", `/api/clusters/default/watch${encodeKey(ns)}`],
      ["GET", "/api/clusters/default/overview"],
      ["PUT", keys("default", `${ns}/a`)],
    ];
    for (const [method, urlPath] of requests) {
      const answer = await call(dashboard.url, urlPath, { method, json: method === "PUT" ? { value: "x" } : undefined });
      expect(answer.status, `${method} ${urlPath}`).toBe(401);
      expect(answer.body.error?.code).toBe("unauthenticated");
    }
    const session = await call(dashboard.url, "/api/session");
    expect(session.body).toEqual({ user: null, loginRequired: true, readOnly: false });

    await page.goto(`${dashboard.url}/keys${ns}/deep?cluster=default`);
    await expect(page).toHaveURL(`${dashboard.url}/login?next=${encodeURIComponent(`/keys${ns}/deep?cluster=default`)}`);
    await expect(page.getByRole("form", { name: "Log in" })).toBeVisible();
    await expect(page).toHaveTitle("Log in · etcd dashboard");
    await expect(page.getByRole("tree")).toHaveCount(0);
  });

  test("logging in in the browser goes where the user was going; logging out ends the session on the server", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/deep`, "hello");
    await page.goto(`${dashboard.url}/login?next=${encodeURIComponent(`/keys${ns}/deep`)}`);
    await page.getByLabel("User name").fill(USER_OF.editor);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("form", { name: "Log in" }).getByRole("alert")).toHaveText("Wrong user name or password.");
    await expect(page.getByLabel("Password")).toHaveValue("");

    await page.getByLabel("Password").fill(PASSWORDS.editor);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(`${dashboard.url}/keys${ns}/deep`);
    await expect(page.getByRole("textbox", { name: "Value" })).toHaveText("hello");
    const account = page.getByRole("region", { name: "Account" });
    await expect(account).toContainText(`${USER_OF.editor} (editor)`);
    const cookie = (await page.context().cookies(dashboard.url))[0]!;
    expect(cookie).toMatchObject({ name: "etcd_dashboard_session", httpOnly: true, sameSite: "Strict", secure: false });

    await account.getByRole("button", { name: "Log out", exact: true }).click();
    await expect(page).toHaveURL(`${dashboard.url}/login`);
    expect(await page.context().cookies(dashboard.url)).toEqual([]);
    // The id the browser held is dead on the server too, not only forgotten by the browser.
    expect((await call(dashboard.url, "/api/clusters", { cookie: `${cookie.name}=${cookie.value}` })).status).toBe(401);
    await page.goto(`${dashboard.url}/keys`);
    await expect(page).toHaveURL(/\/login\?next=%2Fkeys$/);
  });

  test("the session cookie is HttpOnly and SameSite=Strict, and Secure when the dashboard is reached over HTTPS", async () => {
    const plain = await call(dashboard.url, "/api/session", { method: "POST", json: { username: USER_OF.viewer, password: PASSWORDS.viewer } });
    expect(plain.headers.get("set-cookie")).toMatch(/^etcd_dashboard_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const behindTls = await call(dashboard.url, "/api/session", {
      method: "POST",
      json: { username: USER_OF.viewer, password: PASSWORDS.viewer },
      headers: { "x-forwarded-proto": "https" },
    });
    expect(behindTls.headers.get("set-cookie")).toMatch(/; Secure$/);
    expect(behindTls.body).toEqual({ user: { name: USER_OF.viewer, role: "viewer" }, loginRequired: true, readOnly: false });
  });

  test("each role may do only what it may, through the API", async ({ etcd, ns }) => {
    await etcd.put(`${ns}/a`, "original");
    const viewer = await logIn("viewer");
    const editor = await logIn("editor");
    const admin = await logIn("admin");
    for (const cookie of [viewer, editor, admin]) {
      expect((await call(dashboard.url, keys("default", `${ns}/a`), { cookie })).status).toBe(200);
      expect((await call(dashboard.url, "/api/clusters/default/overview", { cookie })).status).toBe(200);
    }
    for (const write of writes(ns, "default")) {
      const answer = await call(dashboard.url, write.path, { method: write.method, json: write.json, cookie: viewer });
      expect(answer.status, `viewer ${write.method} ${write.path}`).toBe(403);
      expect(answer.body.error?.code).toBe("forbidden");
    }
    await expectUnchanged(etcd, ns);

    expect((await call(dashboard.url, keys("default", `${ns}/w`), { method: "PUT", json: { value: "by editor" }, cookie: editor })).status).toBe(201);
    expect(await etcd.value(`${ns}/w`)).toBe("by editor");
    for (const write of writes(ns, "default").slice(4)) {
      const answer = await call(dashboard.url, write.path, { method: write.method, json: write.json, cookie: editor });
      expect(answer.status, `editor ${write.method} ${write.path}`).toBe(403);
      expect(answer.body.error?.message).toBe("This needs the admin role; eddie is an editor.");
    }
    // The admin gets past the role check to the input checks: a member id of the wrong shape is a 400.
    const asAdmin = await call(dashboard.url, "/api/clusters/default/members/not-hex", { method: "DELETE", cookie: admin });
    expect(asAdmin.status).toBe(400);
  });

  test("a read-only cluster refuses every write, whatever the role, and leaves etcd as it was", async ({ etcd, ns }) => {
    await etcd.put(`${ns}/a`, "original");
    const admin = await logIn("admin");
    expect((await call(dashboard.url, keys("ro", `${ns}/a`), { cookie: admin })).body).toMatchObject({ node: { value: "original" } });
    for (const write of writes(ns, "ro")) {
      const answer = await call(dashboard.url, write.path, { method: write.method, json: write.json, cookie: admin });
      expect(answer.status, `${write.method} ${write.path}`).toBe(403);
      expect(answer.body.error?.code).toBe("read_only");
    }
    await expectUnchanged(etcd, ns);
    const clusters = await call(dashboard.url, "/api/clusters", { cookie: admin });
    expect(clusters.body.clusters).toEqual([
      { name: "default", endpointCount: 1, readOnly: false },
      { name: "ro", endpointCount: 1, readOnly: true },
    ]);
  });

  async function expectNoWriteControls(page: Page) {
    await expect(page.getByRole("textbox", { name: "Value" })).toHaveText("original");
    await expect(page.getByRole("textbox", { name: "Value" })).toHaveAttribute("contenteditable", "false");
    for (const name of ["Save", "Discard", "Delete", "Extend", "Set a TTL", "Make permanent", "Pretty-print"]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByLabel("TTL (seconds)")).toHaveCount(0);
    // The rarer actions offer a viewer what only reads: Export.
    await page.getByRole("button", { name: "More actions" }).click();
    await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText(["Export"]);
    await page.keyboard.press("Escape");
  }

  test("a viewer sees keys and stats, and is offered no control that writes", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/a`, "original");
    await browseAs(page.context(), "viewer");
    await page.goto(`${dashboard.url}/keys${ns}/a`);
    await expectNoWriteControls(page);
    await expect(page.getByRole("status", { name: "Read-only" })).toContainText("your role (viewer)");
    await page.goto(`${dashboard.url}/keys${ns}`);
    await expect(page.getByRole("status", { name: "Children count" })).toHaveText("Directory with 1 child.");
    for (const name of ["New key", "New directory", "Add to queue", "Import", "Delete", "Set TTL"]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    // Reading is all an export needs.
    await expect(page.getByRole("button", { name: "Export", exact: true })).toBeVisible();
    await page.goto(`${dashboard.url}/cluster`);
    await expect(page.getByRole("table", { name: "Members" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "etcd auth" })).toHaveCount(0);
    await page.goto(`${dashboard.url}/etcd-auth`);
    await expect(page.getByRole("alert").filter({ hasText: "Only admins" })).toBeVisible();
  });

  test("an editor may edit keys but is offered no membership change; an admin is", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/a`, "original");
    await browseAs(page.context(), "editor");
    await page.goto(`${dashboard.url}/keys${ns}/a`);
    await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
    await expect(page.getByRole("status", { name: "Read-only" })).toHaveCount(0);
    await page.goto(`${dashboard.url}/cluster`);
    await expect(page.getByRole("table", { name: "Members" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "etcd auth" })).toHaveCount(0);
    const auth = await call(dashboard.url, "/api/clusters/default/auth", { cookie: await logIn("editor") });
    expect(auth.body.error?.code).toBe("forbidden");

    await page.context().clearCookies();
    await browseAs(page.context(), "admin");
    await page.goto(`${dashboard.url}/cluster`);
    await expect(page.getByRole("button", { name: "Add member" })).toBeVisible();
    // The only member of this cluster: no Remove, the reason instead (membership controls are the admin's).
    await expect(page.getByRole("table", { name: "Members" })).toContainText("Only member");
    await page.getByRole("link", { name: "etcd auth" }).click();
    await expect(page.getByRole("heading", { name: "etcd auth on default" })).toBeVisible();
    // No root user yet: the set-up checklist with its first step's button, not "Enable auth" too early.
    await expect(page.getByRole("list", { name: "Set-up checklist" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create root user…" })).toBeVisible();
  });

  test("on a read-only cluster even an admin is offered no write, and the page says why", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/a`, "original");
    await browseAs(page.context(), "admin");
    await page.goto(`${dashboard.url}/keys${ns}/a?cluster=ro`);
    await expectNoWriteControls(page);
    await expect(page.getByRole("status", { name: "Read-only" })).toContainText("switched off in the dashboard's configuration");
    await page.goto(`${dashboard.url}/cluster?cluster=ro`);
    await expect(page.getByRole("table", { name: "Members" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
    await page.goto(`${dashboard.url}/etcd-auth?cluster=ro`);
    await expect(page.getByText("Auth is disabled on cluster ro.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" }).or(page.getByText("No users yet."))).toBeVisible();
    for (const name of ["Enable auth…", "Narrow guest…", "Create user", "Create role", "Create root user…"]) {
      await expect(page.getByRole("button", { name })).toHaveCount(0);
    }
    // The writable cluster next to it keeps its controls.
    await page.goto(`${dashboard.url}/keys${ns}/a`);
    await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
  });

  test("logins, failed logins and logouts are in the audit log; a name that is no user's is not", async () => {
    const typo = "correct-horse-battery-typed-as-name";
    expect((await call(dashboard.url, "/api/session", { method: "POST", json: { username: typo, password: "x" } })).status).toBe(401);
    expect((await call(dashboard.url, "/api/session", { method: "POST", json: { username: USER_OF.viewer, password: "wrong" } })).status).toBe(401);
    const login = await call(dashboard.url, "/api/session", { method: "POST", json: { username: USER_OF.viewer, password: PASSWORDS.viewer } });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    expect((await call(dashboard.url, "/api/session", { method: "DELETE", cookie })).status).toBe(204);
    const text = fs.readFileSync(path.join(tempDir, "audit.jsonl"), "utf8");
    expect(text).not.toContain(typo);
    expect(text).not.toContain(PASSWORDS.viewer);
    const entries = text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { user: string; operation: string; options?: { client?: string; role?: string }; result: { ok: boolean } });
    const tail = entries.slice(-4).map((e) => [e.operation, e.user, e.result.ok]);
    expect(tail).toEqual([
      ["login-failed", "(unknown user name)", false],
      ["login-failed", USER_OF.viewer, false],
      ["login", USER_OF.viewer, true],
      ["logout", USER_OF.viewer, true],
    ]);
    expect(entries.at(-2)?.options).toEqual({ client: "127.0.0.1", role: "viewer" });
  });

  // Last: the failed logins it makes slow down every later login from this address.
  test("failed logins from one address are slowed down, with Retry-After", async () => {
    const attempt = () => call(dashboard.url, "/api/session", { method: "POST", json: { username: USER_OF.admin, password: "guess" } });
    // Three failures are free; the unknown name tried above was one of this address's (no success took it back).
    let slowed = await attempt();
    for (let i = 0; i < 3 && slowed.status === 401; i++) slowed = await attempt();
    expect(slowed.status).toBe(429);
    expect(slowed.body.error?.code).toBe("too_many_attempts");
    expect(Number(slowed.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Even the right password waits its turn.
    const right = await call(dashboard.url, "/api/session", { method: "POST", json: { username: USER_OF.admin, password: PASSWORDS.admin } });
    expect(right.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(slowed.headers.get("retry-after")) * 1000 + 100));
    const later = await call(dashboard.url, "/api/session", { method: "POST", json: { username: USER_OF.admin, password: PASSWORDS.admin } });
    expect(later.status).toBe(200);
  });
});

test("the global read-only switch refuses every write on every cluster, and the pages offer none", async ({ page, etcd, ns }) => {
  test.setTimeout(90_000);
  await etcd.put(`${ns}/a`, "original");
  const dashboard = await startDashboard({ etcdEndpoints: [process.env.E2E_ETCD_URL!], env: { ETCD_DASHBOARD_READ_ONLY: "true", ETCD_DASHBOARD_CONFIG: undefined } });
  try {
    for (const write of writes(ns, "default")) {
      const answer = await call(dashboard.url, write.path, { method: write.method, json: write.json });
      expect(answer.status, `${write.method} ${write.path}`).toBe(403);
      expect(answer.body.error?.code).toBe("read_only");
    }
    await expectUnchanged(etcd, ns);
    expect((await call(dashboard.url, "/api/session")).body).toEqual({ user: { name: "anonymous", role: "admin" }, loginRequired: false, readOnly: true });
    await page.goto(`${dashboard.url}/keys${ns}/a`);
    await expect(page.getByRole("textbox", { name: "Value" })).toHaveText("original");
    await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
    await expect(page.getByRole("status", { name: "Read-only" })).toBeVisible();
    // No login is configured: no account section, and /login leads back to the dashboard.
    await expect(page.getByRole("region", { name: "Account" })).toHaveCount(0);
    await page.goto(`${dashboard.url}/login`);
    await expect(page).toHaveURL(`${dashboard.url}/keys`);
  } finally {
    await dashboard.stop();
  }
});
