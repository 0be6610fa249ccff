// The key tree in Chromium: lazy loading, deep links and history, mouse and keyboard (WAI-ARIA tree),
// filter, go-to-key completion, a directory of 10,000 keys (virtualized), hostile key names, errors.
import type { Page, Request } from "@playwright/test";
import { putMany } from "./etcd-bulk";
import { encodeKey, expect, test, type DirectEtcd } from "./fixtures";

const tree = (page: Page) => page.getByRole("tree", { name: "Keys" });
const item = (page: Page, name: string) => tree(page).getByRole("treeitem", { name, exact: true });
const focused = (page: Page) => page.locator(":focus");

async function seed(etcd: DirectEtcd, entries: Record<string, string>) {
  await putMany(etcd, Object.entries(entries));
}

test.describe("key tree", () => {
  test("a deep link opens every ancestor and selects the key; back and forward follow", async ({ page, etcd, ns }) => {
    await seed(etcd, { [`${ns}/a/b/c`]: "1", [`${ns}/a/x`]: "2", [`${ns}/top`]: "3" });
    const nsName = ns.split("/").pop()!;

    await page.goto(`/keys${encodeKey(ns)}/a/b`);
    const b = item(page, "b");
    await expect(b).toHaveAttribute("aria-selected", "true");
    await expect(b).toHaveAttribute("aria-level", "4");
    // The linked directory itself is open too: a link to a directory shows its children.
    await expect(b).toHaveAttribute("aria-expanded", "true");
    await expect(item(page, "c")).toHaveAttribute("aria-level", "5");
    await expect(item(page, "c")).toHaveAttribute("aria-selected", "false");
    for (const name of ["e2e", nsName, "a"]) await expect(item(page, name)).toHaveAttribute("aria-expanded", "true");
    await expect(item(page, "x")).toHaveAttribute("aria-selected", "false");
    await expect(tree(page).getByRole("treeitem", { selected: true })).toHaveCount(1);
    // Roving tabindex: exactly one row is in the tab order.
    await expect(tree(page).locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);

    await item(page, "x").click();
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/a/x$`));
    await expect(item(page, "x")).toHaveAttribute("aria-selected", "true");

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/a/b$`));
    await expect(item(page, "b")).toHaveAttribute("aria-selected", "true");
    await expect(item(page, "x")).toHaveAttribute("aria-selected", "false");

    await page.goForward();
    await expect(item(page, "x")).toHaveAttribute("aria-selected", "true");
  });

  test("a click expands and collapses a directory; counts and TTLs show", async ({ page, etcd, ns }) => {
    await seed(etcd, { [`${ns}/a/one`]: "1", [`${ns}/a/two`]: "2" });
    await etcd.put(`${ns}/temp`, "t", { ttl: "600" });
    const nsName = ns.split("/").pop()!;
    await page.goto(`/keys${encodeKey(ns)}`);

    const nsRow = item(page, nsName);
    await expect(nsRow).toHaveAttribute("aria-selected", "true");
    await expect(nsRow).toHaveAttribute("aria-expanded", "true"); // the linked directory is open
    await expect(nsRow).toContainText("2"); // child count once its listing is loaded
    await nsRow.click();
    await expect(nsRow).toHaveAttribute("aria-expanded", "false");
    await expect(item(page, "temp")).toHaveCount(0);
    await nsRow.click();
    await expect(nsRow).toHaveAttribute("aria-expanded", "true");
    await expect(item(page, "temp").getByRole("timer")).toHaveAttribute("aria-label", /^expires in (9 min \d+ s|10 min 0 s)$/);

    const a = item(page, "a");
    await expect(a).toHaveAttribute("aria-expanded", "false");
    await a.click();
    await expect(a).toHaveAttribute("aria-expanded", "true");
    await expect(item(page, "one")).toHaveAttribute("aria-level", "4");
    await expect(item(page, "one")).toHaveAttribute("aria-posinset", "1");
    await expect(item(page, "two")).toHaveAttribute("aria-setsize", "2");
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/a$`));

    await a.click();
    await expect(a).toHaveAttribute("aria-expanded", "false");
    await expect(item(page, "one")).toHaveCount(0);
  });

  test("a row another client deletes while it has the focus hands the focus to the row in its place", async ({ page, etcd, ns }) => {
    for (const name of ["a", "b", "c"]) await etcd.put(`${ns}/${name}`, name);
    await page.goto(`/keys${encodeKey(ns)}`);
    await item(page, "b").focus();
    await etcd.delete(`${ns}/b`);
    await expect(item(page, "b")).toHaveCount(0);
    await expect(item(page, "c")).toBeFocused();
    await page.keyboard.press("ArrowUp");
    await expect(item(page, "a")).toBeFocused();
  });

  test("the keyboard moves, opens, closes and selects", async ({ page, etcd, ns }) => {
    await seed(etcd, { [`${ns}/a/b/c`]: "1", [`${ns}/a/x`]: "2", [`${ns}/top`]: "3" });
    await page.goto(`/keys${encodeKey(ns)}/a`);
    const a = item(page, "a");
    await expect(a).toHaveAttribute("aria-selected", "true");
    await expect(a).toHaveAttribute("aria-expanded", "true"); // the linked directory is open
    await a.focus();
    await page.keyboard.press("ArrowLeft"); // open: close it
    await expect(a).toHaveAttribute("aria-expanded", "false");
    await expect(item(page, "b")).toHaveCount(0);
    await expect(a).toBeFocused();

    await page.keyboard.press("ArrowRight");
    await expect(a).toHaveAttribute("aria-expanded", "true");
    await expect(a).toBeFocused();
    await expect(item(page, "b")).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(item(page, "b")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(item(page, "x")).toBeFocused();
    await expect(item(page, "x")).toHaveAttribute("tabindex", "0");
    await page.keyboard.press("ArrowUp");
    await expect(item(page, "b")).toBeFocused();
    await page.keyboard.press("ArrowLeft"); // b is closed: to the parent
    await expect(a).toBeFocused();
    await page.keyboard.press("ArrowLeft"); // a is open: close it
    await expect(a).toHaveAttribute("aria-expanded", "false");
    await expect(item(page, "b")).toHaveCount(0);
    await page.keyboard.press("ArrowDown");
    await expect(item(page, "top")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/top$`));
    await expect(item(page, "top")).toHaveAttribute("aria-selected", "true");

    await page.keyboard.press("Home");
    await expect(focused(page)).toHaveAttribute("aria-level", "1");
    await expect(focused(page)).toHaveAttribute("aria-posinset", "1");
    // End focuses the last row. The tree is live: other tests' namespaces (rows at level 2 under /e2e) come
    // and go meanwhile, so only such rows may follow the focused one, and when the last row itself went
    // away (its test deleted it), End is pressed again.
    const rowsAfterFocus = () =>
      page.evaluate(() => {
        const rows = [...document.querySelectorAll('[role="tree"] [role="treeitem"][data-key]')];
        const at = rows.indexOf(document.activeElement as Element);
        return at < 0 ? ["no focused row"] : rows.slice(at + 1).map((r) => `${r.getAttribute("aria-level")}:${r.getAttribute("data-key")}`);
      });
    await expect(async () => {
      await page.keyboard.press("End");
      await expect(focused(page)).toHaveAttribute("role", "treeitem", { timeout: 1_000 });
      expect((await rowsAfterFocus()).filter((r) => !/^2:\/e2e\/t[0-9a-f]+$/.test(r))).toEqual([]);
    }).toPass({ timeout: 10_000 });
  });

  test("the filter narrows the selected key's siblings and counts them", async ({ page, etcd, ns }) => {
    await seed(etcd, Object.fromEntries(["apple", "Banana", "cherry", "grape", "pineapple"].map((n) => [`${ns}/fruits/${n}`, n])));
    await page.goto(`/keys${encodeKey(ns)}/fruits/cherry`);
    await expect(item(page, "cherry")).toHaveAttribute("aria-selected", "true");

    const filter = page.getByLabel("Filter", { exact: true });
    await filter.fill("APP");
    await expect(page.getByRole("status", { name: "Filter matches" })).toHaveText("2 of 5");
    await expect(item(page, "apple")).toBeVisible();
    await expect(item(page, "pineapple")).toBeVisible();
    await expect(item(page, "Banana")).toHaveCount(0);
    await expect(item(page, "fruits")).toBeVisible(); // the directory itself stays
    await expect(item(page, "apple")).toHaveAttribute("aria-setsize", "2");

    await filter.fill("an");
    await expect(page.getByRole("status", { name: "Filter matches" })).toHaveText("1 of 5");
    await expect(item(page, "Banana")).toBeVisible();

    await filter.fill("");
    await expect(tree(page).getByRole("treeitem", { level: 4 })).toHaveCount(5);
  });

  test("go to key completes segment by segment and navigates", async ({ page, etcd, ns }) => {
    await seed(etcd, { [`${ns}/apps/web/port`]: "80", [`${ns}/apps/worker`]: "w", [`${ns}/apps/api/port`]: "81" });
    await page.goto("/keys");
    const goTo = page.getByRole("combobox", { name: "Go to key" });
    await goTo.fill(`${ns}/apps/w`);
    const listbox = page.getByRole("listbox");
    await expect(listbox.getByRole("option")).toHaveText(["web/", "worker"]);
    await expect(goTo).toHaveAttribute("aria-expanded", "true");

    // The first completion is highlighted as the name is typed; arrows move it.
    await expect(listbox.getByRole("option", { name: "web" })).toHaveAttribute("aria-selected", "true");
    await goTo.press("ArrowDown");
    await expect(listbox.getByRole("option", { name: "worker" })).toHaveAttribute("aria-selected", "true");
    await goTo.press("ArrowUp");
    await expect(listbox.getByRole("option", { name: "web" })).toHaveAttribute("aria-selected", "true");
    await goTo.press("Enter");
    await expect(goTo).toHaveValue(`${ns}/apps/web/`);
    await expect(listbox.getByRole("option")).toHaveText(["port"]);
    await goTo.press("Tab");
    await expect(goTo).toHaveValue(`${ns}/apps/web/port`);
    await expect(goTo).toBeFocused();
    await goTo.press("Enter");

    await expect(page).toHaveURL(new RegExp(`/keys${ns}/apps/web/port$`));
    await expect(item(page, "port")).toHaveAttribute("aria-selected", "true");
    await expect(item(page, "web")).toHaveAttribute("aria-expanded", "true");
  });

  test("a directory of 10,000 keys opens, stays small in the DOM, filters, and End reaches the last key", async ({ page, etcd, ns }) => {
    test.setTimeout(120_000);
    const names = Array.from({ length: 10_000 }, (_, i) => `k${String(i).padStart(5, "0")}`);
    await putMany(etcd, names.map((n) => [`${ns}/big/${n}`, n] as const), 32);

    // The server renders the tree's first screen of the linked directory (its first 60 children), which the
    // browser hydrates as it is (a mismatch would be logged) before its own listing takes over.
    const html = await (await page.request.get(`/keys${encodeKey(ns)}/big`, { headers: { "sec-fetch-dest": "document" } })).text();
    expect(html).toContain(`data-key="${ns}/big/k00000"`);
    expect(html).not.toContain(`data-key="${ns}/big/k00060"`);
    const hydrationErrors: string[] = [];
    const hydration = /hydrat|react\.dev\/errors\/4(18|19|2[0-5])\b|React error #4(18|19|2[0-5])\b/i;
    page.on("console", (m) => {
      if (m.type() === "error" && hydration.test(m.text())) hydrationErrors.push(m.text());
    });
    page.on("pageerror", (e) => {
      if (hydration.test(e.message)) hydrationErrors.push(e.message);
    });
    await page.goto(`/keys${encodeKey(ns)}/big`);
    const big = item(page, "big");
    await expect(big).toHaveAttribute("aria-selected", "true");
    await expect(big).toHaveAttribute("aria-expanded", "true"); // the linked directory is open
    await expect(item(page, "k00000")).toBeVisible();
    await expect(big).toContainText("10,000");
    expect(await tree(page).getByRole("treeitem").count()).toBeLessThan(200);
    await expect(item(page, "k00000")).toHaveAttribute("aria-setsize", "10000");
    expect(hydrationErrors).toEqual([]);

    await item(page, "k00000").focus();
    await page.keyboard.press("End");
    const last = item(page, "k09999");
    // The tree is live: namespaces that other tests create meanwhile can sort after this one, so the
    // tree's last row may be one of theirs, a few rows below k09999. Walk back up to it.
    await expect(focused(page)).not.toHaveAttribute("aria-label", "k00000");
    await expect(async () => {
      if (await last.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press("ArrowUp");
      throw new Error("k09999 is not focused yet");
    }).toPass({ intervals: [100], timeout: 10_000 });
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport();
    await expect(last).toHaveAttribute("aria-posinset", "10000");
    expect(await tree(page).getByRole("treeitem").count()).toBeLessThan(200);
    await page.keyboard.press("Home");
    await expect(focused(page)).toHaveAttribute("aria-level", "1");

    await page.getByLabel("Filter", { exact: true }).fill("K04321");
    await expect(page.getByRole("status", { name: "Filter matches" })).toHaveText("1 of 10,000");
    await expect(item(page, "k04321")).toBeVisible();
    await expect(tree(page).getByRole("treeitem", { name: /^k\d{5}$/ })).toHaveCount(1);
  });

  test("a directory the tree and the panel both show is never read twice at once, on load or on Refresh", async ({ page, etcd, ns, keysUrl }) => {
    await seed(etcd, { [`${ns}/a/b/c`]: "1" });
    // Reads of b in flight, and the most at one time. (Not the number of reads: the live stream, going live,
    // may rightly read it again when other writes moved etcd's index on.)
    let inFlight = 0;
    let most = 0;
    const isReadOfB = (url: string) => new URL(url).pathname === keysUrl(`${ns}/a/b`);
    page.on("request", (request) => {
      if (request.method() === "GET" && isReadOfB(request.url())) most = Math.max(most, ++inFlight);
    });
    const ended = (request: Request) => {
      if (request.method() === "GET" && isReadOfB(request.url())) inFlight--;
    };
    page.on("requestfinished", ended);
    page.on("requestfailed", ended);
    await page.goto(`/keys${encodeKey(ns)}/a/b`);
    await expect(item(page, "c")).toBeVisible();
    await expect(page.getByRole("article", { name: `Key ${ns}/a/b` })).toBeVisible();
    await page.waitForTimeout(500);
    expect(most).toBe(1);

    await etcd.put(`${ns}/a/b/d`, "2");
    await page.getByRole("button", { name: "Refresh tree" }).click();
    await expect(item(page, "d")).toBeVisible();
    await page.waitForTimeout(500);
    expect(most).toBe(1);
  });

  test("a listing nobody has used for a minute is let go, and read again when its directory opens", async ({ page, etcd, ns }) => {
    const below = Array.from({ length: 80 }, (_, i) => [`${ns}/k${String(i).padStart(2, "0")}`, "v"] as const);
    await putMany(etcd, [[`${ns}/a/one`, "1"], [`${ns}/a/two`, "2"], ...below]);
    // The page's clock: a minute passes in a moment (lib/tree/release.ts: IDLE_LISTING_MS, RELEASE_CHECK_MS).
    await page.clock.install();
    await page.goto(`/keys${encodeKey(ns)}/a`);
    const a = item(page, "a");
    await expect(item(page, "one")).toBeVisible();
    await a.click(); // closes it: its count stays while its listing is held
    await expect(a).toHaveAttribute("aria-expanded", "false");
    await expect(a).toHaveText("a2");

    // Another key far below: "a" is neither open, nor on the way to the selection, nor on screen.
    const goTo = page.getByRole("combobox", { name: "Go to key" });
    await goTo.fill(`${ns}/k79`);
    await goTo.press("Enter");
    await expect(item(page, "k79")).toHaveAttribute("aria-selected", "true");
    await expect(a).toHaveCount(0);
    await page.clock.fastForward(70_000);

    await tree(page).evaluate((element) => element.scrollTo({ top: 0 }));
    await expect(a).toHaveText("a"); // no listing held, so no count
    const read = page.waitForRequest((request) => new URL(request.url()).pathname === `/api/clusters/default/keys${encodeKey(ns)}/a`);
    await a.focus();
    await page.keyboard.press("ArrowRight");
    await read;
    await expect(item(page, "one")).toBeVisible();
    await expect(a).toHaveText("a2");
  });

  test("hostile key names render as text, never as HTML", async ({ page, etcd, ns }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const payloads = ["<img src=x onerror=alert(1)>", "\"><svg onload=alert(2)>", "<b>bold"];
    await seed(etcd, Object.fromEntries(payloads.map((p) => [`${ns}/xss/${p}`, p])));
    await page.goto(`/keys${encodeKey(ns)}/xss`);
    await expect(item(page, "xss")).toHaveAttribute("aria-expanded", "true"); // the linked directory is open
    for (const p of payloads) await expect(item(page, p)).toHaveText(p);
    await expect(tree(page).locator("img, svg:not([aria-hidden]), b")).toHaveCount(0);

    await item(page, payloads[0]!).click();
    await expect(item(page, payloads[0]!)).toHaveAttribute("aria-selected", "true");
    await page.getByRole("combobox", { name: "Go to key" }).fill(`${ns}/xss/`);
    await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(3);
    await expect(page.getByRole("listbox").locator("img, svg, b")).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  test("a directory that cannot be loaded says so in words and offers a retry", async ({ page }) => {
    await page.goto("/keys?cluster=down");
    const alert = tree(page).getByRole("alert");
    await expect(alert).toBeVisible();
    // The shared title; the connection banner above the page explains it.
    await expect(alert).toContainText("etcd cannot be reached");
    const retry = tree(page).getByRole("button", { name: "Retry" });
    await retry.click();
    await expect(tree(page).getByRole("alert")).toBeVisible();
  });
});
