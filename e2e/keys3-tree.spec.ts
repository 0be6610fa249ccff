// The v3 Keys page's tree in Chromium: the Keyspace control, deep links, names of every kind (with and without a
// leading "/", not UTF-8, a key beside a directory of the same name, the empty name), the keyboard, live rows and a
// 20,000-children directory, at desktop and phone width and in Chinese. Data is written straight to etcd (its JSON
// gateway and etcdctl), each test under its own prefix, removed afterwards.
import type { Page } from "@playwright/test";
import { encodeKeyParam } from "../lib/keyspace3/key-url";
import { etcdctl } from "../lib/testing/etcdctl3";
import { test as base, expect } from "./fixtures";

const etcdURL = () => process.env.E2E_ETCD_URL!;
/** The test's own segment of its prefix ("t…" of "e2e/t…"). */
const nsName = (p: string) => p.split("/")[1]!;

/** A v3 prefix unique to the test, without its leading "/" (`p` = "e2e/t…"; `/p` and `~t…` are its other places). */
const test = base.extend<{ p: string }>({
  p: async ({ ns }, use) => {
    const p = ns.slice(1);
    await use(p);
    for (const prefix of [p, `/${p}`, `~${nsName(p)}`]) await etcdctl(etcdURL(), ["del", "--prefix", prefix]).catch(() => undefined);
  },
});

/** Puts through etcd's v3 JSON gateway, 128 a transaction (etcd's limit, §3.3): any bytes, many keys fast. */
async function put3(entries: [key: string | Buffer, value: string][]) {
  const b64 = (v: string | Buffer) => (Buffer.isBuffer(v) ? v : Buffer.from(v)).toString("base64");
  for (let i = 0; i < entries.length; i += 128) {
    const success = entries.slice(i, i + 128).map(([key, value]) => ({ request_put: { key: b64(key), value: b64(value) } }));
    const response = await fetch(`${etcdURL()}/v3/kv/txn`, { method: "POST", body: JSON.stringify({ success }) });
    expect(response.status, await response.clone().text()).toBe(200);
  }
}

const page3 = (query: string) => `/keys?keyspace=v3${query ? `&${query}` : ""}`;
const keyQuery = (key: string | Buffer) => `key=${encodeKeyParam(Buffer.isBuffer(key) ? key : Buffer.from(key))}`;
const dirQuery = (dir: string) => `dir=${encodeKeyParam(Buffer.from(dir))}`;
const tree = (page: Page, name = "Keys") => page.getByRole("tree", { name });
const item = (page: Page, name: string, extra: { level?: number; expanded?: boolean } = {}) => tree(page).getByRole("treeitem", { name, exact: true, ...extra });

