// The Watch page on v3 in Chromium against the built dashboard and a real etcd: a v3 prefix panel shows the
// changes written with etcdctl (v3) in order with their revisions, "From revision" replays earlier ones, a key
// that is not UTF-8 shows escaped, Pause / Resume misses nothing, the whole keyspace is one panel, and a v2 panel beside it still works; at
// phone width too. Every test writes below its own `ns` prefix, deleted from the v3 keyspace afterwards.
import type { Page } from "@playwright/test";
import { etcdctl } from "../lib/testing/etcdctl3";
import { test as base, expect } from "./fixtures";
import { panelByTitle } from "./watch-panel-page";

const etcdURL = () => process.env.E2E_ETCD_URL!;

const test = base.extend<{ p: string }>({
  p: async ({ ns }, use) => {
    await use(ns);
    await etcdctl(etcdURL(), ["del", "--prefix", ns]).catch(() => undefined);
  },
});

/** A v3 put through etcdctl (an independent writer); its revision. */
async function put3(key: string, value: string): Promise<number> {
  return (JSON.parse(await etcdctl(etcdURL(), ["put", key, value, "-w", "json"])) as { header: { revision: number } }).header.revision;
}

async function del3(key: string): Promise<number> {
  return (JSON.parse(await etcdctl(etcdURL(), ["del", key, "-w", "json"])) as { header: { revision: number } }).header.revision;
}

/** A put of raw key bytes (etcdctl takes its arguments as UTF-8 text): etcd's JSON gateway, §2. */
async function putBytes3(key: Buffer, value: string): Promise<number> {
  const response = await fetch(`${etcdURL()}/v3/kv/put`, { method: "POST", body: JSON.stringify({ key: key.toString("base64"), value: Buffer.from(value).toString("base64") }) });
  expect(response.ok).toBe(true);
  return Number(((await response.json()) as { header: { revision: string } }).header.revision);
}

interface Panel3Options {
  prefix?: boolean;
  fromRevision?: number;
}

/** How a v3 panel names itself (messages/en/watch.json panel.name). */
function panelTitle3(key: string, options: Panel3Options = {}): string {
  return `v3 ${key === "" ? "(every key)" : key}${options.prefix ? " (prefix)" : ""}${options.fromRevision === undefined ? "" : ` from revision ${options.fromRevision}`}`;
}

async function openWatchPage(page: Page) {
  await page.goto("/watch");
  await expect(page.getByRole("heading", { name: "Watch", level: 1 })).toBeVisible();
  // The test etcd serves both keyspaces: the choice appears once the cluster's keyspaces are known.
  await expect(page.getByLabel("Keyspace", { exact: true })).toBeVisible();
}

/** Fills the Add panel form on v3 and waits until the new panel's stream is live (so no write is missed). */
async function addPanel3(page: Page, key: string, options: Panel3Options = {}) {
  await page.getByLabel("Keyspace", { exact: true }).selectOption("v3");
  await page.getByLabel("Key", { exact: true }).fill(key);
  const prefix = page.getByRole("checkbox", { name: "Watch the prefix" });
  if (options.prefix) await prefix.check();
  else await prefix.uncheck();
  await page.getByLabel("From revision", { exact: true }).fill(options.fromRevision === undefined ? "" : String(options.fromRevision));
  await page.getByRole("button", { name: "Add panel" }).click();
  const panel = panelByTitle(page, panelTitle3(key, options));
  await expect(panel.state).toHaveText("Live");
  return panel;
}

