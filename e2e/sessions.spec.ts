// Sessions against a dashboard of our own whose config file the tests rewrite while it runs: users, roles
// and read-only switches apply within seconds without a restart, an invalid file keeps the last valid one,
// a removed user's sessions end, watch streams (v2 and v3) end with their session (logout, removal, idle timeout, log out
// everywhere), and "log out everywhere" for oneself and, as an admin, for anyone; in the API and the user menu.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startDashboard, type DashboardHandle } from "../scripts/lib/dashboard.mjs";
import { hashPassword } from "../scripts/lib/password-hash.mjs";
import { encodeKeyParam } from "../lib/keyspace3/key-url";
import { encodeKey, expect, test } from "./fixtures";
import { actionFrames, openStream, type OpenStream } from "./sse-client";

const CHEAP = { N: 1024, r: 8, p: 1 };
const b64 = (text: string) => Buffer.from(text).toString("base64");
type Role = "viewer" | "editor" | "admin";
const PEOPLE: Record<string, { role: Role; password: string }> = {
  vera: { role: "viewer", password: "vera-password-1" },
  eddie: { role: "editor", password: "eddie-password-2" },
  ada: { role: "admin", password: "ada-password-3" },
  mallory: { role: "viewer", password: "mallory-password-4" },
};
/** The config file takes effect within a few seconds: wait for it generously. */
const APPLIES_WITHIN = { timeout: 10_000, intervals: [250] };

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