test.describe("the v3 key tree", () => {
  test("the Keyspace control switches between v2 and v3, each with its own tree", async ({ page, p, etcd, ns }) => {
    await etcd.put(`${ns}/v2only`, "2");
    await put3([[`${p}/v3only`, "3"]]);
    await page.goto("/keys");
    const keyspace = page.getByRole("radiogroup", { name: "Keyspace" });
    await expect(keyspace.getByRole("radio", { name: "v2" })).toBeChecked();
    await keyspace.getByText("v3", { exact: true }).click();
    await expect(page).toHaveURL(/keyspace=v3/);
    await expect(item(page, "e2e/", { level: 1 })).toBeVisible();
    await keyspace.getByText("v2", { exact: true }).click();
    await expect(page).not.toHaveURL(/keyspace=v3/);
    await expect(item(page, "e2e", { level: 1 })).toBeVisible();
  });

  test("a deep link opens the way to its key; keys with and without a leading / and a \\xff key show and open", async ({ page, p }) => {
    const binary = Buffer.concat([Buffer.from(`${p}/bin-`), Buffer.of(0xff)]);
    await put3([
      [`${p}/app/db/url`, "postgres://db"],
      [`/${p}/slash`, "with a leading slash"],
      [binary, "binary name"],
    ]);
    await page.goto(page3(keyQuery(`${p}/app/db/url`)));
    await expect(page).toHaveTitle(new RegExp(`^${p}/app/db/url · Keys`));
    const url = item(page, "url", { level: 5 });
    await expect(url).toHaveAttribute("aria-selected", "true");
    for (const [name, level] of [["e2e/", 1], [`${nsName(p)}/`, 2], ["app/", 3], ["db/", 4]] as const) {
      await expect(item(page, name, { level })).toHaveAttribute("aria-expanded", "true");
    }
    // The escaped name, and the key opens.
    await item(page, "bin-\\xff").click();
    await expect(page).toHaveURL(new RegExp(`key=${encodeKeyParam(binary).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    await expect(item(page, "bin-\\xff")).toHaveAttribute("aria-selected", "true");
    // "/" at the root, beside "e2e/": keys that start with "/" are one more directory.
    await item(page, "/", { level: 1 }).click();
    await expect(item(page, "/", { level: 1 })).toHaveAttribute("aria-expanded", "true");
    await item(page, "e2e/", { level: 2 }).click();
    await item(page, `${nsName(p)}/`, { level: 3 }).click();
    await item(page, "slash", { level: 4 }).click();
    await expect(page).toHaveURL(new RegExp(`key=/${p}/slash$`));
    await expect(page.getByRole("heading", { name: `/${p}/slash`, level: 1 })).toBeVisible();
  });

  test("a key and a directory of the same name both show, and the empty name is labelled", async ({ page, p }) => {
    await put3([
      [`${p}/a`, "leaf a"],
      [`${p}/a/`, "the key a/ itself"],
      [`${p}/a/b`, "inside"],
    ]);
    await page.goto(page3(dirQuery(`${p}/a/`)));
    const dir = item(page, "a/");
    await expect(dir).toHaveAttribute("aria-selected", "true");
    await expect(dir).toHaveAttribute("aria-expanded", "true");
    await expect(item(page, "a")).toHaveAttribute("aria-selected", "false");
    const empty = item(page, "(empty name)");
    await expect(empty).toBeVisible();
    // The directory's panel names it the same way (a link must have a name).
    await expect(page.getByRole("region", { name: "Selected key" }).getByRole("link", { name: "(empty name)" })).toBeVisible();
    await expect(empty).toContainText("(empty name)");
    await empty.click();
    await expect(page).toHaveURL(new RegExp(`key=${p}/a/$`));
    // Clicking the directory closes it (and selects it).
    await dir.click();
    await expect(page).toHaveURL(new RegExp(`dir=${p}/a/$`));
    await expect(dir).toHaveAttribute("aria-selected", "true");
    await expect(dir).toHaveAttribute("aria-expanded", "false");
    await expect(empty).toHaveCount(0);
  });

  test("the keyboard moves, opens, closes and selects", async ({ page, p }) => {
    await put3([
      [`${p}/d/x`, "1"],
      [`${p}/d/y`, "2"],
      [`${p}/z`, "3"],
    ]);
    await page.goto(page3(keyQuery(`${p}/z`)));
    const z = item(page, "z");
    await expect(z).toHaveAttribute("aria-selected", "true");
    await z.focus();
    await page.keyboard.press("ArrowUp");
    const d = item(page, "d/");
    await expect(d).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(d).toHaveAttribute("aria-expanded", "true");
    // Right moves into the directory once its children are read (while they load there is nothing to move to).
    await expect(item(page, "x")).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(item(page, "x")).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(item(page, "y")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`key=${p}/d/y$`));
    await expect(item(page, "y")).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowLeft");
    await expect(d).toBeFocused();
    await page.keyboard.press("ArrowLeft");
    await expect(d).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("Home");
    await expect(tree(page).getByRole("treeitem").first()).toBeFocused();
  });

  test("a put and a delete by etcdctl appear and disappear without a reload", async ({ page, p }) => {
    await put3([[`${p}/keep`, "1"]]);
    await page.goto(page3(dirQuery(`${p}/`)));
    await expect(item(page, "keep")).toBeVisible();
    await expect(page.getByRole("status", { name: "Live updates" }).first()).toHaveText("Live");
    await etcdctl(etcdURL(), ["put", `${p}/fresh`, "new"]);
    await expect(item(page, "fresh")).toBeVisible();
    // A changed row flashes, as on v2.
    await expect(item(page, "keep")).not.toHaveAttribute("data-changed-index");
    await etcdctl(etcdURL(), ["put", `${p}/keep`, "2"]);
    await expect(item(page, "keep")).toHaveAttribute("data-changed-index", /^\d+$/);
    await etcdctl(etcdURL(), ["put", `${p}/sub/deep`, "new"]);
    await expect(item(page, "sub/")).toBeVisible();
    await etcdctl(etcdURL(), ["del", `${p}/fresh`]);
    await expect(item(page, "fresh")).toHaveCount(0);
    // The directory's last key gone: its row goes too (its listing was never read).
    await etcdctl(etcdURL(), ["del", `${p}/sub/deep`]);
    await expect(item(page, "sub/")).toHaveCount(0);
    await expect(item(page, "keep")).toBeVisible();
  });

  test("Go to key takes a text form and says what is wrong with a bad one", async ({ page, p }) => {
    await put3([[`${p}/go/here`, "1"]]);
    await page.goto(page3(""));
    const input = page.getByLabel("Go to key");
    await input.fill(`${p}/go/\\q`);
    await input.press("Enter");
    await expect(input).toHaveAccessibleDescription(/Unknown escape at character/);
    await input.fill(`${p}/go/here`);
    await input.press("Enter");
    await expect(item(page, "here")).toHaveAttribute("aria-selected", "true");
  });

  test("a directory of 20,000 keys opens, keeps a small DOM, and End reaches its last key", async ({ page, p }) => {
    test.setTimeout(120_000);
    // At the end of the root ("~" sorts after "e2e/", under which the other tests write), so End's last row is its last key.
    const top = `~${nsName(p)}`;
    const entries: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) entries.push([`${top}/big/k${String(i).padStart(5, "0")}`, "v"]);
    await put3(entries);
    await page.goto(page3(dirQuery(`${top}/big/`)));
    await expect(item(page, "k00000")).toBeVisible({ timeout: 30_000 });
    expect(await tree(page).getByRole("treeitem").count()).toBeLessThan(200);
    await item(page, "k00000").focus();
    await page.keyboard.press("End");
    await expect(item(page, "k19999")).toBeFocused();
    expect(await tree(page).getByRole("treeitem").count()).toBeLessThan(200);
    await expect(item(page, "k19999")).toHaveAttribute("aria-posinset", "20000");
    // The directory's panel lists the first children only: the tree is where all of them are browsed.
    const links = page.getByRole("region", { name: "Selected key" }).getByRole("list", { name: "Contents" }).getByRole("link");
    await expect(links).toHaveCount(100);
    await expect(page.getByRole("region", { name: "Selected key" })).toContainText("The first 100 are listed here; browse them all in the tree.");
  });

  test.describe("at phone width", () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test("the tree, then the key, then back to the tree", async ({ page, p }) => {
      await put3([[`${p}/phone`, "1"]]);
      await page.goto(page3(dirQuery(`${p}/`)));
      await page.getByRole("link", { name: "Back to the tree" }).click();
      await item(page, "phone").click();
      await expect(page.getByRole("heading", { name: `${p}/phone`, level: 1 })).toBeVisible();
      await expect(tree(page)).toBeHidden();
      await page.getByRole("link", { name: "Back to the tree" }).click();
      await expect(tree(page)).toBeVisible();
    });
  });

  test.describe("in Chinese", () => {
    test.use({ locale: "zh-CN" });
    test("the tree, its empty name and Go to key speak Chinese", async ({ page, p }) => {
      await put3([[`${p}/e/`, "1"]]);
      await page.goto(page3(dirQuery(`${p}/e/`)));
      await expect(tree(page, "键").getByRole("treeitem", { name: "（空名称）", exact: true })).toBeVisible();
      await expect(page.getByLabel("转到键")).toBeVisible();
    });
  });
});
