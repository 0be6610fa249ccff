// Export and import in Chromium: Export downloads the file; Import shows the dry run's preview, then the
// report, and etcd holds what the report says.
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { openKey, panel } from "./key-page";

const fileOf = (nodes: object[]) =>
  Buffer.from(JSON.stringify({ format: "etcd-dashboard-export", version: 1, cluster: "default", root: "/x", rootDir: true, etcdIndex: 1, exportedAt: new Date().toISOString(), nodes }));

test.describe("export and import", () => {
  test("Export downloads a directory's subtree, and a single key, as a file", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/src/a`, "1");
    await etcd.put(`${ns}/src/d/b`, "two\nlines");
    await etcd.put(`${ns}/src/empty`, undefined, { dir: "true" });
    await openKey(page, `${ns}/src`);
    const [download] = await Promise.all([page.waitForEvent("download"), panel(page).getByRole("button", { name: "Export", exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`etcd-default-e2e-${ns.split("/")[2]}-src.json`);
    const file = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    expect(file).toMatchObject({ format: "etcd-dashboard-export", version: 1, root: `${ns}/src`, rootDir: true });
    expect(file.nodes).toEqual([
      { key: "a", value: "1" },
      { key: "d", dir: true },
      { key: "d/b", value: "two\nlines" },
      { key: "empty", dir: true },
    ]);
    await expect(page.getByText(`Exported ${ns}/src to ${download.suggestedFilename()}`)).toBeVisible();

    await openKey(page, `${ns}/src/a`);
    // A key's Export is one of its rarer actions.
    await panel(page).getByRole("button", { name: "More actions" }).click();
    const [single] = await Promise.all([page.waitForEvent("download"), page.getByRole("menu").getByRole("menuitem", { name: "Export" }).click()]);
    expect(JSON.parse(fs.readFileSync((await single.path())!, "utf8")).nodes).toEqual([{ key: "a", value: "1" }]);
  });

  test("Import shows the preview, overwrites when asked, and reports what failed", async ({ page, etcd, ns }) => {
    const dst = `${ns}/dst`;
    await etcd.put(`${dst}/diff`, "old");
    await etcd.put(`${dst}/same`, "same");
    await etcd.put(`${dst}/clash/x`, "a directory in etcd");
    await openKey(page, dst);
    await panel(page).getByRole("button", { name: "Import", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Import into ${dst}` });
    const nodes = [
      { key: "new", value: "<b>not bold</b>" },
      { key: "diff", value: "new" },
      { key: "same", value: "same" },
      { key: "clash", value: "a key in the file" },
    ];
    await dialog.getByLabel("Export file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: fileOf(nodes) });

    const preview = dialog.getByRole("definition");
    await expect(dialog.getByText("backup.json: 4 entries")).toBeVisible();
    await expect(preview).toHaveText(["1", "1", "1", "1"]);
    const planned = dialog.getByRole("list", { name: "Planned changes" }).getByRole("listitem");
    await expect(planned).toHaveCount(3);
    await expect(planned.nth(0)).toHaveText(`Change${dst}/diff`);
    await expect(planned.nth(1)).toHaveText(`Conflict${dst}/clashetcd has a directory here, the file a key`);
    await expect(planned.nth(2)).toHaveText(`Create${dst}/new`);
    expect(await etcd.value(`${dst}/new`)).toBeUndefined();

    await dialog.getByRole("radio", { name: /Overwrite them/ }).check();
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    await expect(dialog.getByRole("status")).toHaveText("Import of backup.json finished with 1 failure.");
    const report = dialog.getByRole("definition");
    // Created, Changed, Skipped, Unchanged, Failed, Not attempted.
    await expect(report).toHaveText(["1", "1", "0", "1", "1", "0"]);
    await expect(dialog.getByRole("list", { name: "Failures" }).getByRole("listitem")).toHaveText([`Failed${dst}/clashetcd has a directory here, the file a key: left as it is`]);
    expect(await etcd.value(`${dst}/new`)).toBe("<b>not bold</b>");
    expect(await etcd.value(`${dst}/diff`)).toBe("new");
    await dialog.getByRole("button", { name: "Close", exact: true }).first().click();
    await expect(dialog).toBeHidden();
    // The panel's listing shows the imported key.
    await expect(panel(page).getByRole("table", { name: "Children" }).getByRole("button", { name: /^new/ })).toBeVisible();
  });

  test("a file that is not an export is refused with the reason, and nothing is written", async ({ page, etcd, ns }) => {
    const dst = `${ns}/dst`;
    await etcd.put(`${dst}/keep`, "x");
    await openKey(page, dst);
    await panel(page).getByRole("button", { name: "Import", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Import into ${dst}` });
    await dialog.getByLabel("Export file").setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"hello":"world"}') });
    await expect(dialog.getByRole("alert")).toContainText("not an etcd-dashboard-export file");
    await expect(dialog.getByLabel("Export file")).toBeEnabled();
    expect((await etcd.get(dst, { recursive: "true" })).body.node!.nodes).toHaveLength(1);
  });
});
