// Browsing a directory (issue [11] items 8, 9 and 11's checkboxes): the directory panel's table of every child
// sharing the tree's filter, numbers formatted one way, a filter matching nothing, matches marked, row
// checkboxes that show when wanted; at desktop and phone widths.
import type { Page } from "@playwright/test";
import { putMany } from "./etcd-bulk";
import { encodeKey, expect, test } from "./fixtures";
import { keyPage, panel } from "./key-page";
import { showTree } from "./narrow-layout";

const tree = (page: Page) => page.getByRole("tree", { name: "Keys" });
const item = (page: Page, name: string) => tree(page).getByRole("treeitem", { name, exact: true });
const table = (page: Page) => panel(page).getByRole("table", { name: "Children" });
const bodyRows = (page: Page) => table(page).getByRole("row").filter({ has: page.getByRole("cell") });

test.describe("browsing a directory", () => {
  test("the panel lists every child in a table, counts them one way, and shares the tree's filter", async ({ page, etcd, ns }) => {
    test.setTimeout(120_000); // 1,500 writes first
    const dir = `${ns}/big`;
    await putMany(etcd, Array.from({ length: 1500 }, (_, i) => [`${dir}/k${String(i).padStart(4, "0")}`, `line one ${i}\nline two`] as const));
    await page.goto(keyPage(dir));
    await expect(panel(page).getByRole("status", { name: "Children count" })).toHaveText("Directory with 1,500 children.");
    await expect(item(page, "big")).toContainText("1,500");
    // Every child is in the table (1,500 rows and the header), only those in view are rendered.
    await expect(table(page)).toHaveAttribute("aria-rowcount", "1501");
    const first = bodyRows(page).first();
    await expect(first).toContainText("k0000");
    await expect(first).toContainText("line one 0");
    await expect(first).not.toContainText("line two");
    expect(await bodyRows(page).count()).toBeLessThan(100);
    // The keyboard walks the rows to the last one.
    await table(page).getByRole("button", { name: "k0000", exact: true }).focus();
    await page.keyboard.press("End");
    await expect(table(page).getByRole("button", { name: "k1499", exact: true })).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(table(page).getByRole("button", { name: "k1498", exact: true })).toBeFocused();

    // The tree's filter narrows the table too, with the match marked in both.
    await page.getByLabel("Filter", { exact: true }).fill("K149");
    await expect(page.getByRole("status", { name: "Filter matches" })).toHaveText("10 of 1,500");
    await expect(panel(page).getByLabel("Filter children")).toHaveValue("K149");
    await expect(bodyRows(page)).toHaveCount(10);
    await expect(table(page).getByRole("button", { name: "k1490", exact: true }).locator("mark")).toHaveText("k149");
    await expect(item(page, "k1490").locator("mark")).toHaveText("k149");

    // A row opens its child.
    await bodyRows(page).filter({ hasText: "k1493" }).click();
    await expect(page).toHaveURL(new RegExp(`/keys${dir}/k1493$`));
    await expect(panel(page).getByRole("heading", { name: `${dir}/k1493` })).toBeVisible();
  });

  test("a filter matching nothing says so, and Clear brings the children back", async ({ page, etcd, ns }) => {
    await putMany(etcd, [
      [`${ns}/fruits/apple`, "1"],
      [`${ns}/fruits/banana`, "2"],
    ]);
    await page.goto(keyPage(`${ns}/fruits`));
    await expect(bodyRows(page)).toHaveCount(2);
    await panel(page).getByLabel("Filter children").fill("zzz");
    // The tree's filter is the same one.
    await expect(page.getByLabel("Filter", { exact: true })).toHaveValue("zzz");
    const empties = page.getByRole("status", { name: "No matches" });
    await expect(empties).toHaveCount(2); // beside the tree's filter, and in the panel
    await expect(empties.first()).toHaveText("No children match “zzz”.");
    await expect(table(page)).toHaveCount(0);
    await panel(page).getByRole("button", { name: "Clear filter" }).click();
    await expect(empties).toHaveCount(0);
    await expect(page.getByLabel("Filter", { exact: true })).toHaveValue("");
    await expect(bodyRows(page)).toHaveCount(2);
    await expect(item(page, "banana")).toBeVisible();
  });

  test("row checkboxes show on hover or keyboard focus, and on every row once one is checked", async ({ page, etcd, ns }) => {
    await putMany(etcd, [
      [`${ns}/a`, "1"],
      [`${ns}/b`, "2"],
      [`${ns}/c`, "3"],
    ]);
    await page.goto(`/keys${encodeKey(ns)}`);
    const box = (name: string) => tree(page).getByRole("checkbox", { name: `Select ${ns}/${name}`, exact: true });
    await expect(item(page, "a")).toBeVisible();
    await expect(box("a")).toBeHidden();
    await item(page, "b").hover();
    await expect(box("b")).toBeVisible();
    await expect(box("a")).toBeHidden();
    // Keyboard: the focused row shows its checkbox; Space checks it, and then every row shows one.
    await page.mouse.move(0, 0);
    await item(page, "a").focus();
    await expect(box("a")).toBeVisible();
    await page.keyboard.press("Space");
    await expect(item(page, "a")).toHaveAttribute("aria-checked", "true");
    await expect(box("c")).toBeVisible();
    await page.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: "Clear selection" }).click();
    await expect(box("c")).toBeHidden();
  });
});

