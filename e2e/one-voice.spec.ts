// An etcd that never answers (frozen with SIGSTOP): one connection banner with Retry, the same words on the
// Keys and Cluster pages ("etcd timed out", never "Unexpected server error"), and Retry recovers after SIGCONT.
// A private etcd and dashboard: freezing the shared etcd would fail every other spec.
import type { Locator, Page } from "@playwright/test";
import { startDashboard, type DashboardHandle } from "../scripts/lib/dashboard.mjs";
import { startEtcd, type EtcdHandle } from "../scripts/lib/etcd-harness.mjs";
import { expect, test } from "./fixtures";
import { closeSiteMenu, openSiteMenu, showTree } from "./narrow-layout";

const banner = (page: Page) => page.getByRole("alert", { name: "Connection problem" });

/** Checks the sidebar's connection badge (on a phone it is in the Menu: opened for the check, closed after). */
async function expectBadge(page: Page, check: (badge: Locator) => Promise<void>) {
  await openSiteMenu(page);
  await check(page.getByRole("status", { name: "Connection" }));
  await closeSiteMenu(page);
}

async function frozenEtcdSpeaksWithOneVoice(page: Page, dashboard: DashboardHandle, etcd: EtcdHandle) {
  test.setTimeout(90_000);
  await page.goto(dashboard.url + "/keys/voice/a");
  await expectBadge(page, (badge) => expect(badge).toContainText("members healthy"));
  process.kill(etcd.pid, "SIGSTOP");
  try {
    // The monitor's poll and the key reads wait out their 1 s deadline; the badge polls every 10 s (Retry is quicker).
    await page.reload();
    await expect(banner(page)).toHaveCount(1, { timeout: 20_000 });
    await expect(banner(page)).toContainText("etcd timed out");
    await expect(banner(page)).toContainText("Check that etcd is running");
    // The badge, the key panel and the tree say the same title, nothing else.
    await expectBadge(page, (badge) => expect(badge).toHaveText("etcd timed out"));
    await expect(page.getByRole("region", { name: "Selected key" })).toContainText("etcd timed out");
    await expect(page.locator("body")).not.toContainText(/Unexpected server error|Could not load|etcd unreachable:|did not answer in time \(/);
    await showTree(page);
    await expect(page.getByRole("region", { name: "Key tree" }).getByRole("alert")).toHaveText("etcd timed out");

    await page.goto(dashboard.url + "/cluster");
    await expect(banner(page)).toHaveCount(1, { timeout: 20_000 });
    await expect(banner(page)).toContainText("etcd timed out");
    await expect(page.getByRole("region", { name: "etcd timed out" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Unexpected server error");
  } finally {
    process.kill(etcd.pid, "SIGCONT");
  }
  // Retry reads everything again: the banner goes, the members come back.
  await banner(page).getByRole("button", { name: "Retry", exact: true }).click();
  await expect(banner(page)).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByRole("table", { name: "Members" })).toBeVisible();
  await page.goto(dashboard.url + "/keys/voice/a");
  await showTree(page);
  await expect(page.getByRole("region", { name: "Key tree" }).getByRole("treeitem", { name: /voice/ })).toBeVisible();
}

for (const [width, viewport] of [
  ["desktop", undefined],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test.describe(`A frozen etcd speaks with one voice (${width})`, () => {
    if (viewport) test.use({ viewport });
    let etcd: EtcdHandle;
    let dashboard: DashboardHandle;
    test.beforeAll(async () => {
      test.setTimeout(90_000);
      etcd = await startEtcd({ name: `voice-${width}` });
      await fetch(`${etcd.clientURL}/v2/keys/voice/a`, { method: "PUT", body: new URLSearchParams({ value: "1" }) });
      dashboard = await startDashboard({ etcdEndpoints: [etcd.clientURL], env: { ETCD_TIMEOUT_MS: "1000", ETCD_STATS_INTERVAL_MS: "1000" } });
    });
    test.afterAll(async () => {
      if (etcd) process.kill(etcd.pid, "SIGCONT");
      await Promise.allSettled([dashboard?.stop(), etcd?.stop()]);
    });
    test("one banner with Retry, the same words on Keys and Cluster; Retry recovers after SIGCONT", async ({ page }) => frozenEtcdSpeaksWithOneVoice(page, dashboard, etcd));
  });
}
