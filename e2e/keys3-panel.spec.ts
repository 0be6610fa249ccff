// The v3 Keys page's key panel (issue [12]): a key's value in the v2 editor on its bytes, revisions and lease;
// Save and Overwrite compare on the mod revision; TTLs are leases (set, refresh, remove, revoke); compare-and-
// delete; a directory's New key (only if absent) and Delete directory (at the listing's revision); live updates.
// What reached etcd is checked with etcdctl (v3), an independent witness.
import type { Page } from "@playwright/test";
import { encodeKeyParam, v3KeysPageHref } from "../lib/keyspace3/key-url";
import { etcdctl, witness3 } from "../lib/testing/etcdctl3";
import { test as base, expect } from "./fixtures";
import { startRolesDashboard } from "./roles-dashboard";

const etcdURL = () => process.env.E2E_ETCD_URL!;

/**
 * `p`: a v3 key prefix unique to the test (the fixture's ns), deleted from the v3 keyspace afterwards.
 * `grantLease(ttl)`: a lease granted by etcdctl (its id in hex, as etcdctl takes it), revoked afterwards.
 */
const test = base.extend<{ p: string; grantLease: (ttl: number) => Promise<string> }>({
  p: async ({ ns }, use) => {
    await use(ns);
    await etcdctl(etcdURL(), ["del", "--prefix", ns]).catch(() => undefined);
  },
  grantLease: async ({}, use) => {
    const granted: string[] = [];
    await use(async (ttl) => {
      const hex = /lease ([0-9a-f]+) granted/.exec(await etcdctl(etcdURL(), ["lease", "grant", String(ttl)]))![1]!;
      granted.push(hex);
      return hex;
    });
    for (const hex of granted) await etcdctl(etcdURL(), ["lease", "revoke", hex]).catch(() => undefined);
  },
});

const put = (key: string, value: string, ...flags: string[]) => etcdctl(etcdURL(), ["put", key, value, ...flags]);
const keyHref = (key: string | Buffer) => v3KeysPageHref("default", { kind: "key", key: Buffer.isBuffer(key) ? key : Buffer.from(key) });
const dirHref = (dir: string) => v3KeysPageHref("default", { kind: "dir", prefix: Buffer.from(dir) });
const panel = (page: Page) => page.getByRole("region", { name: "Selected key" });
const valueEditor = (page: Page) => panel(page).getByRole("textbox", { name: "Value", exact: true });
const button = (page: Page, name: string) => panel(page).getByRole("button", { name, exact: true });
const dialog = (page: Page) => page.getByRole("dialog");

/** Opens the v3 Keys page at `key` and waits for its editor (it loads on demand). */
async function openKey(page: Page, key: string | Buffer) {
  await page.goto(keyHref(key));
  await expect(panel(page).getByRole("heading")).toBeVisible();
  await expect(panel(page).getByText("Loading the editor…")).toHaveCount(0);
  await expect(panel(page).getByRole("region", { name: "Hex dump" }).or(valueEditor(page))).toBeVisible();
}

/** Replaces the editor's text as a person would. */
async function setValue(page: Page, text: string) {
  const editor = valueEditor(page);
  await editor.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
  await expect(editor).toHaveText(text);
}

const valueOf = async (key: string | Buffer) => (await witness3(etcdURL(), key))?.value.toString("latin1");

/** The lease id of a key as etcdctl sees it (0: none). */
const leaseOf = async (key: string) => (await witness3(etcdURL(), key))?.lease ?? 0;