for (const viewport of [
  { name: "desktop", size: { width: 1280, height: 900 } },
  { name: "phone", size: { width: 390, height: 844 } },
]) {
  test.describe(`watch page on v3 (${viewport.name})`, () => {
    test.use({ viewport: viewport.size });

    test("a prefix panel shows puts and deletes in order with their revisions, values and details", async ({ page, p }) => {
      await openWatchPage(page);
      const panel = await addPanel3(page, `${p}/`, { prefix: true });
      await expect(panel.region).toContainText("v3 · Prefix · changes from now on");
      const r1 = await put3(`${p}/a`, "hello");
      const r2 = await put3(`${p}/b`, "other");
      const r3 = await put3(`${p}/a`, "help!");
      const r4 = await del3(`${p}/a`);
      await expect(panel.rows).toHaveCount(4);
      // Newest first, each with its revision.
      const expected = [
        ["delete", `${p}/a`, r4],
        ["put", `${p}/a`, r3],
        ["put", `${p}/b`, r2],
        ["put", `${p}/a`, r1],
      ] as const;
      for (const [i, [action, key, revision]] of expected.entries()) {
        const row = panel.rows.nth(i);
        await expect(row).toContainText(action);
        await expect(row).toContainText(key);
        await expect(row).toContainText(`#${revision}`);
      }
      // The update: previous → new with the changed stretch marked; the delete: the value it removed.
      const update = panel.row("put", `#${r3}`);
      await expect(update.locator("del")).toHaveText("lo");
      await expect(update.locator("ins")).toHaveText("p!");
      await expect(panel.row("delete", `#${r4}`)).toContainText("(deleted)");
      await expect(panel.row("delete", `#${r4}`)).toContainText("help!");

      await update.getByRole("button", { name: `Details of revision ${r3}` }).click();
      const dialog = page.getByRole("dialog", { name: `Change at revision ${r3}` });
      await expect(dialog.getByRole("textbox", { name: "Previous value" })).toHaveText("hello");
      await expect(dialog.getByRole("textbox", { name: "New value" })).toHaveText("help!");
      await expect(dialog).toContainText(`mod revision${r3}`);
      await expect(dialog).toContainText(`create revision${r1}`);
      await expect(dialog).toContainText("version2");
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(dialog).toBeHidden();

      // The action filter offers v3's two.
      const filter = panel.region.getByRole("combobox", { name: "Filter by action" });
      await expect(filter.getByRole("option")).toHaveText(["All actions", "put", "delete"]);
    });

    test("From revision replays earlier changes; a key that is not UTF-8 shows escaped", async ({ page, p }) => {
      const first = await put3(`${p}/old`, "one");
      await put3(`${p}/old`, "two");
      const binary = await putBytes3(Buffer.concat([Buffer.from(`${p}/bin`), Buffer.of(0xff)]), "bytes key");
      await openWatchPage(page);
      const panel = await addPanel3(page, `${p}/`, { prefix: true, fromRevision: first });
      await expect(panel.rows).toHaveCount(3);
      await expect(panel.rows.nth(2)).toContainText(`#${first}`);
      await expect(panel.rows.nth(2)).toContainText("one");
      await expect(panel.row("put", `${p}/bin\\xff`, `#${binary}`)).toBeVisible();
      // The panel is in the URL with its keyspace: a reload brings it back, replaying the same changes.
      await page.reload();
      await expect(panel.rows).toHaveCount(3);
      // Pause holds what arrives (the stream goes on); Resume shows it after what was shown.
      await panel.region.getByRole("button", { name: "Pause", exact: true }).click();
      const held = await put3(`${p}/old`, "three");
      await expect(panel.region.getByRole("status", { name: "Paused" })).toHaveText("Paused: 1 new event held; Resume shows them.");
      await expect(panel.rows).toHaveCount(3);
      await panel.region.getByRole("button", { name: "Resume", exact: true }).click();
      await expect(panel.rows).toHaveCount(4);
      await expect(panel.rows.first()).toContainText(`#${held}`);
    });
  });
}

test.describe("watch page on v3 beside v2", () => {
  test("a v2 panel and a v3 panel each see only their own keyspace", async ({ page, p, etcd }) => {
    await openWatchPage(page);
    const v3 = await addPanel3(page, `${p}/`, { prefix: true });
    await page.getByLabel("Keyspace", { exact: true }).selectOption("v2");
    await page.getByLabel("Key", { exact: true }).fill(p);
    await page.getByRole("checkbox", { name: "Recursive" }).check();
    await page.getByLabel("From index", { exact: true }).fill("");
    await page.getByRole("button", { name: "Add panel" }).click();
    const v2 = panelByTitle(page, `v2 ${p} (recursive)`);
    await expect(v2.state).toHaveText("Live");

    const written2 = await etcd.put(`${p}/k`, "in v2");
    const written3 = await put3(`${p}/k`, "in v3");
    await expect(v2.row("set", "in v2", `#${written2.body.node!.modifiedIndex}`)).toBeVisible();
    await expect(v3.row("put", "in v3", `#${written3}`)).toBeVisible();
    await expect(v2.rows).toHaveCount(1);
    await expect(v3.rows).toHaveCount(1);
  });

  test("an empty key with Watch the prefix watches every key, with or without a leading slash", async ({ page, p }) => {
    await openWatchPage(page);
    const all = await addPanel3(page, "", { prefix: true });
    const tag = p.slice(1);
    const withSlash = await put3(`${p}/x`, "slash");
    const withoutSlash = await put3(`${tag}-no-slash`, "no slash");
    await expect(all.row("put", `${p}/x`, `#${withSlash}`)).toBeVisible();
    await expect(all.row("put", `${tag}-no-slash`, `#${withoutSlash}`)).toBeVisible();
    await etcdctl(etcdURL(), ["del", `${tag}-no-slash`]);
  });

  test("an empty key without Watch the prefix is refused in words", async ({ page }) => {
    await openWatchPage(page);
    await page.getByLabel("Keyspace", { exact: true }).selectOption("v3");
    await page.getByRole("checkbox", { name: "Watch the prefix" }).uncheck();
    await page.getByRole("button", { name: "Add panel" }).click();
    await expect(page.getByText("Enter a key, or leave it empty and tick Watch the prefix to watch every key.")).toBeVisible();
    await expect(page.getByRole("region", { name: /^Watch / })).toHaveCount(0);
  });
});
