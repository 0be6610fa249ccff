// The key panel in Chromium: create, edit with compare-and-swap, TTLs, queues, conflicts, deletes, the CAS
// dialog and text-only rendering. Every test writes below its own `ns` prefix and checks etcd directly.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { keyPage, openKey, panel, setValue, valueEditor } from "./key-page";

/** Waits until a Save has come back: the form is no longer dirty, so Save is off until the next change. */
async function expectSaved(page: Page) {
  await expect(panel(page).getByText("(unsaved changes)")).toBeHidden();
  await expect(panel(page).getByRole("button", { name: "Save" })).toBeDisabled();
}

/** Picks one of the rarer actions from the key's "More actions" menu. */
async function moreAction(page: Page, name: string) {
  await panel(page).getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menu").getByRole("menuitem", { name }).click();
}

test.describe("key editor", () => {
  test("creates a key with New key in a directory, and says clearly when it already exists", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/dir/existing`, "x");
    await openKey(page, `${ns}/dir`);
    await expect(panel(page).getByRole("status", { name: "Children count" })).toHaveText("Directory with 1 child.");

    await panel(page).getByRole("button", { name: "New key" }).click();
    let dialog = page.getByRole("dialog", { name: "New key" });
    await dialog.getByLabel("Key name").fill("existing");
    await dialog.getByLabel("Value").fill("other");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog.getByRole("alert")).toContainText(`${ns}/dir/existing already exists.`);
    await expect(dialog.getByRole("alert")).toContainText("etcd error 105");
    expect(await etcd.value(`${ns}/dir/existing`)).toBe("x");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await panel(page).getByRole("button", { name: "New key" }).click();
    dialog = page.getByRole("dialog", { name: "New key" });
    await dialog.getByLabel("Key name").fill("fresh key");
    await dialog.getByLabel("Value").fill("hello");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(page).toHaveURL(new RegExp(`${keyPage(`${ns}/dir/fresh key`)}$`));
    await expect(valueEditor(page)).toHaveText("hello");
    await expect(page.getByText(`Created ${ns}/dir/fresh key`)).toBeVisible();
    expect(await etcd.value(`${ns}/dir/fresh key`)).toBe("hello");
    // The tree shows the new key without a manual refresh.
    await expect(page.getByRole("tree", { name: "Keys" }).getByRole("treeitem", { name: "fresh key" })).toBeVisible();
  });

  test("edits a value and saves it with compare-and-swap", async ({ page, etcd, ns }) => {
    const key = `${ns}/edit`;
    const created = await etcd.put(key, "one");
    await openKey(page, key);
    await expect(valueEditor(page)).toHaveText("one");
    await expect(panel(page)).toContainText(`${created.body.node!.modifiedIndex}`);
    await setValue(page, "two");
    await panel(page).getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`Saved ${key}`)).toBeVisible();
    const stored = await etcd.get(key);
    expect(stored.body.node?.value).toBe("two");
    expect(stored.body.node?.ttl).toBeUndefined();
  });

  test("Ctrl/Cmd+S in the editor saves, with the same compare-and-swap", async ({ page, etcd, ns }) => {
    const key = `${ns}/shortcut`;
    await etcd.put(key, "one");
    await openKey(page, key);
    await setValue(page, "two");
    // The focus is in the value editor after typing.
    await page.keyboard.press("ControlOrMeta+s");
    await expect(page.getByText(`Saved ${key}`)).toBeVisible();
    await expectSaved(page);
    expect(await etcd.value(key)).toBe("two");
    // A change behind the editor's back is not overwritten by the shortcut either.
    await setValue(page, "mine");
    await etcd.put(key, "theirs");
    await valueEditor(page).click();
    await page.keyboard.press("ControlOrMeta+s");
    await expect(page.getByRole("dialog", { name: "Conflict" })).toBeVisible();
    expect(await etcd.value(key)).toBe("theirs");
  });

  test("detects JSON and YAML, shows parse errors with line numbers, pretty-prints only when asked", async ({ page, etcd, ns }) => {
    const key = `${ns}/json`;
    await etcd.put(key, '{"a":1,"b":[1,2]}');
    await openKey(page, key);
    await expect(panel(page).getByLabel("Detected format")).toHaveText("JSON");
    // Loading never rewrites the value.
    await expect(valueEditor(page)).toHaveText('{"a":1,"b":[1,2]}');
    await panel(page).getByRole("button", { name: "Pretty-print" }).click();
    await expect(valueEditor(page)).toContainText('"a": 1,');
    expect(await etcd.value(key)).toBe('{"a":1,"b":[1,2]}');
    await setValue(page, '{"a": }');
    await expect(panel(page).getByRole("status", { name: "Parse error" })).toContainText("JSON error on line 1");
    await setValue(page, "a: 1\nb: [x");
    await expect(panel(page).getByLabel("Detected format")).toHaveText("YAML");
    await expect(panel(page).getByRole("status", { name: "Parse error" })).toContainText("YAML error on line");
    await setValue(page, "just words");
    await expect(panel(page).getByLabel("Detected format")).toHaveText("Plain text");
  });

  test("shows the TTL once, as a countdown; Set a TTL, Extend and Make permanent write it with compare-and-swap", async ({ page, etcd, ns }) => {
    const key = `${ns}/ttl`;
    await etcd.put(key, "v");
    await openKey(page, key);
    const ttl = panel(page).getByRole("region", { name: "TTL" });
    await expect(ttl).toContainText("none (permanent)");
    await expect(panel(page).getByLabel("TTL (seconds)")).toHaveCount(0);

    await ttl.getByRole("button", { name: "Set a TTL" }).click();
    await ttl.getByLabel("TTL (seconds)").fill("100");
    await ttl.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText(`${key} now expires in 100 s`)).toBeVisible();
    let node = (await etcd.get(key)).body.node!;
    expect(node.value).toBe("v");
    expect(node.ttl).toBeGreaterThan(90);
    expect(node.ttl).toBeLessThanOrEqual(100);
    const timer = ttl.getByRole("timer", { name: "Time left" });
    await expect(timer).toHaveText(/^expires in 1 min \d+ s$/);
    // It counts down while the page is open.
    const first = await timer.textContent();
    await expect(timer).not.toHaveText(first!);
    // Shown once: the panel has one countdown and no other TTL text.
    await expect(panel(page).getByRole("timer")).toHaveCount(1);
    await expect(panel(page).getByText("when loaded")).toHaveCount(0);

    // A value edit keeps the TTL running.
    await setValue(page, "v2");
    await panel(page).getByRole("button", { name: "Save" }).click();
    await expectSaved(page);
    await expect.poll(async () => (await etcd.get(key)).body.node?.value).toBe("v2");
    node = (await etcd.get(key)).body.node!;
    expect(node.ttl).toBeGreaterThan(80);
    expect(node.ttl).toBeLessThanOrEqual(100);

    // Extend renews without changing the value, on the index it was loaded at.
    const extend = page.waitForRequest((r) => r.method() === "PUT" && r.url().includes("/keys/"));
    await ttl.getByRole("button", { name: "Extend" }).click();
    await ttl.getByLabel("TTL (seconds)").fill("500");
    await ttl.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText(`${key} now expires in 500 s`)).toBeVisible();
    expect((await extend).postDataJSON()).toMatchObject({ value: "v2", ttl: 500, prevIndex: node.modifiedIndex });
    node = (await etcd.get(key)).body.node!;
    expect(node.value).toBe("v2");
    expect(node.ttl).toBeGreaterThan(490);
    await expect(timer).toHaveText(/^expires in 8 min \d+ s$/);

    // Make permanent removes it, the value as stored.
    await ttl.getByRole("button", { name: "Make permanent" }).click();
    await expect(page.getByText(`${key} is now permanent`)).toBeVisible();
    await expect.poll(async () => (await etcd.get(key)).body.node?.expiration ?? "none").toBe("none");
    expect(await etcd.value(key)).toBe("v2");
    await expect(ttl).toContainText("none (permanent)");
  });

  test("Extend by compare-and-swap does not renew a key changed behind the panel", async ({ page, etcd, ns }) => {
    const key = `${ns}/ttl-cas`;
    await etcd.put(key, "v", { ttl: "300" });
    // Without the live stream the panel keeps the version it loaded.
    await page.route("**/api/clusters/default/watch**", (route) => route.abort());
    await openKey(page, key);
    const ttl = panel(page).getByRole("region", { name: "TTL" });
    await ttl.getByRole("button", { name: "Extend" }).click();
    // Written elsewhere before Apply: the extension must not overwrite it.
    await etcd.put(key, "theirs", { ttl: "300" });
    await ttl.getByLabel("TTL (seconds)").fill("900");
    await ttl.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("dialog", { name: "Conflict" })).toBeVisible();
    expect((await etcd.get(key)).body.node?.value).toBe("theirs");
    expect((await etcd.get(key)).body.node!.ttl).toBeLessThanOrEqual(300);
  });

  test("sets, refreshes and removes a directory's TTL", async ({ page, etcd, ns }) => {
    const dir = `${ns}/tdir`;
    await etcd.put(`${dir}/child`, "c");
    await openKey(page, dir);
    const ttlField = panel(page).getByLabel("TTL (seconds)");
    await ttlField.fill("100");
    await panel(page).getByRole("button", { name: "Set TTL" }).click();
    await expect(page.getByText(`TTL of ${dir} set: 100 s`)).toBeVisible();
    expect((await etcd.get(dir)).body.node?.ttl).toBeGreaterThan(90);
    await expect(panel(page).getByRole("timer", { name: "Time left" })).toBeVisible();
    await ttlField.fill("400");
    await panel(page).getByRole("button", { name: "Refresh TTL" }).click();
    await expect(page.getByText(`TTL of ${dir} renewed: 400 s`)).toBeVisible();
    expect((await etcd.get(dir)).body.node?.ttl).toBeGreaterThan(390);
    await ttlField.fill("");
    await panel(page).getByRole("button", { name: "Set TTL" }).click();
    await expect(page.getByText(`${dir} is now permanent`)).toBeVisible();
    expect((await etcd.get(dir)).body.node?.expiration).toBeUndefined();
    expect(await etcd.value(`${dir}/child`)).toBe("c");
  });

  test("a save whose outcome is unknown says so and reloads", async ({ page, etcd, ns }) => {
    const key = `${ns}/unknown`;
    await etcd.put(key, "stored");
    await openKey(page, key);
    // The dashboard API answers as it does when etcd timed out after the write was sent.
    await page.route("**/api/clusters/default/keys/**", async (route) => {
      if (route.request().method() !== "PUT") return route.fallback();
      await route.fulfill({
        status: 504,
        contentType: "application/json",
        body: JSON.stringify({ error: { code: "etcd_timeout", message: "etcd did not answer in time", outcomeUnknown: true } }),
      });
    });
    await setValue(page, "maybe");
    await panel(page).getByRole("button", { name: "Save" }).click();
    await expect(panel(page).getByRole("alert")).toContainText("The outcome is unknown");
    await expect(valueEditor(page)).toHaveText("stored");
  });

  test("a key with ttl 5 counts down, says it expired, and Re-create puts back its value and TTL", async ({ page, etcd, ns }) => {
    const key = `${ns}/short`;
    // 5 s, not less: on a loaded machine the page can take a couple of seconds to open the key.
    await etcd.put(key, "soon gone", { ttl: "5" });
    await openKey(page, key);
    await expect(panel(page).getByRole("timer", { name: "Time left" })).toContainText(/expires in [1-5] s/);
    await expect(panel(page).getByRole("alert")).toContainText("This key expired at", { timeout: 15_000 });
    const [create] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "PUT" && r.url().includes("/keys/")),
      panel(page).getByRole("button", { name: "Re-create" }).click(),
    ]);
    // A create that fails if the key exists again (nobody's new key is overwritten), with the TTL it had
    // when last read (so it may expire again soon: checked in etcd's answer, not by reading it later).
    expect(create.status()).toBe(201);
    expect(create.request().postDataJSON()).toMatchObject({ value: "soon gone", prevExist: false });
    const created = (await create.json()).node;
    expect(created.value).toBe("soon gone");
    expect(created.ttl).toBeGreaterThan(0);
    expect(created.ttl).toBeLessThanOrEqual(5);
    await expect(page.getByText(`Re-created ${key}`)).toBeVisible();
  });

  test("Re-create refuses when the key exists again, through the usual error", async ({ page, etcd, ns }) => {
    const key = `${ns}/again`;
    // Without the live stream (as when it is down) the page finds the key expired by reading it, and does
    // not see it created again until Re-create is refused.
    await page.route("**/api/clusters/default/watch**", (route) => route.abort());
    await etcd.put(key, "first", { ttl: "8" });
    await openKey(page, key);
    await expect(panel(page).getByRole("timer", { name: "Time left" })).toBeVisible();
    await expect(panel(page).getByRole("alert")).toContainText("This key expired at", { timeout: 20_000 });
    // Someone creates the key again just before Re-create reaches etcd: etcd refuses the create
    // (prevExist=false, etcd error 105) and the panel says so.
    await page.route("**/api/clusters/default/keys/**", async (route) => {
      if (route.request().method() !== "PUT") return route.fallback();
      await etcd.put(key, "someone else's");
      const created = await route.fetch();
      await route.fulfill({ response: created });
    });
    await panel(page).getByRole("button", { name: "Re-create" }).click();
    await expect(panel(page).getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();
    expect(await etcd.value(key)).toBe("someone else's");
  });

  test("Add to queue creates in-order keys that list in order", async ({ page, etcd, ns }) => {
    const dir = `${ns}/queue`;
    await etcd.put(dir, undefined, { dir: "true" });
    await openKey(page, dir);
    for (const value of ["first", "second", "third"]) {
      await panel(page).getByRole("button", { name: "Add to queue" }).click();
      const dialog = page.getByRole("dialog", { name: "Add to queue" });
      await dialog.getByLabel("Value").fill(value);
      await dialog.getByRole("button", { name: "Add" }).click();
      await expect(dialog).toBeHidden();
    }
    const items = panel(page).getByRole("table", { name: "Children" }).getByRole("row").filter({ has: page.getByRole("cell") });
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText("first");
    await expect(items.nth(1)).toContainText("second");
    await expect(items.nth(2)).toContainText("third");
    const listing = await etcd.get(dir, { sorted: "true" });
    expect(listing.body.node?.nodes?.map((n) => n.value)).toEqual(["first", "second", "third"]);
    for (const n of listing.body.node!.nodes!) expect(n.key).toMatch(/\/\d{20}$/);
  });

  test.describe("conflict on Save", () => {
    async function conflict(page: Page, etcd: import("./fixtures").DirectEtcd, key: string) {
      await etcd.put(key, "base");
      await openKey(page, key);
      await expect(valueEditor(page)).toHaveText("base");
      // Typed first: a change to an untouched form would simply show up (live updates).
      await setValue(page, "mine");
      await etcd.put(key, "theirs");
      await expect(panel(page).getByRole("alert")).toContainText("Changed by someone else");
      await panel(page).getByRole("button", { name: "Save" }).click();
      const dialog = page.getByRole("dialog", { name: "Conflict" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("textbox", { name: "Their value" })).toHaveText("theirs");
      await expect(dialog.getByRole("textbox", { name: "Your value" })).toHaveText("mine");
      expect(await etcd.value(key)).toBe("theirs");
      return dialog;
    }

    test("Discard mine shows their value", async ({ page, etcd, ns }) => {
      const key = `${ns}/c1`;
      const dialog = await conflict(page, etcd, key);
      await dialog.getByRole("button", { name: "Discard mine", exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(valueEditor(page)).toHaveText("theirs");
      expect(await etcd.value(key)).toBe("theirs");
    });

    test("Overwrite writes mine with compare-and-swap on their index", async ({ page, etcd, ns }) => {
      const key = `${ns}/c2`;
      const dialog = await conflict(page, etcd, key);
      await dialog.getByRole("button", { name: "Overwrite" }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText(`Overwrote ${key}`)).toBeVisible();
      expect(await etcd.value(key)).toBe("mine");
    });

    test("Keep editing keeps my edit and writes nothing", async ({ page, etcd, ns }) => {
      const key = `${ns}/c3`;
      const dialog = await conflict(page, etcd, key);
      await dialog.getByRole("button", { name: "Keep editing" }).click();
      await expect(dialog).toBeHidden();
      await expect(valueEditor(page)).toHaveText("mine");
      expect(await etcd.value(key)).toBe("theirs");
      // Having seen their version, the next Save replaces it.
      await setValue(page, "merged");
      await panel(page).getByRole("button", { name: "Save" }).click();
      await expect(page.getByText(`Saved ${key}`)).toBeVisible();
      expect(await etcd.value(key)).toBe("merged");
    });
  });

  test("Delete is a compare-and-delete: a key changed behind the panel is not deleted", async ({ page, etcd, ns }) => {
    const key = `${ns}/del/k`;
    const v1 = (await etcd.put(key, "v1")).body.node!.modifiedIndex;
    await openKey(page, key);
    await expect(page.getByRole("tree", { name: "Keys" }).getByRole("treeitem", { name: "k", exact: true })).toBeVisible();
    await panel(page).getByRole("button", { name: "Delete" }).click();
    let dialog = page.getByRole("dialog", { name: "Delete k?" });
    // Changed while the dialog is open: the page follows (the tree row flashes with the new index), but
    // the delete was asked for v1.
    const v2 = (await etcd.put(key, "v2")).body.node!.modifiedIndex;
    await expect(page.locator(`[role="treeitem"][data-key="${key}"]`)).toHaveAttribute("data-changed-index", String(v2));
    await expect(dialog).toContainText(`index ${v1}`);
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(dialog.getByRole("alert")).toContainText("changed since you loaded it, so it was not deleted");
    await expect(dialog.getByRole("alert")).toContainText("etcd error 101");
    expect(await etcd.value(key)).toBe("v2");
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await openKey(page, key);
    await panel(page).getByRole("button", { name: "Delete" }).click();
    dialog = page.getByRole("dialog", { name: "Delete k?" });
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(new RegExp(`${keyPage(`${ns}/del`)}$`));
    expect(await etcd.value(key)).toBeUndefined();
  });

  test("deletes a non-empty directory recursively only after its name is typed", async ({ page, etcd, ns }) => {
    const dir = `${ns}/tree`;
    await etcd.put(`${dir}/a`, "1");
    await etcd.put(`${dir}/b`, "2");
    await etcd.put(`${dir}/sub/c`, "3");
    await openKey(page, dir);
    await panel(page).getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete directory tree?" });
    await expect(dialog.getByRole("status")).toContainText("holds 3 keys");
    const confirm = dialog.getByRole("button", { name: "Delete" });
    await expect(confirm).toBeDisabled();
    const field = dialog.getByLabel("Type the directory name to confirm");
    await field.fill("tre");
    await expect(confirm).toBeDisabled();
    await field.fill("tree");
    await expect(confirm).toBeEnabled();
    await confirm.click();
    await expect(page).toHaveURL(new RegExp(`${keyPage(ns)}$`));
    expect((await etcd.get(dir)).status).toBe(404);
    await expect(page.getByRole("tree", { name: "Keys" }).getByRole("treeitem", { name: "tree", exact: true })).toHaveCount(0);
  });

  test("deletes an empty directory without typing", async ({ page, etcd, ns }) => {
    const dir = `${ns}/empty`;
    await etcd.put(dir, undefined, { dir: "true" });
    await openKey(page, dir);
    await panel(page).getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete directory empty?" });
    await expect(dialog.getByRole("status")).toContainText("is empty");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(new RegExp(`${keyPage(ns)}$`));
    expect((await etcd.get(dir)).status).toBe(404);
  });

  test("etcd's compare-and-swap example works through the Compare and swap dialog", async ({ page, etcd, ns }) => {
    const key = `${ns}/foo`;
    await etcd.put(key, "one");
    await openKey(page, key);
    await moreAction(page, "Compare and swap…");
    const dialog = page.getByRole("dialog", { name: "Compare and swap" });
    await dialog.getByLabel("New value").fill("three");
    await dialog.getByLabel("prevExist").selectOption({ label: "must not exist" });
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog.getByRole("alert")).toContainText("already exists");
    await expect(dialog.getByRole("alert")).toContainText("etcd error 105");
    expect(await etcd.value(key)).toBe("one");

    await dialog.getByLabel("New value").fill("two");
    await dialog.getByLabel("prevExist").selectOption({ label: "any" });
    await dialog.getByLabel("prevValue").fill("wrong");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Compare failed");
    await expect(dialog.getByRole("alert")).toContainText("etcd error 101");

    await dialog.getByLabel("prevValue").fill("one");
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog).toBeHidden();
    expect(await etcd.value(key)).toBe("two");
    await expect(valueEditor(page)).toHaveText("two");
  });

  test("a 1 MiB value opens and stays editable", async ({ page, etcd, ns }) => {
    const key = `${ns}/big`;
    const big = JSON.stringify({ items: Array.from({ length: 16_000 }, (_, i) => ({ id: i, name: `item-${i}`, pad: "x".repeat(32) })) });
    expect(big.length).toBeGreaterThan(1 << 20);
    await etcd.put(key, big);
    const started = Date.now();
    await openKey(page, key);
    await expect(valueEditor(page)).toBeVisible();
    await expect(panel(page).getByLabel("Detected format")).toHaveText("JSON");
    expect(Date.now() - started).toBeLessThan(10_000);
    await valueEditor(page).click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type(" ");
    await expect(panel(page).getByText("(unsaved changes)")).toBeVisible();
  });

  test("warns that a value with U+FFFD would store the replacement characters", async ({ page, etcd, ns }) => {
    const key = `${ns}/binary`;
    await etcd.put(key, "ab\uFFFDcd");
    await openKey(page, key);
    await expect(panel(page).getByText(/Saving would store the replacement characters/)).toBeVisible();
  });

  test("keys and values that look like HTML render as text", async ({ page, etcd, ns }) => {
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const name = "<img src=x onerror=alert(1)>";
    const value = "<script>alert(2)</script><img src=x onerror=alert(3)>";
    await etcd.put(`${ns}/xss/${name}`, value);
    await openKey(page, `${ns}/xss`);
    await expect(panel(page).getByRole("table", { name: "Children" })).toContainText(name);
    await expect(panel(page).getByRole("table", { name: "Children" })).toContainText(value);
    await panel(page).getByRole("button", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}`) }).click();
    await expect(panel(page).getByRole("heading", { name: `${ns}/xss/${name}` })).toBeVisible();
    await expect(valueEditor(page)).toHaveText(value);
    await expect(page.locator("img[src=x]")).toHaveCount(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
  });
});
