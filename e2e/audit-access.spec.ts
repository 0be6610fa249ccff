// The audit log with logins: only admins may read it (the API answers 403 to the others, the page and the
// sidebar offer it to admins only), and entries carry the name of the user who wrote. A dashboard of our
// own with users, on the shared etcd.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startDashboard, type DashboardHandle } from "../scripts/lib/dashboard.mjs";
import { hashPassword } from "../scripts/lib/password-hash.mjs";
import { encodeKey, expect, test } from "./fixtures";

const USERS = [
  { name: "vic", role: "viewer", password: "vic-password-1" },
  { name: "eve", role: "editor", password: "eve-password-2" },
  { name: "ann", role: "admin", password: "ann-password-3" },
] as const;
type UserName = (typeof USERS)[number]["name"];

test.describe("the audit log with logins", () => {
  test.describe.configure({ mode: "serial" });
  let dashboard: DashboardHandle;
  let tempDir: string;
  const cookies = new Map<UserName, string>();

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-audit-access-"));
    // A cheap scrypt cost keeps the logins quick.
    const users = await Promise.all(USERS.map(async ({ name, role, password }) => ({ name, role, passwordHash: await hashPassword(password, { N: 1024, r: 8, p: 1 }) })));
    const configFile = path.join(tempDir, "config.json");
    fs.writeFileSync(configFile, JSON.stringify({ clusters: [{ name: "default", endpoints: [process.env.E2E_ETCD_URL!] }], users }));
    dashboard = await startDashboard({ configFile, env: { ETCD_DASHBOARD_AUDIT_LOG: path.join(tempDir, "audit.jsonl") } });
    for (const { name, password } of USERS) {
      const response = await fetch(`${dashboard.url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: name, password }) });
      expect(response.status).toBe(200);
      cookies.set(name, response.headers.get("set-cookie")!.split(";")[0]!);
    }
  });
  test.afterAll(async () => {
    await dashboard?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  const as = (user: UserName, urlPath: string, init: RequestInit = {}) =>
    fetch(dashboard.url + urlPath, { ...init, headers: { ...init.headers, cookie: cookies.get(user)!, "content-type": "application/json" } });
  const writeAs = async (user: UserName, key: string) => {
    const response = await as(user, `/api/clusters/default/keys${encodeKey(key)}`, { method: "PUT", body: JSON.stringify({ value: "x" }) });
    expect(response.status).toBe(201);
  };

  test("only an admin may read it; each entry names the user who wrote", async ({ ns }) => {
    await writeAs("eve", `${ns}/by-eve`);
    await writeAs("ann", `${ns}/by-ann`);
    for (const user of ["vic", "eve"] as const) {
      const response = await as(user, "/api/audit");
      expect(response.status, user).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    expect((await fetch(`${dashboard.url}/api/audit`)).status).toBe(401);

    const response = await as("ann", `/api/audit?q=${encodeURIComponent(ns)}`);
    expect(response.status).toBe(200);
    const { entries } = (await response.json()) as { entries: { user: string; key: string }[] };
    expect(entries.map((e) => [e.user, e.key])).toEqual([
      ["ann", `${ns}/by-ann`],
      ["eve", `${ns}/by-eve`],
    ]);
    const byEve = (await (await as("ann", `/api/audit?q=${encodeURIComponent(ns)}&user=eve`)).json()) as { entries: { key: string }[] };
    expect(byEve.entries.map((e) => e.key)).toEqual([`${ns}/by-eve`]);
  });

  test("the sidebar and the page offer it to admins only", async ({ page, ns }) => {
    const browseAs = async (user: UserName) => {
      await page.context().clearCookies();
      const [name = "", value = ""] = cookies.get(user)!.split("=");
      await page.context().addCookies([{ name, value, url: dashboard.url, httpOnly: true, sameSite: "Strict" }]);
    };
    const auditLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" });

    for (const user of ["vic", "eve"] as const) {
      await browseAs(user);
      const audit: string[] = [];
      page.on("request", (request) => {
        if (new URL(request.url()).pathname === "/api/audit") audit.push(request.url());
      });
      await page.goto(`${dashboard.url}/audit?q=${encodeURIComponent(ns)}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Only admins can read the audit log.");
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Keys" })).toBeVisible();
      await expect(auditLink).toHaveCount(0);
      await expect(page.getByRole("form", { name: "Filter" })).toHaveCount(0);
      expect(audit).toEqual([]);
      page.removeAllListeners("request");
    }

    await writeAs("eve", `${ns}/by-eve`);
    await browseAs("ann");
    await page.goto(`${dashboard.url}/keys`);
    await auditLink.click();
    await expect(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();
    await page.getByRole("form", { name: "Filter" }).getByLabel("User").fill("eve");
    await page.getByRole("form", { name: "Filter" }).getByLabel("Key, member or etcd name contains").fill(ns);
    await page.getByRole("form", { name: "Filter" }).getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(`${dashboard.url}/audit?user=eve&q=${encodeURIComponent(ns)}`);
    const rows = page.getByRole("table", { name: "Audit log" }).getByRole("row").filter({ has: page.getByRole("cell") });
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole("cell").nth(1)).toHaveText("eve");
  });
});
