// The tree rows' context menu: opened by a right-click, and from the keyboard with the ContextMenu key or
// Shift+F10 on the focused row; a WAI-ARIA menu whose items open, create in, copy, select and delete.
import type { Page } from "@playwright/test";
import { putMany } from "./etcd-bulk";
import { encodeKey, expect, test } from "./fixtures";

const tree = (page: Page) => page.getByRole("tree", { name: "Keys" });
const item = (page: Page, name: string) => tree(page).getByRole("treeitem", { name, exact: true });
const menu = (page: Page, key: string) => page.getByRole("menu", { name: `Actions for ${key}` });

test.describe("tree context menu", () => {
  test("a right-click opens the menu; Copy path, Select and Open work", async ({ page, context, etcd, ns }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await putMany(etcd, [
      [`${ns}/a`, "1"],
      [`${ns}/dir/x`, "2"],
    ]);
    await page.goto(`/keys${encodeKey(ns)}`);

    await item(page, "a").click({ button: "right" });
    const aMenu = menu(page, `${ns}/a`);
    await expect(aMenu).toBeVisible();
    await expect(aMenu.getByRole("menuitem")).toHaveText(["Open", "Copy path", "Select", "Export", "Copy…", "Move…", "Delete…"]);
    await aMenu.getByRole("menuitem", { name: "Copy path" }).click();
    await expect(aMenu).toBeHidden();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${ns}/a`);
    // Focus is back on the row the menu was opened on.
    await expect(item(page, "a")).toBeFocused();

    await item(page, "a").click({ button: "right" });
    await menu(page, `${ns}/a`).getByRole("menuitem", { name: "Select" }).click();
    await expect(item(page, "a")).toHaveAttribute("aria-checked", "true");
    await item(page, "a").click({ button: "right" });
    await expect(menu(page, `${ns}/a`).getByRole("menuitem", { name: "Unselect" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu(page, `${ns}/a`)).toBeHidden();

    await item(page, "dir").click({ button: "right" });
    const dirMenu = menu(page, `${ns}/dir`);
    await expect(dirMenu.getByRole("menuitem")).toHaveText(["Open", "Copy path", "Select", "Search in…", "Export", "Import…", "Copy…", "Move…", "New key here…", "New directory here…", "Delete…"]);
    await dirMenu.getByRole("menuitem", { name: "Open" }).click();
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/dir$`));
    await expect(item(page, "dir")).toHaveAttribute("aria-expanded", "true");
    await expect(item(page, "x")).toBeVisible();
  });

  test("the keyboard opens it (Shift+F10, ContextMenu): New key here creates in the directory", async ({ page, etcd, ns }) => {
    await putMany(etcd, [[`${ns}/dir/x`, "1"]]);
    await page.goto(`/keys${encodeKey(ns)}`);
    await item(page, "dir").focus();

    await page.keyboard.press("Shift+F10");
    const dirMenu = menu(page, `${ns}/dir`);
    await expect(dirMenu).toBeVisible();
    // Opened from the keyboard, the first item has the focus; arrows move it.
    await expect(dirMenu.getByRole("menuitem", { name: "Open" })).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(dirMenu.getByRole("menuitem", { name: "Copy path" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(dirMenu).toBeHidden();
    await expect(item(page, "dir")).toBeFocused();

    await page.keyboard.press("ContextMenu");
    await expect(dirMenu).toBeVisible();
    await dirMenu.getByRole("menuitem", { name: "New key here…" }).click();
    const dialog = page.getByRole("dialog", { name: "New key" });
    await expect(dialog).toContainText(`In ${ns}/dir`);
    await dialog.getByLabel("Key name").fill("created");
    await dialog.getByLabel("Value").fill("from the menu");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/dir/created$`));
    expect(await etcd.value(`${ns}/dir/created`)).toBe("from the menu");
  });

  test("Delete… deletes a key by compare-and-delete, and a directory with its name typed", async ({ page, etcd, ns }) => {
    await putMany(etcd, [
      [`${ns}/gone`, "1"],
      [`${ns}/sub/y`, "2"],
    ]);
    await page.goto(`/keys${encodeKey(ns)}`);

    await item(page, "gone").click({ button: "right" });
    await menu(page, `${ns}/gone`).getByRole("menuitem", { name: "Delete…" }).click();
    const keyDialog = page.getByRole("dialog", { name: "Delete gone?" });
    await keyDialog.getByRole("button", { name: "Delete" }).click();
    await expect(keyDialog).toBeHidden();
    await expect(item(page, "gone")).toHaveCount(0);
    expect(await etcd.value(`${ns}/gone`)).toBeUndefined();

    await item(page, "sub").click({ button: "right" });
    await menu(page, `${ns}/sub`).getByRole("menuitem", { name: "Delete…" }).click();
    const dirDialog = page.getByRole("dialog", { name: "Delete directory sub?" });
    await dirDialog.getByLabel("Type the directory name to confirm").fill("sub");
    await dirDialog.getByRole("button", { name: "Delete" }).click();
    await expect(dirDialog).toBeHidden();
    expect((await etcd.get(`${ns}/sub`)).status).toBe(404);
  });

  test("Search in…, Export and Move… open the subtree features on the row", async ({ page, etcd, ns }) => {
    await putMany(etcd, [[`${ns}/dir/x`, "needle"]]);
    await page.goto(`/keys${encodeKey(ns)}`);

    await item(page, "dir").click({ button: "right" });
    await menu(page, `${ns}/dir`).getByRole("menuitem", { name: "Search in…" }).click();
    await expect(page.getByRole("dialog", { name: `Search in ${ns}/dir` })).toBeVisible();
    await page.keyboard.press("Escape");

    const download = page.waitForEvent("download");
    await item(page, "dir").click({ button: "right" });
    await menu(page, `${ns}/dir`).getByRole("menuitem", { name: "Export" }).click();
    const file = JSON.parse(await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
    expect(file).toMatchObject({ format: "etcd-dashboard-export", root: `${ns}/dir`, nodes: [{ key: "x", value: "needle" }] });

    await item(page, "dir").click({ button: "right" });
    await menu(page, `${ns}/dir`).getByRole("menuitem", { name: "Move…" }).click();
    await expect(page.getByRole("dialog", { name: "Move dir" })).toBeVisible();
  });
});
