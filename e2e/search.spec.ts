// Searching a subtree from the Keys page in Chromium: the Search in <dir> dialog, results streaming into
// a virtualized list, opening a result, bad patterns, and a search over 100,000 keys that leaves the page
// and the server responsive and stops when cancelled.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { putMany } from "./etcd-bulk";
import { expect, test } from "./fixtures";
import { keyPage, panel } from "./key-page";

const dialog = (page: Page, dir: string) => page.getByRole("dialog", { name: `Search in ${dir}` });

async function openSearch(page: Page, dir: string) {
  await page.goto(keyPage(dir));
  await panel(page).getByRole("button", { name: `Search in ${dir}` }).click();
  const search = dialog(page, dir);
  await expect(search).toBeVisible();
  return search;
}

test.describe("search dialog", () => {
  test("results by name and value appear after the size; selecting one opens the key", async ({ page, etcd, ns }) => {
    await putMany(etcd, [
      [`${ns}/app/db/host`, "db.internal"],
      [`${ns}/app/db/password`, "Secret-DB"],
      [`${ns}/app/web/port`, "8080"],
      [`${ns}/app/web/db-url`, "postgres://db/app"],
    ]);
    const dir = `${ns}/app`;
    const search = await openSearch(page, dir);
    await search.getByLabel("Search for").fill("db");
    await search.getByRole("button", { name: "Search", exact: true }).click();

    await expect(search.getByRole("status", { name: "Search size" })).toHaveText(new RegExp(`^Searching 4 keys and 2 directories below ${dir} \\(\\d[\\d.,]* (bytes|KiB) read from etcd\\)\\.$`));
    await expect(search.getByRole("status", { name: "Search matches" })).toHaveText("4 matches.");
    const results = search.getByRole("list", { name: "Search results" });
    await expect(results.getByRole("button")).toHaveCount(4);
    // The path below the searched directory, the value's excerpt beside it.
    await expect(results.getByRole("button", { name: `${dir}/web/db-url` })).toContainText("web/db-url");
    await expect(results.getByRole("button", { name: `${dir}/web/db-url` })).toContainText("postgres://db/app");
    await expect(results.getByRole("button", { name: `${dir}/web/db-url` }).locator("mark")).toHaveText(["db", "db"]);
    await expect(search.getByRole("progressbar", { name: "Search progress" })).toHaveAttribute("value", "6");

    await search.getByLabel("Match in").selectOption("name");
    await search.getByRole("button", { name: "Search", exact: true }).click();
    await expect(search.getByRole("status", { name: "Search matches" })).toHaveText("2 matches.");
    await expect(results.getByRole("button")).toHaveCount(2);

    await results.getByRole("button", { name: `${dir}/web/db-url` }).click();
    await expect(page).toHaveURL(new RegExp(`/keys${dir}/web/db-url$`));
    await expect(search).toBeHidden();
    await expect(panel(page).getByRole("heading", { name: `${dir}/web/db-url` })).toBeVisible();
  });

  test("a bad regular expression is refused at the field; case sensitivity, no matches, and a runaway pattern stopped", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/cfg/Mode`, "Production");
    await etcd.put(`${ns}/cfg/runaway`, `${"a".repeat(40)}!`);
    const search = await openSearch(page, `${ns}/cfg`);
    const text = search.getByLabel("Search for");
    await text.fill("prod(");
    await search.getByLabel("Regular expression").check();
    await search.getByRole("button", { name: "Search", exact: true }).click();
    await expect(search.getByText(/not a valid regular expression/)).toBeVisible();
    await expect(text).toHaveAttribute("aria-invalid", "true");

    await text.fill("^prod");
    await search.getByRole("button", { name: "Search", exact: true }).click();
    await expect(search.getByRole("status", { name: "Search matches" })).toHaveText("1 match.");
    await search.getByLabel("Case sensitive").check();
    await search.getByRole("button", { name: "Search", exact: true }).click();
    await expect(search.getByRole("status", { name: "Search matches" })).toHaveText("No matches.");

    // A pattern that backtracks out of control is stopped by the server, and the dialog says why.
    await search.getByLabel("Case sensitive").uncheck();
    await text.fill("^(a+)+$");
    await search.getByRole("button", { name: "Search", exact: true }).click();
    await expect(search.getByRole("alert")).toContainText(`Stopped: the pattern took too long (over 1 s) on ${ns}/cfg/runaway`);
    await expect(search.getByRole("status", { name: "Search matches" })).toHaveText(/^Stopped after \d of 2 scanned: 0 matches\.$/);
  });
});

test.describe("a search over 100,000 keys", () => {
  test.describe.configure({ mode: "serial" });
  // Written once for both tests: 100 directories of 1,000 keys (so no listing the page opens is huge).
  const big = `/e2e/search-big-${randomBytes(4).toString("hex")}`;

  test.beforeAll(async ({ etcd }) => {
    test.setTimeout(300_000);
    const entries: [string, string][] = [];
    for (let i = 0; i < 100_000; i++) {
      const id = String(i).padStart(6, "0");
      entries.push([`${big}/d${id.slice(0, 3)}/k${id}`, JSON.stringify({ id, name: `item-${id}` })]);
    }
    // Modest concurrency: the other worker's tests share this etcd.
    await putMany(etcd, entries, 16);
  });
  test.afterAll(async ({ etcd }) => {
    await etcd.delete(big, { recursive: "true" });
  });

  test("the size comes first and the results stop at 10,000, in a list that stays small", async ({ page }) => {
    test.setTimeout(60_000);
    const search = await openSearch(page, big);
    await search.getByLabel("Search for").fill("k0");
    await search.getByLabel("Match in").selectOption("name");
    await search.getByRole("button", { name: "Search", exact: true }).click();
    await expect(search.getByRole("status", { name: "Search size" })).toContainText(`Searching 100,000 keys and 100 directories below ${big}`);
    await expect(search.getByRole("status", { name: "Search matches" })).toHaveText("The first 10,000 matches (the limit); there may be more: narrow the search.", { timeout: 30_000 });
    const results = search.getByRole("list", { name: "Search results" });
    await expect(results.getByRole("button").first()).toHaveAccessibleName(`${big}/d000/k000000`);
    expect(await results.getByRole("button").count()).toBeLessThan(100);
  });

  test("stays responsive while it runs, and Cancel stops it", async ({ page, request }) => {
    test.setTimeout(90_000);
    // A pattern that costs about a millisecond on each value: minutes of matching for 100,000 of them,
    // with a match on every tenth value (ids ending in 7).
    const search = await openSearch(page, big);
    await search.getByLabel("Search for").fill('.*.*.*7"\\}');
    await search.getByLabel("Regular expression").check();
    await search.getByLabel("Match in").selectOption("value");
    await search.getByRole("button", { name: "Search", exact: true }).click();

    const progress = search.getByRole("progressbar", { name: "Search progress" });
    const count = search.getByRole("status", { name: "Search matches" });
    const cancel = search.getByRole("button", { name: "Cancel search" });
    await expect(search.getByRole("status", { name: "Search size" })).toContainText("Searching 100,000 keys");
    await expect(count).toHaveText(/^[1-9][\d,]* matches? so far$/, { timeout: 30_000 });
    const firstScanned = Number(await progress.getAttribute("value"));
    await expect.poll(async () => Number(await progress.getAttribute("value"))).toBeGreaterThan(firstScanned);

    // While it runs: the page reacts to input, results can be scrolled, and the server answers others.
    const caseSensitive = search.getByLabel("Case sensitive");
    await caseSensitive.check();
    await expect(caseSensitive).toBeChecked();
    await caseSensitive.uncheck();
    await expect(caseSensitive).not.toBeChecked();
    const other = await request.get(`/api/clusters/default/keys${big}/d000/k000007`);
    expect(other.status()).toBe(200);
    expect(((await other.json()) as { node: { value: string } }).node.value).toContain("000007");
    await expect(cancel).toBeVisible();
    await expect(count).toHaveText(/so far$/);

    // Cancel aborts the request itself (the server then stops: e2e/api/search.spec.ts), not only the display.
    const aborted = page.waitForEvent("requestfailed", (r) => r.url().includes(`/search${big}?`));
    await cancel.click();
    expect((await aborted).failure()?.errorText).toMatch(/ABORTED/);
    await expect(count).toHaveText(/^Cancelled after [\d,]+ of 100,100 scanned: [\d,]+ matches?\.$/);
    await expect(cancel).toBeHidden();
    await expect(search.getByRole("button", { name: "Search", exact: true })).toBeEnabled();
    const stoppedAt = await count.textContent();
    const scannedAt = await progress.getAttribute("value");
    const rows = await search.getByRole("list", { name: "Search results" }).getByRole("button").count();
    expect(rows).toBeGreaterThan(0);
    // Nothing more arrives: the counts stay where Cancel left them.
    await page.waitForTimeout(2000);
    await expect(count).toHaveText(stoppedAt!);
    await expect(progress).toHaveAttribute("value", scannedAt!);
    // The cancelled search did not finish anything on the way out.
    expect(stoppedAt).not.toMatch(/^(The first|No matches|\d.* matches\.$)/);
  });
});
