// The home page as an overview: each cluster's card links into its pages and shows its health, leader,
// members, top-level keys, version and recent writes (newest first, each a link to its key). A dashboard of
// its own, so that no other spec's writes come between this one's in the audit log.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startOwnEtcd, type OwnEtcd } from "./own-etcd";

let own: OwnEtcd;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  own = await startOwnEtcd("home-overview", (url) => [{ name: "default", endpoints: [url] }]);
  for (const [key, value] of [["/apps/web/port", "80"], ["/apps/web/config.json", "{}"], ["/readme", "hi"]]) {
    const response = await fetch(`${own.dashboard.url}/api/clusters/default/keys${key}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ value }),
    });
    expect(response.status).toBe(201);
  }
});

test.afterAll(async () => {
  await own?.stop();
});

async function overview(page: Page) {
  await page.goto(`${own.dashboard.url}/`);
  const card = page.getByRole("article", { name: "Cluster default" });
  const health = card.getByLabel("Health of default");
  const facts = health.getByRole("definition");
  await expect(health.getByRole("term")).toHaveText(["Health", "Leader", "Members", "Top-level keys"]);
  await expect(facts).toHaveText(["1 of 1 members healthy", /\S/, "1", "2"]);
  await expect(card.getByRole("status", { name: "etcd version" })).toContainText("3.4");

  const pages = card.getByRole("navigation", { name: "Pages of default" });
  await expect(pages.getByRole("link")).toHaveText(["Keys", "Cluster", "Watch", "Audit log"]);

  const writes = card.getByRole("region", { name: "Recent writes to default" });
  await expect(writes.getByRole("listitem").getByRole("link")).toHaveText(["/readme", "/apps/web/config.json", "/apps/web/port"]);
  await writes.getByRole("link", { name: "/apps/web/config.json" }).click();
  await expect(page).toHaveURL(/\/keys\/apps\/web\/config\.json$/);
  await expect(page.getByRole("heading", { name: "/apps/web/config.json" })).toBeVisible();

  await page.goBack();
  await card.getByRole("navigation", { name: "Pages of default" }).getByRole("link", { name: "Cluster" }).click();
  await expect(page).toHaveURL(/\/cluster$/);
}

test.describe("home overview", () => {
  test("a card per cluster with its health, leader, members, keys, version, recent writes and links into its pages", async ({ page }) => {
    await overview(page);
  });
});

test.describe("home overview at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("a card per cluster with its health, leader, members, keys, version, recent writes and links into its pages", async ({ page }) => {
    await overview(page);
  });
});
