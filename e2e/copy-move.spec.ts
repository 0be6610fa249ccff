// Copy… and Move… on the Keys page: the dialog warns that etcd v2 cannot do it atomically, shows
// progress and the report; after a move the page selects the new path. Checked against etcd directly.
import { expect, test } from "./fixtures";
import { keyPage, openKey, panel, valueEditor } from "./key-page";

test.describe("copy and move", () => {
  test("copies a directory with its keys and TTLs; the source stays", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/app/a`, "one");
    await etcd.put(`${ns}/app/sub/b`, "two", { ttl: "600" });
    await openKey(page, `${ns}/app`);
    await panel(page).getByRole("button", { name: "Copy…" }).click();
    const dialog = page.getByRole("dialog", { name: "Copy app" });
    await expect(dialog.getByRole("note", { name: "Not atomic" })).toContainText("etcd v2 cannot copy atomically");
    await expect(dialog.getByLabel("Destination path")).toHaveValue(`${ns}/app-copy`);
    await dialog.getByLabel("Destination path").fill(`${ns}/app-v2`);
    await dialog.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(dialog.getByRole("status", { name: "Report" })).toHaveText(`Copied 4 keys and directories of 4 to ${ns}/app-v2.`);
    await expect(dialog.getByRole("status", { name: "Progress" })).toHaveText("Copying: 4 of 4");
    await expect(dialog.getByRole("progressbar", { name: "Copy progress" })).toHaveAttribute("value", "4");
    await dialog.getByRole("button", { name: "Close", exact: true }).first().click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`${keyPage(`${ns}/app`)}$`));
    expect(await etcd.value(`${ns}/app-v2/a`)).toBe("one");
    const b = (await etcd.get(`${ns}/app-v2/sub/b`)).body.node!;
    expect(b.value).toBe("two");
    expect(b.ttl).toBeGreaterThan(590);
    expect(await etcd.value(`${ns}/app/a`)).toBe("one");
  });

  test("moves a key, then selects it at its new path", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/old-name`, "moving value");
    await openKey(page, `${ns}/old-name`);
    await panel(page).getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menu").getByRole("menuitem", { name: "Move…" }).click();
    const dialog = page.getByRole("dialog", { name: "Move old-name" });
    await expect(dialog.getByRole("note", { name: "Not atomic" })).toContainText("a move is a copy followed by deletes");
    await dialog.getByLabel("Destination path").fill(`${ns}/dir/new-name`);
    await dialog.getByRole("button", { name: "Move", exact: true }).click();
    await expect(dialog.getByRole("status", { name: "Report" })).toContainText(`Moved: ${ns}/old-name was deleted.`);
    await dialog.getByRole("button", { name: "Close and open new-name" }).click();
    await expect(page).toHaveURL(new RegExp(`${keyPage(`${ns}/dir/new-name`)}$`));
    await expect(valueEditor(page)).toHaveText("moving value");
    expect(await etcd.value(`${ns}/old-name`)).toBeUndefined();
    expect(await etcd.value(`${ns}/dir/new-name`)).toBe("moving value");
  });

  test("refuses a destination inside the source or one that exists, and writes nothing", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/d/k`, "1");
    await etcd.put(`${ns}/taken`, "mine");
    await openKey(page, `${ns}/d`);
    await panel(page).getByRole("button", { name: "Move…" }).click();
    const dialog = page.getByRole("dialog", { name: "Move d" });
    await dialog.getByLabel("Destination path").fill(`${ns}/d/inside`);
    await dialog.getByRole("button", { name: "Move", exact: true }).click();
    await expect(dialog.getByText("the destination is inside the source")).toBeVisible();
    await dialog.getByLabel("Destination path").fill(`${ns}/taken`);
    await dialog.getByRole("button", { name: "Move", exact: true }).click();
    await expect(dialog.getByRole("alert")).toContainText(`${ns}/taken already exists: copy and move never overwrite.`);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await etcd.value(`${ns}/taken`)).toBe("mine");
    expect(await etcd.value(`${ns}/d/k`)).toBe("1");
  });
});
