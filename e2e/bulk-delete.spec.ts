// Selecting several keys in the tree (checkboxes, shift-click ranges, Ctrl/Cmd-click, Space) and deleting them
// together: the confirmation lists them, directories need a typed confirmation, and the summary says what was
// not deleted and why. Checked against etcd itself.
import type { Page } from "@playwright/test";
import { putMany } from "./etcd-bulk";
import { encodeKey, expect, test } from "./fixtures";

const tree = (page: Page) => page.getByRole("tree", { name: "Keys" });
const item = (page: Page, name: string) => tree(page).getByRole("treeitem", { name, exact: true });
const checkbox = (page: Page, key: string) => tree(page).getByRole("checkbox", { name: `Select ${key}`, exact: true });
const bar = (page: Page) => page.getByRole("toolbar", { name: "Selection" });

test.describe("bulk delete from the tree", () => {
  test("checkboxes and a shift-click range; a key changed behind the browser's back is kept and reported", async ({ page, etcd, ns }) => {
    await putMany(etcd, [
      [`${ns}/a`, "1"],
      [`${ns}/b`, "2"],
      [`${ns}/c`, "3"],
      [`${ns}/d`, "4"],
    ]);
    await page.goto(`/keys${encodeKey(ns)}`);
    // A row's checkbox shows on hover (or keyboard focus) until something is checked, then on every row.
    await expect(checkbox(page, `${ns}/a`)).toBeHidden();
    await item(page, "a").hover();
    await checkbox(page, `${ns}/a`).click();
    await expect(checkbox(page, `${ns}/d`)).toBeVisible();
    await expect(item(page, "a")).toHaveAttribute("aria-checked", "true");
    await expect(bar(page).getByRole("status")).toHaveText("1 selected");
    // A checkbox click neither navigates nor takes the focus off the row.
    await expect(page).toHaveURL(new RegExp(`/keys${ns}$`));
    await expect(item(page, "a")).toBeFocused();

    await checkbox(page, `${ns}/c`).click({ modifiers: ["Shift"] });
    for (const name of ["a", "b", "c"]) await expect(item(page, name)).toHaveAttribute("aria-checked", "true");
    await expect(item(page, "d")).toHaveAttribute("aria-checked", "false");
    await expect(bar(page).getByRole("status")).toHaveText("3 selected");

    // b changes after the browser listed (and selected) it.
    await etcd.put(`${ns}/b`, "changed");

    await bar(page).getByRole("button", { name: "Delete selected…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete 3 selected keys?" });
    const list = dialog.getByRole("list", { name: "To be deleted" });
    await expect(list.getByRole("listitem")).toHaveText([`${ns}/a`, `${ns}/b`, `${ns}/c`]);
    await dialog.getByRole("button", { name: "Delete 3 items" }).click();

    await expect(dialog.getByRole("status")).toHaveText("Deleted 2 of 3. Not deleted: 1.");
    const notDeleted = dialog.getByRole("list", { name: "Not deleted" }).getByRole("listitem");
    await expect(notDeleted).toHaveCount(1);
    await expect(notDeleted.first()).toHaveAccessibleName(new RegExp(`^${ns}/b: Changed since listed`));
    await dialog.getByRole("button", { name: "Done" }).click();

    expect(await etcd.value(`${ns}/a`)).toBeUndefined();
    expect(await etcd.value(`${ns}/b`)).toBe("changed");
    expect(await etcd.value(`${ns}/c`)).toBeUndefined();
    expect(await etcd.value(`${ns}/d`)).toBe("4");
    await expect(item(page, "a")).toHaveCount(0);
    await expect(item(page, "c")).toHaveCount(0);
    // What was not deleted stays selected, for another try.
    await expect(item(page, "b")).toHaveAttribute("aria-checked", "true");
    await expect(bar(page).getByRole("status")).toHaveText("1 selected");
    await bar(page).getByRole("button", { name: "Clear selection" }).click();
    await expect(bar(page)).toHaveCount(0);
    await expect(item(page, "b")).toHaveAttribute("aria-checked", "false");
  });

  test("Space and Ctrl/Cmd-click toggle; a directory needs its name typed and goes with its subtree", async ({ page, etcd, ns }) => {
    await putMany(etcd, [
      [`${ns}/dir/x`, "1"],
      [`${ns}/dir/sub/y`, "2"],
      [`${ns}/key`, "3"],
      [`${ns}/other`, "4"],
    ]);
    await page.goto(`/keys${encodeKey(ns)}`);
    await item(page, "dir").focus();
    await page.keyboard.press("Space");
    await expect(item(page, "dir")).toHaveAttribute("aria-checked", "true");
    // Space checks; it does not open the directory.
    await expect(item(page, "dir")).toHaveAttribute("aria-expanded", "false");

    await item(page, "other").click({ modifiers: ["ControlOrMeta"] });
    await expect(item(page, "other")).toHaveAttribute("aria-checked", "true");
    await item(page, "other").click({ modifiers: ["ControlOrMeta"] });
    await expect(item(page, "other")).toHaveAttribute("aria-checked", "false");
    await item(page, "key").click({ modifiers: ["ControlOrMeta"] });
    // Ctrl/Cmd-click does not open the row in the panel.
    await expect(page).toHaveURL(new RegExp(`/keys${ns}$`));
    await expect(bar(page).getByRole("status")).toHaveText("2 selected");

    await bar(page).getByRole("button", { name: "Delete selected…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete 2 selected keys?" });
    await expect(dialog.getByRole("listitem", { name: `${ns}/dir (directory and its subtree)` })).toBeVisible();
    await expect(dialog.getByText("cannot compare-and-delete a directory")).toBeVisible();
    const confirm = dialog.getByRole("button", { name: "Delete 2 items" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type to confirm").fill("dir");
    await confirm.click();
    await expect(dialog.getByRole("status")).toHaveText("Deleted 2 of 2.");
    await dialog.getByRole("button", { name: "Done" }).click();

    expect((await etcd.get(`${ns}/dir`)).status).toBe(404);
    expect(await etcd.value(`${ns}/key`)).toBeUndefined();
    expect(await etcd.value(`${ns}/other`)).toBe("4");
    await expect(item(page, "dir")).toHaveCount(0);
    await expect(bar(page)).toHaveCount(0);
  });

  test("the selection survives scrolling a long directory, and the command palette clears it", async ({ page, etcd, ns }) => {
    await putMany(
      etcd,
      Array.from({ length: 400 }, (_, i) => [`${ns}/many/k${String(i).padStart(3, "0")}`, "v"] as const),
    );
    await page.goto(`/keys${encodeKey(`${ns}/many`)}`);
    // The whole listing is read (the server rendered only its first screen): the panel shares the tree's read.
    await expect(page.getByRole("status", { name: "Children count" })).toHaveText("Directory with 400 children.");
    await item(page, "k000").hover();
    await checkbox(page, `${ns}/many/k000`).click();
    await item(page, "k000").focus();
    // End focuses the tree's last row: other tests' namespaces may sort after this one, so walk back up to k399.
    await page.keyboard.press("End");
    const last = item(page, "k399");
    await expect(async () => {
      if (await last.evaluate((element) => element === document.activeElement).catch(() => false)) return;
      await page.keyboard.press("ArrowUp");
      throw new Error("k399 is not focused yet");
    }).toPass({ intervals: [100], timeout: 10_000 });
    // Scrolled away, the first row is no longer rendered; its check is kept all the same.
    await expect(item(page, "k000")).toHaveCount(0);
    await checkbox(page, `${ns}/many/k399`).click({ modifiers: ["Shift"] });
    await expect(bar(page).getByRole("status")).toHaveText("400 selected");
    // Back among the first rows (filtered down to them): still checked.
    await page.getByLabel("Filter", { exact: true }).fill("k00");
    await expect(item(page, "k000")).toHaveAttribute("aria-checked", "true");
    await expect(item(page, "k001")).toHaveAttribute("aria-checked", "true");

    await page.keyboard.press("ControlOrMeta+k");
    const palette = page.getByRole("dialog", { name: "Command palette" });
    await palette.getByRole("combobox", { name: "Command or key path" }).fill("select");
    await expect(palette.getByRole("option", { name: "Delete selected (400)" })).toBeVisible();
    await palette.getByRole("option", { name: "Clear selection" }).click();
    await expect(bar(page)).toHaveCount(0);
    await expect(item(page, "k000")).toHaveAttribute("aria-checked", "false");
  });
});
