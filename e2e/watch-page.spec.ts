// The Watch page in Chromium against the built dashboard and a real etcd: changes made straight to etcd
// (HTTP and etcdctl) appear in a panel within a second; expiry, recursion, replay from an index, resync,
// panels kept in the URL, pause / resume, the action filter, export, and text-only rendering.
// Every test writes below its own `ns` prefix.
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import type { Page } from "@playwright/test";
import { putMany } from "./etcd-bulk";
import { panelByTitle } from "./watch-panel-page";
import { expect, test } from "./fixtures";

const ETCDCTL = "/usr/bin/etcdctl";

interface PanelOptions {
  recursive?: boolean;
  fromIndex?: number;
}

/** How a panel names itself (messages/en/watch.json panel.name). */
function panelTitle(key: string, options: PanelOptions = {}): string {
  return `v2 ${key}${options.recursive ? " (recursive)" : ""}${options.fromIndex === undefined ? "" : ` from index ${options.fromIndex}`}`;
}

/** The panel region and the parts of it the tests use. */
function watchPanel(page: Page, key: string, options: PanelOptions = {}) {
  return panelByTitle(page, panelTitle(key, options));
}

/** Fills the Add panel form and waits until the new panel's stream is live (so no write is missed). */
async function addPanel(page: Page, key: string, options: PanelOptions = {}) {
  await page.getByLabel("Key", { exact: true }).fill(key);
  const recursive = page.getByRole("checkbox", { name: "Recursive" });
  if (options.recursive) await recursive.check();
  else await recursive.uncheck();
  await page.getByLabel("From index", { exact: true }).fill(options.fromIndex === undefined ? "" : String(options.fromIndex));
  await page.getByRole("button", { name: "Add panel" }).click();
  const panel = watchPanel(page, key, options);
  await expect(panel.state).toHaveText("Live");
  return panel;
}

async function openWatchPage(page: Page) {
  await page.goto("/watch");
  await expect(page.getByRole("heading", { name: "Watch", level: 1 })).toBeVisible();
}