test.describe("browsing a directory on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the filter's empty state and the marked match; checkboxes once a row is checked", async ({ page, etcd, ns }) => {
    await putMany(etcd, [
      [`${ns}/list/alpha`, "1"],
      [`${ns}/list/beta`, "2"],
    ]);
    await page.goto(keyPage(`${ns}/list`));
    // At this width the directory fills the screen: its table, filtered by the filter above it (the tree's).
    const filter = panel(page).getByLabel("Filter children");
    const row = (name: string) => table(page).getByRole("button", { name, exact: true });
    await filter.fill("PH");
    await expect(row("alpha").locator("mark")).toHaveText("ph");
    await expect(row("beta")).toHaveCount(0);
    await filter.fill("nothing");
    await expect(panel(page).getByRole("status", { name: "No matches" })).toHaveText("No children match “nothing”.");
    await panel(page).getByRole("button", { name: "Clear filter" }).click();
    await expect(row("beta")).toBeVisible();

    // The tree, with the directory still open: its rows' checkboxes.
    await showTree(page);
    await item(page, "alpha").focus();
    await page.keyboard.press("Space");
    await expect(tree(page).getByRole("checkbox", { name: `Select ${ns}/list/beta`, exact: true })).toBeVisible();
  });

  test("the table opens a child", async ({ page, etcd, ns }) => {
    await putMany(etcd, [[`${ns}/small/only`, "value"]]);
    await page.goto(keyPage(`${ns}/small`));
    await expect(panel(page).getByRole("status", { name: "Children count" })).toHaveText("Directory with 1 child.");
    // Until the narrow layout shows the panel alone (another change of this issue), it is squeezed beside the
    // tree at this width: open the child from the keyboard.
    await table(page).getByRole("button", { name: "only", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/small/only$`));
  });
});

async function searchDb(page: Page, etcd: Parameters<typeof putMany>[0], dir: string) {
  await putMany(etcd, [
    [`${dir}/db/host`, "db.internal"],
    [`${dir}/db/password`, "Secret-DB"],
    [`${dir}/web/port`, "8080"],
    [`${dir}/web/db-url`, "postgres://db/app"],
  ]);
  await page.goto(keyPage(dir));
  await panel(page).getByRole("button", { name: `Search in ${dir}` }).click();
  const dialog = page.getByRole("dialog", { name: `Search in ${dir}` });
  await dialog.getByLabel("Search for").fill("db");
  await dialog.getByRole("button", { name: "Search", exact: true }).click();
  await expect(dialog.getByRole("status", { name: "Search matches" })).toHaveText("4 matches.");
  await dialog.getByRole("list", { name: "Search results" }).getByRole("button", { name: `${dir}/web/db-url` }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/keys${dir}/web/db-url$`));
  return page.getByRole("complementary", { name: `Search results in ${dir}` });
}

test.describe("search results beside the key", () => {
  test("opening a result keeps the results open, the opened one marked; the keyboard walks them; Close", async ({ page, etcd, ns }) => {
    const dir = `${ns}/app`;
    const pane = await searchDb(page, etcd, dir);
    await expect(pane).toBeVisible();
    await expect(pane).toContainText("4 matches");
    const results = pane.getByRole("list", { name: "Search results" }).getByRole("button");
    await expect(results).toHaveCount(4);
    const dbUrl = pane.getByRole("button", { name: `${dir}/web/db-url` });
    await expect(dbUrl).toHaveAttribute("aria-current", "true");
    await expect(panel(page).getByRole("heading", { name: `${dir}/web/db-url` })).toBeVisible();

    // Home and Enter open the first result (db-url is not the first: its directory db sorts before it); the mark follows.
    await dbUrl.focus();
    await page.keyboard.press("Home");
    const first = results.first();
    await expect(first).toBeFocused();
    const firstKey = (await first.getAttribute("aria-label"))!;
    expect(firstKey).not.toBe(`${dir}/web/db-url`);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/keys${firstKey}$`));
    await expect(first).toHaveAttribute("aria-current", "true");
    await page.keyboard.press("ArrowDown");
    await expect(results.nth(1)).toBeFocused();
    await expect(dbUrl).not.toHaveAttribute("aria-current", "true");

    await pane.getByRole("button", { name: "Close search results" }).click();
    await expect(pane).toHaveCount(0);
  });
});

test.describe("search results beside the key on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the results stay in a sheet after one is opened; Escape closes it", async ({ page, etcd, ns }) => {
    const dir = `${ns}/app`;
    const pane = await searchDb(page, etcd, dir);
    await expect(pane.getByRole("button", { name: `${dir}/web/db-url` })).toHaveAttribute("aria-current", "true");
    const first = pane.getByRole("list", { name: "Search results" }).getByRole("button").first();
    const firstKey = (await first.getAttribute("aria-label"))!;
    await first.click();
    await expect(page).toHaveURL(new RegExp(`/keys${firstKey}$`));
    await expect(first).toHaveAttribute("aria-current", "true");
    await first.focus();
    await page.keyboard.press("Escape");
    await expect(pane).toHaveCount(0);
  });
});
