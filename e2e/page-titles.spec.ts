// Tab titles say where you are: the key, the page, the cluster, then the app; the Keys page's title follows
// the selected key as the user moves between keys (client-side navigations).
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { showTree } from "./narrow-layout";

async function keysTitleFollowsTheKey(page: Page, etcd: { put(key: string, value: string): Promise<unknown> }, ns: string) {
  await etcd.put(`${ns}/a/b`, "1");
  await etcd.put(`${ns}/a/c`, "2");
  await page.goto(`/keys${ns}/a/b`);
  await expect(page).toHaveTitle(`${ns}/a/b · Keys · default · etcd dashboard`);
  // Hydrated: the live status comes from the browser's event stream.
  await expect(page.getByRole("status", { name: "Live updates" })).toHaveText("Live");
  // Go to key is the tree's: on a narrow screen, back to the tree first.
  await showTree(page);
  const goTo = page.getByRole("combobox", { name: "Go to key" });
  await goTo.fill(`${ns}/a/c`);
  await goTo.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/keys${ns}/a/c$`));
  await expect(page).toHaveTitle(`${ns}/a/c · Keys · default · etcd dashboard`);
}

test.describe("page titles", () => {
  test("the Keys page's title names the selected key and follows it", async ({ page, etcd, ns }) => {
    await keysTitleFollowsTheKey(page, etcd, ns);
  });

  test("every page's title says which page and which cluster", async ({ context }) => {
    const titles: [url: string, title: string][] = [
      ["/cluster?cluster=second", "Cluster · second · etcd dashboard"],
      ["/watch", "Watch · default · etcd dashboard"],
      ["/audit", "Audit log · etcd dashboard"],
      ["/etcd-auth?cluster=second", "etcd auth · second · etcd dashboard"],
      ["/keys?cluster=second", "/ · Keys · second · etcd dashboard"],
      ["/no-such-page", "Not found · etcd dashboard"],
      // A cluster that is not configured is not named.
      ["/cluster?cluster=nope", "Cluster · etcd dashboard"],
    ];
    // A page of its own for each: a page still settling (its client-side URL updates) cannot abort the next.
    for (const [url, title] of titles) {
      const page = await context.newPage();
      await page.goto(url);
      await expect(page).toHaveTitle(title);
      await page.close();
    }
  });
});

test.describe("page titles in Chinese", () => {
  test.use({ locale: "zh-CN" });
  test("are translated", async ({ page }) => {
    await page.goto("/cluster");
    await expect(page).toHaveTitle("集群 · default · etcd 控制台");
  });
});

test.describe("page titles at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the Keys page's title names the selected key and follows it", async ({ page, etcd, ns }) => {
    await keysTitleFollowsTheKey(page, etcd, ns);
  });
});
