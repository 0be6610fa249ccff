// The frame around every page, as a person sees it at desktop and phone widths: the skip link and the
// landmarks, the top bar and its menu below the md breakpoint, pages that never get wider than the screen.
import type { Page } from "@playwright/test";
import { encodeKey, expect, test } from "./fixtures";

const PAGES = ["/", "/keys", "/watch", "/cluster", "/etcd-auth", "/audit"];

/** Waits for the page's own content (its heading, or the key tree at /keys on a phone) rather than for time. */
async function openPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("main")).toHaveCount(1);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading").or(main.getByRole("tree")).first()).toBeVisible();
}

async function expectSkipLinkMovesFocus(page: Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible(); // shown once focused
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
}

test.describe("landmarks and the skip link", () => {
  for (const path of [...PAGES, "a key"]) {
    test(`${path}: one main, a named navigation, one h1, a skip link first in the tab order`, async ({ page, etcd, ns }) => {
      if (path === "a key") await etcd.put(`${ns}/k`, "v");
      await openPage(page, path === "a key" ? `/keys${encodeKey(ns)}/k` : path);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      await expectSkipLinkMovesFocus(page);
      expect(page.url(), "the skip link keeps the URL").not.toContain("#");
    });
  }
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the sidebar is a top bar whose menu holds the navigation; Escape and a link close it", async ({ page }) => {
    await openPage(page, "/cluster");
    const menu = page.getByRole("button", { name: "Menu" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    // The product name stays in view, and the page's own heading is not pushed aside.
    await expect(page.getByRole("banner")).toContainText("etcd dashboard");
    const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
    expect(heading!.width).toBeGreaterThan(200);

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Keys" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Cluster" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Theme/ })).toBeVisible();
    await nav.getByRole("link", { name: "Keys" }).focus();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.press("Enter");
    await nav.getByRole("link", { name: "Watch" }).click();
    await expect(page).toHaveURL(/\/watch$/);
    await expect(page.getByRole("heading", { level: 1, name: "Watch" })).toBeVisible();
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test("every page still has one h1: the Keys page's tree names the cluster", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/k`, "v");
    for (const path of [...PAGES, `/keys${encodeKey(ns)}/k`]) {
      await openPage(page, path);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveCount(1);
    }
    await page.goto("/keys");
    await expect(page.getByRole("heading", { level: 1, name: "Keys on default" })).toHaveCount(1);
  });

  test("no page is wider than the screen", async ({ page, request, keysUrl, ns }) => {
    const long = `${ns}/services/payments-gateway/configuration/production-eu-west/database-connection-settings.json`;
    // Written through the dashboard, so that the home page lists it among the recent writes too.
    const value = JSON.stringify({ host: "db.internal.example.com", pool: { min: 4, max: 64 } });
    expect((await request.put(keysUrl(long), { data: { value } })).status()).toBe(201);
    for (const path of [...PAGES, `/keys${encodeKey(long)}`]) {
      await openPage(page, path);
      // The Cluster page's widest parts come with its polls: its tables and the chart with its table of numbers.
      if (path === "/") await expect(page.getByRole("region", { name: "Recent writes to default" }).getByRole("link", { name: long })).toBeAttached();
      if (path === "/cluster") {
        await expect(page.getByRole("table", { name: "Members" })).toBeAttached();
        await expect(page.getByRole("img", { name: /^Store operations per second/ })).toBeVisible();
      }
      const { documentWidth, viewport } = await page.evaluate(() => ({ documentWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(documentWidth, `${path} is ${documentWidth} px wide`).toBeLessThanOrEqual(viewport);
    }
  });

  test("a table wider than its card scrolls inside it, as a named region the keyboard can reach", async ({ page }) => {
    await openPage(page, "/cluster");
    const members = page.getByRole("region", { name: /Members.*scrolls sideways/ });
    await expect(members).toBeVisible();
    await expect(members).toHaveAttribute("tabindex", "0");
    const box = await members.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});
