// The command palette: Ctrl/Cmd+K from anywhere, pages and actions found by typing, key paths completed
// from etcd and opened, clusters switched; Escape closes it.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const palette = (page: Page) => page.getByRole("dialog", { name: "Command palette" });

/** The sidebar's etcd status comes from the browser's first fetch: the page is hydrated and listening. */
async function ready(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: "members healthy" })).toBeVisible();
}

test.describe("command palette", () => {
  test("Ctrl+K finds a page by typing and goes there; Escape closes it", async ({ page }) => {
    await page.goto("/keys");
    await ready(page);
    await page.keyboard.press("ControlOrMeta+k");
    const dialog = palette(page);
    await expect(dialog).toBeVisible();
    const input = dialog.getByRole("combobox", { name: "Command or key path" });
    await expect(input).toBeFocused();
    await input.fill("watch");
    await expect(dialog.getByRole("option")).toHaveCount(1);
    await expect(dialog.getByRole("option", { name: "Go to Watch" })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/watch$/);
    await expect(dialog).toBeHidden();

    await page.keyboard.press("ControlOrMeta+k");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });

  test("a key path is completed a segment at a time from etcd, and choosing a key opens it", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/app/config`, "on");
    await etcd.put(`${ns}/app/other`, "x");
    await page.goto("/cluster");
    await ready(page);
    await page.getByRole("button", { name: "Command palette" }).click();
    const dialog = palette(page);
    const input = dialog.getByRole("combobox", { name: "Command or key path" });
    await input.fill(`${ns}/a`);
    // A directory continues the path below it...
    await dialog.getByRole("option", { name: `${ns}/app` }).click();
    await expect(input).toHaveValue(`${ns}/app/`);
    await input.pressSequentially("c");
    // ...and a key opens.
    await dialog.getByRole("option", { name: `${ns}/app/config` }).click();
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/app/config$`));
    await expect(page.getByRole("heading", { name: `${ns}/app/config` })).toBeVisible();
  });

  test("switches cluster and theme", async ({ page }) => {
    await page.goto("/watch");
    await ready(page);
    await page.keyboard.press("ControlOrMeta+k");
    const dialog = palette(page);
    await dialog.getByRole("combobox", { name: "Command or key path" }).fill("cluster second");
    await dialog.getByRole("option", { name: "Switch to cluster second" }).click();
    await expect(page).toHaveURL(/\/watch\?cluster=second$/);
    await expect(page.getByRole("combobox", { name: "Cluster" })).toHaveValue("second");

    await ready(page);
    await page.keyboard.press("ControlOrMeta+k");
    await dialog.getByRole("combobox", { name: "Command or key path" }).fill("dark");
    await dialog.getByRole("option", { name: "Theme: dark" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
  });

  test("offers the selected key's actions: Move opens its dialog", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/movable`, "v");
    await page.goto(`/keys${ns}/movable`);
    await ready(page);
    await page.keyboard.press("ControlOrMeta+k");
    const dialog = palette(page);
    await dialog.getByRole("combobox", { name: "Command or key path" }).fill("move");
    await dialog.getByRole("option", { name: `Move ${ns}/movable…` }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("dialog", { name: "Move movable" })).toBeVisible();
  });

  test("offers the selected directory's actions: Search in opens its dialog", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/dir/k`, "v");
    await page.goto(`/keys${ns}/dir`);
    await ready(page);
    await page.keyboard.press("ControlOrMeta+k");
    const dialog = palette(page);
    await dialog.getByRole("combobox", { name: "Command or key path" }).fill("search");
    await dialog.getByRole("option", { name: `Search in ${ns}/dir…` }).click();
    await expect(page.getByRole("dialog", { name: `Search in ${ns}/dir` })).toBeVisible();
  });
});
