// What a stranger and a guesser can do against a dashboard with logins (issue [10], items 1, 7 and 11): the
// login throttle counts per address and per user name and reserves each attempt before the password is
// checked; no page says anything before login; the Secure session cookie has the `__Host-` prefix and wins
// over a cookie of the plain name that any page of the host may set.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { startDashboard, type DashboardHandle } from "../scripts/lib/dashboard.mjs";
import { DEFAULT_COST, hashPassword } from "../scripts/lib/password-hash.mjs";
import { expect, test } from "./fixtures";

const CHEAP = { N: 1024, r: 8, p: 1 };
const CLUSTER_NAMES = ["payments-prod-7f3a", "ledger-archive-b21c"];
const PASSWORDS = { vera: "vera-password-1", ada: "ada-password-3", olga: "olga-password-4" } as const;

interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

/** One request, from `from` (a loopback address: the throttle counts per client address, taken from the socket). */
function call(base: string, urlPath: string, init: { method?: string; cookie?: string; json?: unknown; headers?: Record<string, string>; from?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  const body = init.json === undefined ? undefined : JSON.stringify(init.json);
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(urlPath, base), { method: init.method ?? "GET", headers, localAddress: init.from ?? "127.0.0.1", agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) answerHeaders.set(name, [value].flat().join(", "));
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), headers: answerHeaders });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

test.describe("logins and sessions against a stranger and a guesser", () => {
  test.describe.configure({ mode: "serial" });
  let dashboard: DashboardHandle;
  let tempDir: string;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-login-hardening-"));
    const etcdUrl = process.env.E2E_ETCD_URL!;
    const users = [
      { name: "vera", role: "viewer", passwordHash: await hashPassword(PASSWORDS.vera, CHEAP) },
      // A real cost (about 75 ms a check): parallel guesses overlap their checks as they would in production.
      { name: "ada", role: "admin", passwordHash: await hashPassword(PASSWORDS.ada, DEFAULT_COST) },
      { name: "olga", role: "admin", passwordHash: await hashPassword(PASSWORDS.olga, CHEAP) },
    ];
    const configFile = path.join(tempDir, "config.json");
    fs.writeFileSync(
      configFile,
      JSON.stringify({ clusters: [{ name: CLUSTER_NAMES[0], endpoints: [etcdUrl] }, { name: CLUSTER_NAMES[1], endpoints: [etcdUrl, etcdUrl.replace("127.0.0.1", "localhost")], readOnly: true }], users }),
    );
    dashboard = await startDashboard({ configFile, env: { ETCD_DASHBOARD_AUDIT_LOG: path.join(tempDir, "audit.jsonl") } });
  });
  test.afterAll(async () => {
    await dashboard?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  const logIn = (user: string, password: string, opts: { headers?: Record<string, string>; from?: string } = {}) =>
    call(dashboard.url, "/api/session", { method: "POST", json: { username: user, password }, ...opts });

  test("before login, every page is a redirect to the login page and says nothing of the clusters", async ({ page }) => {
    for (const urlPath of ["/", "/keys", "/keys/a/b?cluster=ledger-archive-b21c", "/cluster", "/watch", "/audit", "/etcd-auth", "/no-such-page"]) {
      for (const headers of [{}, { rsc: "1" }] as Record<string, string>[]) {
        const answer = await call(dashboard.url, urlPath, { headers });
        const what = `${urlPath} ${JSON.stringify(headers)}`;
        for (const name of CLUSTER_NAMES) expect(answer.text, what).not.toContain(name);
        expect(answer.text, what).not.toMatch(/endpoints?|read-only/);
        expect(answer.status, what).toBe(307);
        expect(answer.headers.get("location")).toBe(`/login?next=${encodeURIComponent(urlPath)}`);
      }
    }
    const login = await call(dashboard.url, "/login");
    expect(login.status).toBe(200);
    for (const name of CLUSTER_NAMES) expect(login.text).not.toContain(name);

    await page.goto(`${dashboard.url}/`);
    await expect(page).toHaveURL(`${dashboard.url}/login?next=%2F`);
    await expect(page.getByRole("form", { name: "Log in" })).toBeVisible();

    // After login the home page lists them.
    const cookie = (await logIn("olga", PASSWORDS.olga)).headers.get("set-cookie")!.split(";")[0]!;
    const home = await call(dashboard.url, "/", { cookie });
    expect(home.status).toBe(200);
    expect(home.text).toContain(CLUSTER_NAMES[0]);
  });

  test("over HTTPS the session cookie is __Host- prefixed, and it wins over a plain cookie another port may toss", async () => {
    const secure = await logIn("olga", PASSWORDS.olga, { headers: { "x-forwarded-proto": "https" } });
    expect(secure.status).toBe(200);
    const setCookie = secure.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__Host-etcd_dashboard_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/);
    expect(setCookie).not.toMatch(/Domain=/i);
    const session = setCookie.split(";")[0]!;
    // A page on another port of this host sets the plain name with a narrower Path: the browser sends it first.
    const tossed = `etcd_dashboard_session=attackers-own-session-id; ${session}`;
    const clusters = await call(dashboard.url, "/api/clusters", { cookie: tossed });
    expect(clusters.status).toBe(200);
    const me = JSON.parse((await call(dashboard.url, "/api/session", { cookie: tossed })).text);
    expect(me.user).toEqual({ name: "olga", role: "admin" });
    // Logging out over HTTPS clears the same cookie.
    const out = await call(dashboard.url, "/api/session", { method: "DELETE", cookie: session, headers: { "x-forwarded-proto": "https" } });
    expect(out.headers.get("set-cookie")).toMatch(/^__Host-etcd_dashboard_session=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0; Secure$/);
    // Over plain HTTP the cookie can't be Secure, so it keeps the plain name.
    expect((await logIn("olga", PASSWORDS.olga)).headers.get("set-cookie")).toMatch(/^etcd_dashboard_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
  });

  // The two below guess from addresses of their own (the whole of 127.0.0.0/8 is loopback).
  test("logging in as yourself between guesses does not reset the count of guesses at another user's password", async () => {
    const from = "127.0.0.3";
    const answers: number[] = [];
    for (let round = 0; round < 4; round++) {
      answers.push((await logIn("olga", "guess-1", { from })).status, (await logIn("olga", "guess-2", { from })).status);
      const own = await logIn("vera", PASSWORDS.vera, { from });
      if (own.status === 429) break;
    }
    // Three guesses are free; the next ones wait, however often vera logged in in between.
    expect(answers.filter((status) => status === 401)).toHaveLength(3);
    expect(answers).toContain(429);
  });

  test("100 parallel wrong passwords: only a handful are checked, the rest are 429 with Retry-After", async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => logIn("ada", `parallel-guess-${i}`, { from: "127.0.0.2" })));
    const seconds = (Date.now() - started) / 1000;
    const checked = answers.filter((a) => a.status === 401);
    const refused = answers.filter((a) => a.status === 429);
    // Three are free; then each waits 1 s, 2 s, 4 s … after the one before: on a loaded machine the 100 take
    // more than a second to arrive, and the waits that ran out meanwhile let one more through each.
    expect(checked.length).toBeLessThanOrEqual(3 + Math.floor(Math.log2(seconds + 1)));
    expect(refused.length).toBe(100 - checked.length);
    for (const answer of refused) {
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(answer.text).error.code).toBe("too_many_attempts");
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
