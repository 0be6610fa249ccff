// The accessibility audit: axe-core on every page and every dialog of targets.ts, in light and in dark, with
// no violation of impact serious or critical allowed. Per theme, one page walks the pages (and again at phone
// width) and one the dialogs
// (soft assertions: one report names every target that fails). The login page and the Sessions dialog need users:
// a dashboard of their own.
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { startOwnUsersDashboard, type OwnUsersDashboard } from "../own-users";
import { seriousViolations } from "./axe";
import { dialogs, pages, phonePages, seedKeys, type AuditContext, type PageTarget } from "./targets";

// A control a target cannot find fails its step within seconds, not at the test timeout.
test.use({ bypassCSP: true, actionTimeout: 15_000 });

/** Seeds the keys, then opens each page target and audits it (soft: one report names every page that fails). */
async function auditPages(page: Page, ctx: AuditContext, targets: PageTarget[], label: string) {
  test.setTimeout(420_000);
  await seedKeys(ctx);
  for (const target of targets) {
    await test.step(`${label}: ${target.name}`, async () => {
      await target.open(page, ctx);
      expect.soft(await seriousViolations(page), `${label} ${target.name}`).toEqual([]);
    });
  }
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test("every page: no serious or critical axe violation", ({ page, etcd, ns }) => auditPages(page, { ns, etcd }, pages, "page"));

    test.describe("at phone width", () => {
      test.use({ viewport: { width: 390, height: 844 } });
      test("every page: no serious or critical axe violation", ({ page, etcd, ns }) => auditPages(page, { ns, etcd }, phonePages, "phone page"));
    });

    test("every dialog and menu: no serious or critical axe violation", async ({ page, etcd, ns }) => {
      test.setTimeout(420_000);
      const ctx = { ns, etcd };
      await seedKeys(ctx);
      for (const target of dialogs) {
        await test.step(`dialog: ${target.name}`, async () => {
          const opened = await target.open(page, ctx);
          await expect(opened).toBeVisible();
          expect.soft(await seriousViolations(page), `dialog ${target.name}`).toEqual([]);
          await page.keyboard.press("Escape");
          await expect(opened).toBeHidden();
          await target.after?.(page);
        });
      }
    });
  });
}

test.describe("accessibility with logins", () => {
  let own: OwnUsersDashboard;
  test.beforeAll(async () => {
    test.setTimeout(60_000);
    own = await startOwnUsersDashboard("a11y", [{ name: "ada", role: "admin" }]);
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`login page and Sessions dialog, ${colorScheme}`, async ({ browser }) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({ baseURL: own.dashboard.url, colorScheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto("/login");
      await expect(page.getByRole("button", { name: "Log in" })).toBeVisible();
      expect.soft(await seriousViolations(page), "login page").toEqual([]);
      await page.getByLabel("User name").fill("ada");
      await page.getByLabel("Password").fill("ada-password");
      await page.getByRole("button", { name: "Log in" }).click();
      await page.getByRole("region", { name: "Account" }).getByRole("button", { name: "Sessions" }).click();
      await expect(page.getByRole("dialog", { name: "Sessions" })).toBeVisible();
      expect.soft(await seriousViolations(page), "sessions dialog").toEqual([]);
      await context.close();
    });
  }
});