test.describe("watch page", () => {
  test("a direct HTTP write appears within a second, then an update shows the previous value beside the new one", async ({ page, etcd, ns }) => {
    const key = `${ns}/k`;
    await openWatchPage(page);
    const panel = await addPanel(page, key);
    await expect(panel.list).toBeVisible();
    await expect(panel.region).toContainText("No changes yet.");

    const first = await etcd.put(key, "hello");
    await expect(panel.row("set", "hello")).toBeVisible({ timeout: 1000 });
    await expect(panel.row("set", "hello")).toContainText(key);
    await expect(panel.row("set", "hello")).toContainText(`#${first.body.node!.modifiedIndex}`);

    const second = await etcd.put(key, "help!", { prevExist: "true" });
    const update = panel.row("update", `#${second.body.node!.modifiedIndex}`);
    await expect(update).toBeVisible({ timeout: 1000 });
    // previous → new, with the changed stretch marked in each
    await expect(update).toContainText("hello");
    await expect(update).toContainText("help!");
    await expect(update.locator("del")).toHaveText("lo");
    await expect(update.locator("ins")).toHaveText("p!");
    await expect(panel.rows).toHaveCount(2);
    // Newest first.
    await expect(panel.rows.first()).toContainText("update");

    await update.getByRole("button", { name: `Details of index ${second.body.node!.modifiedIndex}` }).click();
    const dialog = page.getByRole("dialog", { name: `Change at index ${second.body.node!.modifiedIndex}` });
    await expect(dialog.getByRole("textbox", { name: "Previous value" })).toHaveText("hello");
    await expect(dialog.getByRole("textbox", { name: "New value" })).toHaveText("help!");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  });

  test("a write made with etcdctl (v2 API) appears within a second", async ({ page, etcd, ns }) => {
    const key = `${ns}/ctl`;
    await openWatchPage(page);
    const panel = await addPanel(page, key);
    await promisify(execFile)(ETCDCTL, ["--endpoints", etcd.url, "set", key, "from etcdctl"], { env: { ...process.env, ETCDCTL_API: "2" }, timeout: 10_000 });
    await expect(panel.row("set", "from etcdctl")).toBeVisible({ timeout: 1000 });
    expect(await etcd.value(key)).toBe("from etcdctl");
  });

  test("a key with a TTL of 1 s shows an expire row", async ({ page, etcd, ns }) => {
    const key = `${ns}/ttl`;
    await openWatchPage(page);
    const panel = await addPanel(page, key);
    await etcd.put(key, "short-lived", { ttl: "1" });
    await expect(panel.row("set", "short-lived")).toBeVisible({ timeout: 1000 });
    // etcd expires keys on a 500 ms tick: up to about 1.5 s after the TTL.
    const expired = panel.row("expire");
    await expect(expired).toBeVisible({ timeout: 5000 });
    await expect(expired).toContainText("short-lived");
    await expect(expired).toContainText("(expired)");
    expect(await etcd.value(key)).toBeUndefined();
  });

  test("a recursive panel sees a change below its directory; a plain one does not", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/dir/a/b`, "0");
    await openWatchPage(page);
    const recursive = await addPanel(page, `${ns}/dir`, { recursive: true });
    const plain = await addPanel(page, `${ns}/dir`);
    const set = await etcd.put(`${ns}/dir/a/b`, "deep");
    await expect(recursive.row("set", `${ns}/dir/a/b`, "deep")).toBeVisible({ timeout: 1000 });
    await expect(recursive.row("set", "deep")).toContainText(`#${set.body.node!.modifiedIndex}`);
    // The plain panel on the directory itself: the child's change is not its own.
    await etcd.delete(`${ns}/dir`, { recursive: "true" });
    await expect(plain.row("delete", `${ns}/dir`)).toBeVisible({ timeout: 1000 });
    await expect(plain.rows).toHaveCount(1);
    await expect(recursive.row("delete")).toBeVisible({ timeout: 1000 });
  });

  test("From index replays earlier events, then goes on live", async ({ page, etcd, ns }) => {
    // etcd keeps only its last 1000 events, and every worker shares them: another test filling a directory
    // can push this test's events out of history before the panel opens. The panel then rightly shows a
    // resync row; when its index proves the history moved on, that attempt says nothing and runs again.
    await openWatchPage(page);
    for (let attempt = 1; ; attempt++) {
      const key = `${ns}/history${attempt}`;
      const first = await etcd.put(key, "one");
      const second = await etcd.put(key, "two");
      const removed = await etcd.delete(key);
      const fromIndex = first.body.node!.modifiedIndex;
      const panel = await addPanel(page, key, { fromIndex });
      await expect(panel.rows.first()).toBeVisible();
      const missed = panel.list.getByRole("listitem").filter({ hasText: "Events were missed" });
      if ((await missed.count()) > 0 && attempt < 3) {
        const reloadedAt = Number(/Reloaded at index (\d+)/.exec((await missed.first().textContent()) ?? "")?.[1]);
        expect(reloadedAt - fromIndex, "a resync only once etcd's 1000-event history has moved past the From index").toBeGreaterThanOrEqual(1000);
        await panel.button("Remove panel").click();
        continue;
      }
      await expect(panel.row("set", `#${fromIndex}`)).toContainText("one");
      await expect(panel.row("set", `#${second.body.node!.modifiedIndex}`)).toContainText("two");
      await expect(panel.row("delete", `#${removed.body.node!.modifiedIndex}`)).toContainText("two");
      await expect(panel.rows).toHaveCount(3);
      await etcd.put(key, "three");
      await expect(panel.row("set", "three")).toBeVisible({ timeout: 1000 });
      await expect(panel.rows).toHaveCount(4);
      return;
    }
  });

  test("a From index older than etcd's history shows a resync row, then goes on live", async ({ page, etcd, ns }) => {
    const start = await etcd.put(`${ns}/bulk/start`, "x");
    // etcd keeps the last 1000 events: 1100 more push the start out of its history. Few at a time, so
    // the burst does not slow the other worker's within-a-second checks on this 2-core machine.
    await putMany(
      etcd,
      Array.from({ length: 1100 }, (_, i) => [`${ns}/bulk/k${i}`, String(i)] as const),
      8,
    );
    await openWatchPage(page);
    const panel = await addPanel(page, `${ns}/bulk`, { recursive: true, fromIndex: start.body.node!.modifiedIndex });
    await expect(panel.list.getByRole("listitem").filter({ hasText: "Events were missed" })).toContainText(/Reloaded at index \d+/);
    await etcd.put(`${ns}/bulk/after`, "after the gap");
    await expect(panel.row("set", "after the gap")).toBeVisible({ timeout: 1000 });
  });

  test("panels are kept in the URL: a reload reopens them; Remove panel takes one away", async ({ page, etcd, ns }) => {
    await page.goto("/keys");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Watch" }).click();
    await expect(page).toHaveURL(/\/watch$/);
    await addPanel(page, `${ns}/one`);
    await addPanel(page, `${ns}/two`, { recursive: true, fromIndex: 5 });
    await expect(page).toHaveURL(new RegExp(`\\?w=${ns}/one&w=r@5${ns}/two$`));

    await page.reload();
    const one = watchPanel(page, `${ns}/one`);
    const two = watchPanel(page, `${ns}/two`, { recursive: true, fromIndex: 5 });
    await expect(one.state).toHaveText("Live");
    await expect(two.state).toHaveText("Live");
    await etcd.put(`${ns}/one`, "after reload");
    await expect(one.row("set", "after reload")).toBeVisible({ timeout: 1000 });

    await one.button("Remove panel").click();
    await expect(one.region).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`\\?w=r@5${ns}/two$`));
    await expect(two.region).toBeVisible();

    // A link names the cluster too.
    await page.goto(`/watch?cluster=second&w=${ns}/one`);
    await expect(page.getByRole("combobox", { name: "Cluster" })).toHaveValue("second");
    await expect(watchPanel(page, `${ns}/one`).state).toHaveText("Live");
  });

  test("says Reconnecting, with the reason, while etcd cannot be reached", async ({ page }) => {
    // `down` is a configured cluster whose only endpoint is a loopback port where nothing listens.
    await page.goto("/watch?cluster=down&w=r/anything");
    const state = watchPanel(page, "/anything", { recursive: true }).state;
    await expect(state).toContainText("Reconnecting");
    await expect(state).toContainText("etcd cannot be reached");
  });

  test("refuses an invalid key or From index, naming the problem", async ({ page }) => {
    await openWatchPage(page);
    await page.getByLabel("Key", { exact: true }).fill("/a//b");
    await page.getByLabel("From index", { exact: true }).fill("0");
    await page.getByRole("button", { name: "Add panel" }).click();
    await expect(page.getByText("Not a valid key: empty path segment")).toBeVisible();
    await expect(page.getByText("From index must be a whole number of 1 or more")).toBeVisible();
    await expect(page.getByLabel("Key", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("region", { name: /^Watch / })).toHaveCount(0);
    await expect(page).toHaveURL(/\/watch$/);
  });

  test("Pause holds new events and counts them; Resume shows them", async ({ page, etcd, ns }) => {
    const key = `${ns}/p`;
    await openWatchPage(page);
    const panel = await addPanel(page, key);
    await etcd.put(key, "before pause");
    await expect(panel.row("set", "before pause")).toBeVisible({ timeout: 1000 });

    await panel.button("Pause").click();
    await etcd.put(key, "while paused 1");
    await etcd.put(key, "while paused 2");
    await expect(panel.region.getByRole("status", { name: "Paused" })).toHaveText("Paused: 2 new events held; Resume shows them.");
    await expect(panel.rows).toHaveCount(1);
    await expect(panel.row("set", "while paused")).toHaveCount(0);

    await panel.button("Resume").click();
    await expect(panel.region.getByRole("status", { name: "Paused" })).toBeHidden();
    await expect(panel.rows).toHaveCount(3);
    await expect(panel.rows.first()).toContainText("while paused 2");

    await panel.button("Clear").click();
    await expect(panel.rows).toHaveCount(0);
    await expect(panel.region).toContainText("No changes yet.");
  });

  test("the action filter shows only that action (and says how many are hidden)", async ({ page, etcd, ns }) => {
    const key = `${ns}/f`;
    await openWatchPage(page);
    const panel = await addPanel(page, key);
    await etcd.put(key, "v1");
    await etcd.put(key, "v2");
    await etcd.delete(key);
    await expect(panel.rows).toHaveCount(3);

    await panel.region.getByRole("combobox", { name: "Filter by action" }).selectOption("delete");
    await expect(panel.rows).toHaveCount(1);
    await expect(panel.row("delete")).toContainText("v2");
    await expect(panel.region).toContainText("Showing 1 of 3 events");

    await panel.region.getByRole("combobox", { name: "Filter by action" }).selectOption("all");
    await expect(panel.rows).toHaveCount(3);
  });

  test("Export JSON downloads the kept events with etcd's nodes", async ({ page, etcd, ns }) => {
    const key = `${ns}/x`;
    await openWatchPage(page);
    const panel = await addPanel(page, key);
    const set = await etcd.put(key, "exported");
    await etcd.delete(key);
    await expect(panel.rows).toHaveCount(2);

    const [download] = await Promise.all([page.waitForEvent("download"), panel.button("Export JSON").click()]);
    expect(download.suggestedFilename()).toMatch(/^etcd-watch-default-e2e-t[0-9a-f]+-x-\d{8}T\d{6}Z\.json$/);
    const file = JSON.parse(fs.readFileSync(await download.path(), "utf8")) as {
      cluster: string;
      key: string;
      recursive: boolean;
      filter: string;
      entries: { type: string; index: number; action: string; key: string; node: { value?: string }; prevNode?: { value?: string } }[];
    };
    expect(file).toMatchObject({ cluster: "default", key, recursive: false, filter: "all" });
    expect(file.entries.map((e) => [e.type, e.action, e.key])).toEqual([
      ["change", "set", key],
      ["change", "delete", key],
    ]);
    expect(file.entries[0]!.index).toBe(set.body.node!.modifiedIndex);
    expect(file.entries[0]!.node.value).toBe("exported");
    expect(file.entries[1]!.prevNode?.value).toBe("exported");
  });

  test("keys and values with HTML in them are shown as text; no script runs", async ({ page, etcd, ns }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const key = `${ns}/<img src=x onerror=alert(1)>`;
    const value = `<script>alert(2)</script><img src=y onerror=alert(3)>`;
    await openWatchPage(page);
    const panel = await addPanel(page, key);
    await etcd.put(key, value);
    const row = panel.row("set", value);
    await expect(row).toBeVisible({ timeout: 1000 });
    await expect(row).toContainText(key);
    await expect(panel.region.getByRole("heading", { name: key })).toBeVisible();
    await expect(panel.region.locator("img, script")).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });
});