test.describe("config reloads and session ends", () => {
  test.describe.configure({ mode: "serial" });
  let dashboard: DashboardHandle;
  let tempDir: string;
  let configFile: string;
  let auditLog: string;
  const hashes: Record<string, string> = {};
  const streams: OpenStream[] = [];
  const ns = `/e2e/sessions${Date.now().toString(36)}`;

  /** Writes the config file whole (a rename, as editors and ConfigMaps do) with these users and switches. */
  function writeConfig(roles: Record<string, Role>, extra: { readOnlyDefault?: boolean; file?: object } = {}) {
    const users = Object.entries(roles).map(([name, role]) => ({ name, role, passwordHash: hashes[name]! }));
    const config = { clusters: [{ name: "default", endpoints: [process.env.E2E_ETCD_URL!], readOnly: extra.readOnlyDefault === true }], users, ...extra.file };
    writeRaw(JSON.stringify(config));
  }
  function writeRaw(text: string) {
    const next = `${configFile}.next`;
    fs.writeFileSync(next, text);
    fs.renameSync(next, configFile);
  }
  const everyone = () => Object.fromEntries(Object.entries(PEOPLE).map(([name, { role }]) => [name, role]));

  async function call(urlPath: string, init: { method?: string; cookie?: string; json?: unknown } = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (init.cookie) headers.cookie = init.cookie;
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(dashboard.url + urlPath, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
  }
  async function logIn(name: string): Promise<string> {
    const answer = await call("/api/session", { method: "POST", json: { username: name, password: PEOPLE[name]!.password } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.headers.get("set-cookie")!.split(";")[0]!;
  }
  /** A watch stream of `ns` in the v2 keyspace, or (`v3`) of the v3 keys starting with it: both end with their session. */
  async function watch(cookie: string, keyspace: "v2" | "v3" = "v2"): Promise<OpenStream> {
    const url = keyspace === "v3" ? `/api/clusters/default/v3/watch?key=${encodeKeyParam(Buffer.from(ns))}&prefix=true` : `/api/clusters/default/watch${encodeKey(ns)}?recursive=true`;
    const stream = await openStream(dashboard.url + url, { cookie });
    streams.push(stream);
    expect(stream.status).toBe(200);
    await stream.until((f) => f.some((x) => x.event === "ready"));
    return stream;
  }
  /** Whether the stream has ended within `ms`. */
  const endsWithin = (stream: OpenStream, ms: number) => Promise.race([stream.ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
  const put = (cookie: string, key: string) => call(`/api/clusters/default/keys${encodeKey(`${ns}/${key}`)}`, { method: "PUT", cookie, json: { value: "x" } });
  const auditEntries = () => (fs.existsSync(auditLog) ? fs.readFileSync(auditLog, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)) : []);

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-sessions-"));
    configFile = path.join(tempDir, "config.json");
    auditLog = path.join(tempDir, "audit.jsonl");
    for (const [name, { password }] of Object.entries(PEOPLE)) hashes[name] = await hashPassword(password, CHEAP);
    writeConfig(everyone());
    dashboard = await startDashboard({ configFile, env: { ETCD_DASHBOARD_AUDIT_LOG: auditLog } });
  });
  test.afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });
  test.afterAll(async () => {
    await dashboard?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
    await fetch(`${process.env.E2E_ETCD_URL}/v2/keys${ns}?recursive=true`, { method: "DELETE" }).catch(() => undefined);
    await fetch(`${process.env.E2E_ETCD_URL}/v3/kv/deleterange`, { method: "POST", body: JSON.stringify({ key: b64(ns), range_end: b64(`${ns}0`) }) }).catch(() => undefined);
  });

  test("a user removed from the config file is logged out within seconds, cannot log in again, and their watch stream ends", async () => {
    const cookie = await logIn("mallory");
    const stream = await watch(cookie);
    const stream3 = await watch(cookie, "v3");
    expect((await call("/api/clusters", { cookie })).status).toBe(200);
    const { mallory: _removed, ...rest } = everyone();
    writeConfig(rest);
    await expect.poll(async () => (await call("/api/clusters", { cookie })).status, APPLIES_WITHIN).toBe(401);
    expect(await endsWithin(stream, 5_000)).toBe(true);
    expect(await endsWithin(stream3, 5_000)).toBe(true);
    const again = await call("/api/session", { method: "POST", json: { username: "mallory", password: PEOPLE.mallory!.password } });
    expect(again.status).toBe(401);
    writeConfig(everyone());
    await expect.poll(async () => (await call("/api/session", { method: "POST", json: { username: "mallory", password: PEOPLE.mallory!.password } })).status, APPLIES_WITHIN).toBe(200);
  });

  test("a demoted editor can no longer write, and a read-only switch turned on refuses writes, without a restart", async () => {
    const cookie = await logIn("eddie");
    expect((await put(cookie, "before")).status).toBeLessThan(300);
    writeConfig({ ...everyone(), eddie: "viewer" });
    await expect.poll(async () => (await put(cookie, "demoted")).body.error?.code, APPLIES_WITHIN).toBe("forbidden");
    expect((await call("/api/session", { cookie })).body.user).toEqual({ name: "eddie", role: "viewer" });
    writeConfig(everyone(), { readOnlyDefault: true });
    await expect.poll(async () => (await put(cookie, "read-only")).body.error?.code, APPLIES_WITHIN).toBe("read_only");
    writeConfig(everyone(), { file: { readOnly: true } });
    await expect.poll(async () => (await call("/api/session", { cookie })).body.readOnly, APPLIES_WITHIN).toBe(true);
    writeConfig(everyone());
    await expect.poll(async () => (await put(cookie, "after")).status, APPLIES_WITHIN).toBeLessThan(300);
  });

  test("an invalid new config file keeps the last valid one and the server log says why", async () => {
    const cookie = await logIn("vera");
    writeRaw("{ not json");
    await expect.poll(() => dashboard.output(), APPLIES_WITHIN).toMatch(/config file .* changed but cannot be used[^]*not valid JSON/);
    writeRaw(JSON.stringify({ users: [{ name: "vera", role: "viewer", passwordHash: "the password itself" }] }));
    await expect.poll(() => dashboard.output(), APPLIES_WITHIN).toMatch(/a passwordHash is what/);
    writeRaw(JSON.stringify({ clusters: [{ name: "default", endpoints: [process.env.E2E_ETCD_URL!] }] }));
    await expect.poll(() => dashboard.output(), APPLIES_WITHIN).toMatch(/list no users, which would turn logins off/);
    expect((await call("/api/clusters", { cookie })).status).toBe(200);
    expect((await call("/api/clusters")).status).toBe(401);
    await logIn("eddie");
    writeConfig(everyone());
  });

  test("a watch stream ends at its session's logout; another session's stream goes on", async () => {
    const first = await logIn("vera");
    const second = await logIn("vera");
    const ending = await watch(first);
    const ending3 = await watch(first, "v3");
    const staying = await watch(second);
    const staying3 = await watch(second, "v3");
    expect((await call("/api/session", { method: "DELETE", cookie: first })).status).toBe(204);
    expect(await endsWithin(ending, 5_000)).toBe(true);
    expect(await endsWithin(ending3, 5_000)).toBe(true);
    await fetch(`${process.env.E2E_ETCD_URL}/v2/keys${ns}/after-logout`, { method: "PUT", body: new URLSearchParams({ value: "v" }) });
    await staying.until((f) => actionFrames(f).length >= 1);
    expect(actionFrames(ending.frames)).toHaveLength(0);
    await fetch(`${process.env.E2E_ETCD_URL}/v3/kv/put`, { method: "POST", body: JSON.stringify({ key: b64(`${ns}/after-logout`), value: b64("v") }) });
    await staying3.until((f) => f.some((x) => x.event === "put"));
    expect(ending3.frames.filter((x) => x.event === "put")).toHaveLength(0);
  });

  test("log out everywhere: yourself with any role, anyone as an admin; sessions and streams end, audited", async () => {
    const veraA = await logIn("vera");
    const veraB = await logIn("vera");
    const stream = await watch(veraB);
    const eddie = await logIn("eddie");
    const ada = await logIn("ada");
    expect((await call("/api/sessions?user=vera", { method: "DELETE", cookie: eddie })).body.error?.code).toBe("forbidden");
    expect((await call("/api/sessions", { cookie: eddie })).status).toBe(403);
    const listed = await call("/api/sessions", { cookie: ada });
    expect(listed.body.users.find((u: { name: string }) => u.name === "vera")).toMatchObject({ role: "viewer", sessions: expect.any(Number) });

    const own = await call("/api/sessions?user=vera", { method: "DELETE", cookie: veraA });
    expect(own.status).toBe(200);
    expect(own.body.ended).toBeGreaterThanOrEqual(2);
    expect((await call("/api/clusters", { cookie: veraB })).status).toBe(401);
    expect(await endsWithin(stream, 5_000)).toBe(true);

    const eddieStream = await watch(eddie);
    expect((await call("/api/sessions?user=eddie", { method: "DELETE", cookie: ada })).body.ended).toBeGreaterThanOrEqual(1);
    expect((await call("/api/clusters", { cookie: eddie })).status).toBe(401);
    expect(await endsWithin(eddieStream, 5_000)).toBe(true);
    expect((await call("/api/clusters", { cookie: ada })).status).toBe(200);
    await expect.poll(() => auditEntries().filter((e) => e.operation === "logout-everywhere").map((e) => [e.user, e.options.of])).toEqual([
      ["vera", "vera"],
      ["ada", "eddie"],
    ]);
  });

  test("the user menu logs you out everywhere; an admin's Sessions dialog logs out anyone", async ({ browser }) => {
    const veraElsewhere = await logIn("vera");
    const admin = await browser.newContext({ baseURL: dashboard.url });
    const page = await admin.newPage();
    await page.goto("/login");
    await page.getByLabel("User name").fill("ada");
    await page.getByLabel("Password").fill(PEOPLE.ada!.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("region", { name: "Account" }).getByRole("button", { name: "Sessions" }).click();
    const dialog = page.getByRole("dialog", { name: "Sessions" });
    await dialog.getByRole("button", { name: "Log out everywhere: vera" }).click();
    await expect(dialog.getByRole("status")).toHaveText(/vera: \d+ sessions? ended/);
    expect((await call("/api/clusters", { cookie: veraElsewhere })).status).toBe(401);
    await page.keyboard.press("Escape");

    const adaElsewhere = await logIn("ada");
    await page.getByRole("region", { name: "Account" }).getByRole("button", { name: "Log out everywhere" }).click();
    await expect(page).toHaveURL(/\/login/);
    expect((await call("/api/clusters", { cookie: adaElsewhere })).status).toBe(401);
    await admin.close();
  });

  test("a session unused for longer than sessionIdleMinutes ends, and its watch stream with it", async () => {
    writeConfig(everyone(), { file: { sessionIdleMinutes: 0.05 } });
    // Wait until the short timeout is in force: a session idle for 4 s is then gone.
    await expect
      .poll(
        async () => {
          const probe = await logIn("vera");
          await new Promise((r) => setTimeout(r, 4_000));
          return (await call("/api/clusters", { cookie: probe })).status;
        },
        { timeout: 20_000, intervals: [0] },
      )
      .toBe(401);
    const cookie = await logIn("vera");
    const stream = await watch(cookie);
    expect(await endsWithin(stream, 8_000)).toBe(true);
    expect((await call("/api/clusters", { cookie })).status).toBe(401);
    writeConfig(everyone());
  });
});
