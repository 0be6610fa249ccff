// The sidebar's connection badge on every page, in many tabs at once: it reads the cluster monitor's shared
// poll, so the etcd requests for version, members and health do not grow with the number of open tabs
// (issue [10], item 14). etcd sits behind a counting forwarder (lib/testing/counting-proxy.ts) that it also
// advertises as its client URL, so the per-member requests of a poll are counted too.
import { startDashboard, type DashboardHandle } from "../scripts/lib/dashboard.mjs";
import { freePort, startEtcd, type EtcdHandle } from "../scripts/lib/etcd-harness.mjs";
import { startCountingProxy, type CountingProxy } from "../lib/testing/counting-proxy";
import { expect, test } from "./fixtures";

const BADGE_REFRESH_MS = 10_000;
const PATHS = ["/v2/members", "/version", "/health"] as const;

test.describe("the connection badge in many tabs", () => {
  let proxy: CountingProxy;
  let etcd: EtcdHandle;
  let dashboard: DashboardHandle;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    const clientPort = await freePort();
    proxy = await startCountingProxy(`http://127.0.0.1:${clientPort}`);
    etcd = await startEtcd({ name: "badge-polls", clientPort, extraArgs: ["--advertise-client-urls", proxy.url] });
    dashboard = await startDashboard({ etcdEndpoints: [proxy.url], env: { ETCD_DASHBOARD_CONFIG: undefined } });
  });
  test.afterAll(async () => {
    await dashboard?.stop();
    await etcd?.stop();
    await proxy?.close();
  });

  test("eight open tabs ask etcd for version, members and health no more often than one would", async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext();
    try {
      const pages = [];
      for (const urlPath of ["/keys", "/keys", "/keys", "/keys", "/watch", "/audit", "/", "/keys"]) {
        const page = await context.newPage();
        await page.goto(dashboard.url + urlPath);
        await expect(page.getByRole("status", { name: "Connection" })).toContainText("1/1 members healthy");
        pages.push(page);
      }
      const before = new Map(PATHS.map((path) => [path, proxy.count(path)]));
      // Two badge refreshes and a bit: each tab polls twice in this window.
      const windowMs = 2 * BADGE_REFRESH_MS + 1_000;
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      for (const page of pages) await expect(page.getByRole("status", { name: "Connection" })).toContainText("1/1 members healthy");
      const made = Object.fromEntries(PATHS.map((path) => [path, proxy.count(path) - before.get(path)!]));
      // One shared poll per refresh interval (3 at most in this window, a poll that straddles its start
      // included); one poll per tab per interval would be 16 or more.
      const allowed = Math.ceil(windowMs / BADGE_REFRESH_MS) + 1;
      for (const path of PATHS) expect(made[path], `${path}: ${JSON.stringify(made)}`).toBeLessThanOrEqual(allowed);
      // The tabs did poll in the window: the badge reads a poll, not a value fixed at page load.
      expect(made["/v2/members"]).toBeGreaterThanOrEqual(1);
    } finally {
      await context.close();
    }
  });
});