test.describe("v3 key panel", () => {
  test("opens a key with its revisions; Save compares on the mod revision and etcd has the new value", async ({ page, p }) => {
    const key = `${p}/a`;
    await put(key, "one");
    await put(key, "two");
    const seen = await witness3(etcdURL(), key);
    await openKey(page, key);
    await expect(panel(page).getByRole("heading", { name: key })).toBeVisible();
    const details = panel(page).getByRole("definition");
    await expect(details).toHaveText([String(seen!.create_revision), String(seen!.mod_revision), "2"]);
    await expect(valueEditor(page)).toHaveText("two");
    await expect(button(page, "Save")).toBeDisabled();
    await setValue(page, '{"saved": true}');
    await expect(panel(page).getByLabel("Detected format")).toHaveText("JSON");
    // Ctrl/Cmd+S saves, as in v2.
    await page.keyboard.press("ControlOrMeta+s");
    await expect(page.getByText(`Saved ${key}`)).toBeVisible();
    await expect(button(page, "Save")).toBeDisabled();
    expect(await valueOf(key)).toBe('{"saved": true}');
    await expect(details.nth(2)).toHaveText("3");
  });

  test("a change by someone else: Save opens the Compare dialog, Overwrite saves against their revision", async ({ page, p }) => {
    const key = `${p}/c`;
    await put(key, "base");
    await openKey(page, key);
    await setValue(page, "mine");
    await put(key, "theirs");
    // The live stream says so while the edit is kept.
    await expect(panel(page).getByRole("region", { name: "Changed underneath" })).toBeVisible();
    await button(page, "Save").click();
    await expect(dialog(page).getByRole("heading", { name: "Conflict" })).toBeVisible();
    await expect(dialog(page)).toContainText("Theirs (stored now, mod revision");
    expect(await valueOf(key)).toBe("theirs");
    await dialog(page).getByRole("button", { name: "Overwrite" }).click();
    await expect(page.getByText(`Overwrote ${key}`)).toBeVisible();
    expect(await valueOf(key)).toBe("mine");
  });

  test("New key creates only if absent: an existing name is refused and linked", async ({ page, p }) => {
    await put(`${p}/d/old`, "kept");
    await page.goto(dirHref(`${p}/d/`));
    await expect(panel(page).getByRole("status", { name: "Children count" })).toHaveText("1 child");
    await button(page, "New key").click();
    await dialog(page).getByLabel("Key name").fill("new");
    await dialog(page).getByLabel("Value").fill("fresh");
    await dialog(page).getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(new RegExp(`key=${encodeKeyParam(Buffer.from(`${p}/d/new`)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    expect(await valueOf(`${p}/d/new`)).toBe("fresh");
    await page.goto(dirHref(`${p}/d/`));
    await button(page, "New key").click();
    await dialog(page).getByLabel("Key name").fill("old");
    await dialog(page).getByLabel("Value").fill("overwritten?");
    await dialog(page).getByRole("button", { name: "Create" }).click();
    await expect(dialog(page).getByText(`${p}/d/old exists already`)).toBeVisible();
    expect(await valueOf(`${p}/d/old`)).toBe("kept");
    await dialog(page).getByRole("link", { name: `Open ${p}/d/old` }).click();
    await expect(valueEditor(page)).toHaveText("kept");
  });

  test("a TTL on create is a lease with a countdown; Refresh TTL renews it, Remove TTL detaches the key", async ({ page, p }) => {
    await page.goto(dirHref(`${p}/t/`));
    await button(page, "New key").click();
    await dialog(page).getByLabel("Key name").fill("leased");
    await dialog(page).getByLabel("TTL (seconds)").fill("300");
    await dialog(page).getByRole("button", { name: "Create" }).click();
    await expect(valueEditor(page)).toBeVisible();
    const key = `${p}/t/leased`;
    const lease = await leaseOf(key);
    expect(lease).not.toBe(0);
    await expect(panel(page).getByRole("timer", { name: "Time left" })).toContainText("expires in");
    await button(page, "Refresh TTL").click();
    await expect(page.getByText(`Refreshed the TTL of ${key}: 300 s again`)).toBeVisible();
    await button(page, "Remove TTL").click();
    await expect(page.getByText(`${key} has no TTL now`)).toBeVisible();
    await expect(panel(page).getByRole("timer")).toHaveCount(0);
    expect(await leaseOf(key)).toBe(0);
    expect(await valueOf(key)).toBe("");
  });

  test("Revoke lease lists every key attached, then they all go", async ({ page, p, grantLease }) => {
    const hex = await grantLease(600);
    await put(`${p}/r/one`, "1", `--lease=${hex}`);
    await put(`${p}/r/two`, "2", `--lease=${hex}`);
    await openKey(page, `${p}/r/one`);
    await button(page, "Revoke lease…").click();
    const attached = dialog(page).getByRole("list", { name: "Keys attached to the lease" });
    await expect(attached.getByRole("listitem")).toHaveText([`${p}/r/one`, `${p}/r/two`]);
    await dialog(page).getByRole("button", { name: "Revoke lease" }).click();
    await expect(page.getByText(/Revoked lease \d+: 2 keys deleted/)).toBeVisible();
    // The key is gone: the panel goes to its directory, as after Delete.
    await expect(page).toHaveURL(/dir=/);
    expect(await witness3(etcdURL(), `${p}/r/one`)).toBeUndefined();
    expect(await witness3(etcdURL(), `${p}/r/two`)).toBeUndefined();
  });

  test("a value that is not UTF-8 shows in hex and survives a write of the key (and a save of another)", async ({ page, p, request }) => {
    const key = `${p}/bin`;
    const created = await request.put(`/api/clusters/default/v3/keys?key=${encodeKeyParam(Buffer.from(key))}`, { data: { create: true, base64: Buffer.from([0xff, 0x00, 0x41]).toString("base64") } });
    expect(created.status()).toBe(201);
    await openKey(page, key);
    await expect(panel(page).getByRole("radio", { name: "Hex" })).toBeChecked();
    await expect(panel(page).getByRole("region", { name: "Hex dump" })).toContainText("ff 00 41");
    await expect(panel(page).getByRole("note", { name: "Not text" })).toContainText("not UTF-8");
    // A TTL writes the stored value back: its bytes, not a text decoding of them.
    await button(page, "Set a TTL").click();
    await panel(page).getByLabel("TTL (seconds)").fill("600");
    await button(page, "Apply").click();
    await expect(panel(page).getByRole("timer", { name: "Time left" })).toBeVisible();
    expect((await witness3(etcdURL(), key))!.value).toEqual(Buffer.from([0xff, 0x00, 0x41]));
    await put(`${p}/text`, "t");
    await openKey(page, `${p}/text`);
    await setValue(page, "t2");
    await button(page, "Save").click();
    await expect(page.getByText(`Saved ${p}/text`)).toBeVisible();
    expect((await witness3(etcdURL(), key))!.value).toEqual(Buffer.from([0xff, 0x00, 0x41]));
  });

  test("Delete compares on the mod revision: a concurrent change refuses it, then Reload and Delete", async ({ page, p }) => {
    const key = `${p}/del`;
    await put(key, "v1");
    await openKey(page, key);
    await button(page, "Delete").click();
    await put(key, "v2");
    await dialog(page).getByRole("button", { name: "Delete" }).click();
    await expect(dialog(page).getByText(`${key} changed since you loaded it`)).toBeVisible();
    expect(await valueOf(key)).toBe("v2");
    await dialog(page).getByRole("button", { name: "Reload" }).click();
    await expect(valueEditor(page)).toHaveText("v2");
    await button(page, "Delete").click();
    await dialog(page).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByText(`Deleted ${key}`)).toBeVisible();
    expect(await witness3(etcdURL(), key)).toBeUndefined();
  });

  test("Delete directory lists what goes, deletes with progress, keeps and reports a key changed since listed", async ({ page, p }) => {
    for (const name of ["a", "b", "sub/c"]) await put(`${p}/dd/${name}`, "v");
    await page.goto(dirHref(`${p}/dd/`));
    await button(page, "Delete").click();
    const listed = dialog(page).getByRole("list", { name: "What will be deleted" });
    await expect(listed.getByRole("listitem")).toHaveText(["a", "b", "sub/"]);
    await put(`${p}/dd/a`, "changed after listing");
    await dialog(page).getByLabel("Type the directory name to confirm").fill("dd");
    await dialog(page).getByRole("button", { name: "Delete" }).click();
    const status = dialog(page).getByRole("status").first();
    await expect(status).toHaveText(`Deleted 2 keys in ${p}/dd/; the directory stays. Kept because changed since listed: 1. Keys still in it: 1.`);
    await expect(dialog(page).getByRole("list", { name: "Not deleted" }).getByRole("listitem")).toHaveAccessibleName(`${p}/dd/a: Changed since listed`);
    expect(await valueOf(`${p}/dd/a`)).toBe("changed after listing");
    expect(await witness3(etcdURL(), `${p}/dd/b`)).toBeUndefined();
    expect(await witness3(etcdURL(), `${p}/dd/sub/c`)).toBeUndefined();
  });

  test("live: a change by someone else updates a clean panel", async ({ page, p }) => {
    const key = `${p}/live`;
    await put(key, "before");
    await openKey(page, key);
    await put(key, "after");
    await expect(valueEditor(page)).toHaveText("after");
    await expect(panel(page).getByRole("status", { name: "Live change" })).toContainText("Changed by another client: now at mod revision");
  });

  test("live: a delete by someone else says the key is gone and keeps the unsaved text for Create it", async ({ page, p }) => {
    const key = `${p}/gone`;
    await put(key, "stored");
    await openKey(page, key);
    await setValue(page, "unsaved edit");
    await etcdctl(etcdURL(), ["del", key]);
    await expect(panel(page).getByRole("alert")).toContainText(`${key} was deleted at revision`);
    await expect(panel(page).getByRole("status")).toHaveText("Your unsaved text is kept: Create it starts with it.");
    await button(page, "Create it").click();
    await expect(dialog(page).getByLabel("Value")).toHaveValue("unsaved edit");
    await dialog(page).getByRole("button", { name: "Create" }).click();
    await expect(valueEditor(page)).toHaveText("unsaved edit");
    expect(await valueOf(key)).toBe("unsaved edit");
  });

  test("without the live stream, a key whose lease runs out is read again and said to be gone", async ({ page, p, grantLease }) => {
    // The page's one stream is refused: only the panel's own re-read can notice the expiry.
    await page.route("**/v3/watch?**", (route) => route.abort());
    const key = `${p}/expiring`;
    // Long enough for the editor's chunk to load on a busy machine before the lease runs out.
    await put(key, "short-lived", `--lease=${await grantLease(12)}`);
    await page.goto(keyHref(key));
    await expect(panel(page).getByRole("timer")).toBeVisible();
    await expect(panel(page).getByRole("alert")).toContainText(`${key} was not found`, { timeout: 30_000 });
  });

  test.describe("at phone width", () => {
    test.use({ viewport: { width: 390, height: 844 } });
    test("edits and saves a key", async ({ page, p }) => {
      const key = `${p}/phone`;
      await put(key, "small");
      await openKey(page, key);
      await setValue(page, "screen");
      await button(page, "Save").click();
      await expect(page.getByText(`Saved ${key}`)).toBeVisible();
      expect(await valueOf(key)).toBe("screen");
    });
  });

  test.describe("in Chinese", () => {
    test.use({ locale: "zh-CN" });
    test("the lease's actions are in Chinese", async ({ page, p, grantLease }) => {
      const hex = await grantLease(600);
      await put(`${p}/zh`, "值", `--lease=${hex}`);
      await page.goto(keyHref(`${p}/zh`));
      const region = page.getByRole("region", { name: "选中的键" });
      await expect(region.getByRole("button", { name: "刷新 TTL", exact: true })).toBeVisible();
      await expect(region.getByRole("button", { name: "撤销租约…", exact: true })).toBeVisible();
      await expect(region.getByRole("timer", { name: "剩余时间" })).toBeVisible();
    });
  });
});

test.describe("v3 key panel for a viewer", () => {
  test("shows the key and offers nothing that writes", async ({ page, p, grantLease }) => {
    const own = await startRolesDashboard("keys3-panel", (endpoints) => [{ name: "default", endpoints }]);
    try {
      const cookie = await own.logIn("vera");
      const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
      await page.context().addCookies([{ name, value, url: own.dashboard.url, httpOnly: true, sameSite: "Strict" }]);
      const hex = await grantLease(600);
      await put(`${p}/ro`, "original", `--lease=${hex}`);
      await page.goto(own.dashboard.url + keyHref(`${p}/ro`));
      await expect(valueEditor(page)).toHaveText("original");
      await expect(valueEditor(page)).toHaveAttribute("contenteditable", "false");
      await expect(panel(page).getByRole("timer", { name: "Time left" })).toBeVisible();
      for (const label of ["Save", "Discard", "Delete", "New TTL", "Refresh TTL", "Remove TTL", "Revoke lease…", "Pretty-print"]) {
        await expect(button(page, label)).toHaveCount(0);
      }
      await page.goto(own.dashboard.url + dirHref(`${p}/`));
      await expect(panel(page).getByRole("status", { name: "Children count" })).toHaveText("1 child");
      await expect(button(page, "New key")).toHaveCount(0);
      await expect(button(page, "Delete")).toHaveCount(0);
    } finally {
      await own.stop();
    }
  });
});
