// The dashboard in the browser's language and in the one chosen with the switch: a first visit from a Chinese
// browser is in Chinese (login page, audit page, a dialog, <html lang>), the switch changes the language at once
// and the choice is remembered (after a reload, in a new page of the same context), and dates follow the
// language and the browser's time zone. English stays the default (every other spec runs in it).
import type { BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { startOwnUsersDashboard, type OwnUsersDashboard } from "./own-users";
import { openSiteMenu } from "./narrow-layout";

const LOCALE_COOKIE = "etcd-dashboard-locale";
/** The shared audit log holds every spec's writes: on a loaded machine its first page can take a while. */
const AUDIT_LOADED = { timeout: 30_000 };

/** A dashboard with logins (so it has a login page), one admin. */
let own: OwnUsersDashboard;
test.beforeAll(async () => {
  own = await startOwnUsersDashboard("languages", [{ name: "ada", role: "admin" }]);
});
test.afterAll(async () => {
  await own?.stop();
});

async function logIn(page: Page, labels: { user: string; password: string; submit: string }) {
  await page.getByLabel(labels.user).fill("ada");
  await page.getByLabel(labels.password).fill("ada-password");
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
}

async function chooseLanguage(page: Page, current: RegExp, language: string) {
  await page.getByRole("button", { name: current }).click();
  await page.getByRole("menuitemradio", { name: language }).click();
}

async function rememberedLocale(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name === LOCALE_COOKIE);
}

for (const viewport of [undefined, { width: 390, height: 844 }]) {
  test.describe(`at ${viewport ? "phone" : "desktop"} width`, () => {
    if (viewport) test.use({ viewport });

    test.describe("a Chinese browser", () => {
      test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

      test("sees the login page, the account controls and the sessions dialog in Chinese", async ({ page }) => {
        await page.goto(`${own.dashboard.url}/login`);
        await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
        await expect(page).toHaveTitle("登录 · etcd 控制台");
        await expect(page.getByRole("heading", { name: "etcd 控制台", level: 1 })).toBeVisible();
        await expect(page.getByRole("form", { name: "登录" })).toBeVisible();
        await logIn(page, { user: "用户名", password: "密码", submit: "登录" });

        // At phone width the account controls are inside the top bar's menu.
        await openSiteMenu(page, "菜单");
        const account = page.getByRole("region", { name: "账户" });
        await expect(account.getByRole("button", { name: "登出", exact: true })).toBeVisible();
        await account.getByRole("button", { name: "会话" }).click();
        const dialog = page.getByRole("dialog", { name: "会话" });
        await expect(dialog.getByRole("columnheader", { name: "会话数" })).toBeVisible();
        await expect(dialog.getByRole("button", { name: "从所有设备登出：ada", exact: true })).toBeVisible();
      });

      test("sees the audit page in Chinese, its times as Chinese write them, in the browser's time zone", async ({ page, request, keysUrl, ns }) => {
        test.slow();
        expect((await request.put(keysUrl(`${ns}/app`), { data: { value: "one" } })).status()).toBe(201);
        await page.goto(`/audit?q=${encodeURIComponent(ns)}`);
        await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
        await expect(page.getByRole("heading", { name: "审计", level: 1 })).toBeVisible();
        await expect(page.getByRole("form", { name: "筛选" }).getByLabel("结果")).toBeVisible();
        const table = page.getByRole("table", { name: "审计日志" });
        await expect(table.getByRole("columnheader", { name: "时间" })).toBeVisible();
        const row = table.getByRole("row").filter({ has: page.getByRole("cell") });
        await expect(row).toHaveCount(1, AUDIT_LOADED);
        await expect(row.getByRole("cell").last()).toContainText("成功");
        await expect(page.getByText("共 1 条记录，最新的在前", { exact: false })).toBeVisible();

        const time = row.locator("time");
        const iso = await time.getAttribute("title");
        // "2026年12月7日 13:50:44": Chinese order, and Shanghai's hour, not the server's UTC.
        const expected = await page.evaluate((at) => new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date(at!)), iso);
        await expect(time).toHaveText(expected);
        expect(expected).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
      });
    });

    test("the switch changes the language at once and remembers it", async ({ page, context }) => {
      await page.goto(`${own.dashboard.url}/login`);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await expect(page.getByRole("heading", { name: "etcd dashboard", level: 1 })).toBeVisible();

      await chooseLanguage(page, /^Language: English$/, "简体中文");
      await expect(page.getByRole("heading", { name: "etcd 控制台", level: 1 })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
      await expect(page.getByLabel("用户名")).toBeVisible();
      const cookie = await rememberedLocale(context);
      expect(cookie).toMatchObject({ value: "zh-CN", path: "/", sameSite: "Lax" });
      // A year, give or take the test's own time.
      expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(364 * 24 * 3600);

      await page.reload();
      await expect(page.getByRole("heading", { name: "etcd 控制台", level: 1 })).toBeVisible();
      const other = await context.newPage();
      await other.goto(`${own.dashboard.url}/login`);
      await expect(other.getByRole("form", { name: "登录" })).toBeVisible();
      await expect(other.locator("html")).toHaveAttribute("lang", "zh-CN");

      await chooseLanguage(page, /^语言：简体中文$/, "English");
      await expect(page.getByRole("heading", { name: "etcd dashboard", level: 1 })).toBeVisible();
      await expect(page.getByLabel("User name")).toBeVisible();
      expect((await rememberedLocale(context))?.value).toBe("en");
    });
  });
}

test("the sidebar's switch changes the page in place, dates included", async ({ page, request, keysUrl, ns }) => {
  test.slow();
  expect((await request.put(keysUrl(`${ns}/app`), { data: { value: "one" } })).status()).toBe(201);
  await page.goto(`/audit?q=${encodeURIComponent(ns)}`);
  const time = page.getByRole("table", { name: "Audit log" }).locator("tbody time");
  await expect(time).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s[AP]M$/, AUDIT_LOADED);

  await chooseLanguage(page, /^Language: English$/, "简体中文");
  await expect(page.getByRole("heading", { name: "审计", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation")).toBeVisible();
  await expect(page.getByRole("table", { name: "审计日志" }).locator("tbody time")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
  // The filter typed before the switch is still in the URL: the page was not reloaded from scratch.
  await expect(page).toHaveURL(`/audit?q=${encodeURIComponent(ns)}`);
});
