// The directory Delete dialog (directory panel, tree menu, palette): it deletes what its count saw, key by
// key through POST …/bulk-delete (never recursive=true), with progress, Stop and a report of what was kept.
import { putMany } from "./etcd-bulk";
import { expect, test } from "./fixtures";
import { openKey, panel } from "./key-page";

test("a key written into the directory while the dialog is open survives and is listed in the report", async ({ page, etcd, ns }) => {
  const dir = `${ns}/tree`;
  await putMany(etcd, [
    [`${dir}/a`, "1"],
    [`${dir}/b`, "2"],
    [`${dir}/sub/c`, "3"],
  ]);
  const recursiveDeletes: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "DELETE" && /[?&]recursive=true/.test(request.url())) recursiveDeletes.push(request.url());
  });
  await openKey(page, dir);
  await panel(page).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete directory tree?" });
  await expect(dialog.getByRole("status")).toContainText("holds 3 keys");

  // Someone else writes into the directory after the count, before the name is typed.
  await etcd.put(`${dir}/late`, "written while the dialog was open");
  await etcd.put(`${dir}/sub/later`, "and another");
  await dialog.getByLabel("Type the directory name to confirm").fill("tree");
  await dialog.getByRole("button", { name: "Delete" }).click();

  await expect(dialog.getByRole("status")).toContainText(`Deleted 3 keys of 3 in ${dir}; the directory stays.`);
  await expect(dialog.getByRole("status")).toContainText("Kept because changed or added meanwhile: 2.");
  const report = dialog.getByRole("list", { name: "Not deleted" });
  await expect(report.getByRole("listitem", { name: new RegExp(`^${dir}/late: Added meanwhile`) })).toBeVisible();
  await expect(report.getByRole("listitem", { name: new RegExp(`^${dir}/sub/later: Added meanwhile`) })).toBeVisible();
  await expect(dialog.getByRole("progressbar", { name: "Keys deleted" })).toBeVisible();

  expect(await etcd.value(`${dir}/late`)).toBe("written while the dialog was open");
  expect(await etcd.value(`${dir}/sub/later`)).toBe("and another");
  expect(await etcd.value(`${dir}/a`)).toBeUndefined();
  expect(await etcd.value(`${dir}/sub/c`)).toBeUndefined();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  expect(recursiveDeletes).toEqual([]);
});

test("a big directory shows keys deleted of the total, and Stop keeps what is left", async ({ page, etcd, ns }) => {
  test.setTimeout(120_000);
  const dir = `${ns}/big`;
  const count = 6000;
  await putMany(etcd, Array.from({ length: count }, (_, i) => [`${dir}/k${String(i).padStart(5, "0")}`, "v"] as const), 64);
  await openKey(page, dir);
  await panel(page).getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete directory big?" });
  await expect(dialog.getByRole("status")).toContainText(`holds 6,000 keys`);
  await dialog.getByLabel("Type the directory name to confirm").fill("big");
  await dialog.getByRole("button", { name: "Delete" }).click();

  await expect(dialog.getByRole("status")).toContainText(/Deleting .*… [\d,]+ keys? deleted of 6,000\./);
  const progress = dialog.getByRole("progressbar", { name: "Keys deleted" });
  await expect(progress).toHaveAttribute("max", "6000");
  // While it runs, closing the dialog is refused: Stop first.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Stop" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Stopped. What was deleted before stays deleted; the rest was left alone.");
  await expect(dialog.getByRole("status")).toContainText("the directory stays");
  await expect(dialog.getByRole("button", { name: "Done" })).toBeVisible();

  // The server stops too: what is left stays, and stays put.
  const left = async () => ((await etcd.get(dir, { quorum: "true" })).body.node?.nodes ?? []).length;
  const afterStop = await left();
  expect(afterStop).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect(await left()).toBeGreaterThanOrEqual(afterStop - 16);
  expect(await left()).toBeGreaterThan(0);
});
