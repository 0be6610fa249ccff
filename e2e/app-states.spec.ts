// The app's error page (app/(dashboard)/error.tsx, app/error.tsx), shown with the test page the e2e dashboard
// serves (ETCD_DASHBOARD_TEST_PAGES, lib/test-pages.ts): a page that throws on the server.
import fs from "node:fs";
import { expect, test } from "./fixtures";

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
