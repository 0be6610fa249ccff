// The app's error and loading pages (app/error.tsx, app/(dashboard)/error.tsx,
// app/(dashboard)/(with-loading-page)/loading.tsx), shown with the test pages the e2e dashboard serves
// (ETCD_DASHBOARD_TEST_PAGES, lib/test-pages.ts): one that throws on the server and one slow to render.
import fs from "node:fs";
import { putMany } from "./etcd-bulk";
import { encodeKey, expect, test } from "./fixtures";

test.describe("a page that fails", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`shows what happened, its reference and Try again, never the error's text (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/test-pages/throws");
      const alert = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "This page could not be shown" }) });
      await expect(alert).toBeVisible();
      await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
      // The dashboard's boundary is below its layout: the sidebar still works.
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      const reference = (await alert.locator("code").textContent()) ?? "";
      expect(reference).toMatch(/^\w+$/);
      const text = await page.locator("body").innerText();
      expect(text).not.toContain("this text stays in the server's log");
      expect(text).not.toMatch(/\n\s*at \S+ \(/); // no stack frames
      // The reference is how an operator finds the error in the server's log.
      await expect.poll(() => fs.readFileSync(process.env.E2E_DASHBOARD_LOG!, "utf8")).toContain(reference);
      // Light on light, dark on dark: the alert's background follows the theme.
      const [r = 0, g = 0, b = 0] = await alert.evaluate((el) => {
        // The computed colour may be lab(); a canvas turns any CSS colour into RGB.
        const context = document.createElement("canvas").getContext("2d")!;
        context.fillStyle = getComputedStyle(el).backgroundColor;
        context.fillRect(0, 0, 1, 1);
        return Array.from(context.getImageData(0, 0, 1, 1).data);
      });
      const lightness = (r + g + b) / 3;
      if (colorScheme === "dark") expect(lightness).toBeLessThan(100);
      else expect(lightness).toBeGreaterThan(200);

      // Try again renders the page again: it fails again, and says so again.
      await alert.getByRole("button", { name: "Try again" }).click();
      await expect(page.getByRole("heading", { name: "This page could not be shown" })).toBeVisible();
    });
  }

  test("an unknown test page is a 404", async ({ request }) => {
    expect((await request.get("/test-pages/nothing-here")).status()).toBe(404);
  });
});

test.describe("a page still loading", () => {
  const loadingRegion = '[role="status"][aria-label="Loading"][aria-busy="true"]';

  test("shows the skeleton beside the sidebar, announced once, then the page; the sidebar does not move", async ({ page }) => {
    // The longest the test page waits (5 s): a loaded machine can take a while to get the first bytes shown.
    await page.goto("/test-pages/slow?ms=5000", { waitUntil: "commit" });
    const loading = page.getByRole("status", { name: "Loading" });
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(page.locator(loadingRegion)).toBeVisible();
    // Across, not down: the sidebar's own parts above the pages (the connection badge) may change height meanwhile.
    const across = async () => {
      const box = await nav.boundingBox();
      return box && { x: box.x, width: box.width };
    };
    const whileLoading = await across();
    expect(whileLoading).not.toBeNull();
    await expect(page.getByRole("heading", { name: "Slow test page" })).toBeVisible({ timeout: 15_000 });
    await expect(loading).toHaveCount(0);
    expect(await across()).toEqual(whileLoading);
  });

  test("a client-side navigation shows the skeleton in place of the page it leaves while the server renders the next", async ({ page }) => {
    await page.goto("/watch");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Watch", level: 1 })).toBeVisible();
    // The router of the App Router (window.next.router): a navigation like a link's, to a page no link offers.
    await page.evaluate(() => (window as unknown as { next: { router: { push(href: string): void } } }).next.router.push("/test-pages/slow?ms=5000"));
    await expect(page.locator(loadingRegion)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Watch", level: 1 })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Slow test page" })).toBeVisible({ timeout: 15_000 });
    await expect(page.locator(loadingRegion)).toHaveCount(0);
  });

  test("the Keys page is under no loading boundary: its tree's first rows are in the document's first paint", async ({ page, etcd, ns }) => {
    // A first screen of 60 rows (tens of kB of HTML): React sends a completed Suspense boundary that large apart,
    // hidden until a script reveals it 300 ms after the first paint at the earliest. Under no boundary, the rows
    // come in place, and no loading skeleton is sent.
    await putMany(etcd, Array.from({ length: 100 }, (_, i) => [`${ns}/many/k${String(i).padStart(3, "0")}`, "v"] as const), 16);
    // The tree's seed may miss its 150 ms on a loaded machine (its rows then follow apart, as they should): retry.
    await expect(async () => {
      const html = await (await page.request.get(`/keys${encodeKey(ns)}/many`, { headers: { "sec-fetch-dest": "document" } })).text();
      const firstRow = html.indexOf(`data-key="${ns}/many/k000"`);
      expect(firstRow).toBeGreaterThan(0);
      expect(html.slice(0, firstRow)).not.toMatch(/<div hidden id="S:/); // a segment sent apart
      expect(html).not.toContain('aria-label="Loading"');
    }).toPass({ intervals: [500], timeout: 20_000 });
  });
});
