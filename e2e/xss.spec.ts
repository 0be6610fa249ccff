// Keys, values and member names that carry XSS payloads, written straight to etcd, on every page that
// shows etcd data: the Keys page (tree, directory panel, key editor, Go to key), the Watch page (log rows,
// the value diff, the details dialog) and the Cluster page (a member named with a payload). Each must be
// shown as literal text and run nothing. The browser ignores the Content-Security-Policy here
// (bypassCSP), so the rendering itself must be safe: an injected handler or script would run.
import type { Page } from "@playwright/test";
import { encodeKey, expect, test } from "./fixtures";
import { panel, valueEditor } from "./key-page";
import { startOwnEtcd } from "./own-etcd";

test.use({ bypassCSP: true });

/** Payloads that run `window.__xss=1` if they ever become HTML (or a link, or a template). */
const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=1</script>`,
  `javascript:window.__xss=1`,
  `"><svg onload=window.__xss=1>`,
  `{{constructor.constructor('window.__xss=1')()}}`,
];

/** A key name per payload (a "/" would make it two segments): `n0 <img …>` etc. */
const names = PAYLOADS.map((p, i) => `n${i} ${p.replaceAll("/", "∕")}`);

/** Collects dialogs (alert/confirm/prompt) the page opens. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** Nothing ran, and nothing built from etcd data became markup with behaviour. */
async function expectNothingRan(page: Page, dialogs: string[]) {
  await page.waitForTimeout(300); // an onerror / onload would have fired by now
  const found = await page.evaluate(() => ({
    xss: (window as { __xss?: unknown }).__xss,
    handlers: [...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll("svg[onload]").length,
    // Next.js's own inline scripts carry the server-rendered tree's data (escaped, in JavaScript strings):
    // those are not scripts made of etcd data.
    scripts: [...document.querySelectorAll("script")].filter((s) => (s.textContent ?? "").includes("__xss") && !(s.textContent ?? "").startsWith("self.__next_f.push(")).length,
    links: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
    templates: document.body.innerText.includes("[object") ? 1 : 0,
  }));
  expect(found).toEqual({ xss: undefined, handlers: [], images: 0, svgs: 0, scripts: 0, links: 0, templates: 0 });
  expect(dialogs).toEqual([]);
}

test("Keys page: payload names and values in the tree, the directory panel, the editor and Go to key are text", async ({ page, etcd, ns }) => {
  const dialogs = watchDialogs(page);
  const dir = `${ns}/xss`;
  for (const [i, name] of names.entries()) expect((await etcd.put(`${dir}/${name}`, PAYLOADS[i])).status).toBe(201);
  expect((await etcd.put(`${dir}/${names[0]} dir/${names[3]} child`, PAYLOADS[1])).status).toBe(201);

  // The tree's first screen of a linked directory is rendered on the server: the document as sent holds
  // the payload names as escaped text only, never as markup (the checks below then look at the live page).
  const html = await (await page.request.get(`/keys${encodeKey(dir)}`, { headers: { "sec-fetch-dest": "document" } })).text();
  expect(html).toContain('role="treeitem"');
  for (const name of names) expect(html).toContain(name.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;"));
  for (const payload of ["<img src=x", "<script>window.__xss", "<svg onload"]) expect(html).not.toContain(payload);

  await page.goto(`/keys${encodeKey(dir)}`);
  const children = panel(page).getByRole("table", { name: "Children" });
  for (const [i, name] of names.entries()) {
    await expect(children.getByText(name, { exact: true })).toBeVisible();
    await expect(children.getByText(PAYLOADS[i]!, { exact: true })).toBeVisible();
  }
  const tree = page.getByRole("tree", { name: "Keys" });
  await expect(tree.getByRole("treeitem", { name: "xss", exact: true })).toHaveAttribute("aria-expanded", "true"); // a linked directory is open
  for (const name of names) await expect(tree.getByRole("treeitem", { name, exact: true })).toHaveText(name);
  await tree.getByRole("treeitem", { name: `${names[0]} dir`, exact: true }).click();
  await expect(panel(page).getByRole("heading", { name: `${dir}/${names[0]} dir` })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: `${names[3]} child`, exact: true })).toBeVisible();

  // Each value in the key editor, selected from the tree.
  for (const [i, name] of names.entries()) {
    await tree.getByRole("treeitem", { name, exact: true }).click();
    await expect(panel(page).getByRole("heading", { name: `${dir}/${name}` })).toBeVisible();
    await expect(valueEditor(page)).toHaveText(PAYLOADS[i]!);
  }

  // Go to key completes with the payload names.
  await page.getByRole("combobox", { name: "Go to key" }).fill(`${dir}/`);
  const completions = page.getByRole("listbox", { name: "Key completions" });
  await expect(completions.getByRole("option")).toHaveCount(names.length + 1);
  for (const name of names) await expect(completions.getByRole("option", { name, exact: false }).first()).toBeVisible();
  await page.getByRole("combobox", { name: "Go to key" }).fill(`${dir}/${names[3]}`);
  await page.keyboard.press("Enter");
  await expect(panel(page).getByRole("heading", { name: `${dir}/${names[3]}` })).toBeVisible();
  await expect(valueEditor(page)).toHaveText(PAYLOADS[3]!);

  await expectNothingRan(page, dialogs);
});

test("Watch page: payload keys and values arriving live, in the log rows, the value diff and the details dialog, are text", async ({ page, etcd, ns }) => {
  const dialogs = watchDialogs(page);
  await page.goto("/watch");
  await page.getByLabel("Key", { exact: true }).fill(ns);
  await page.getByRole("checkbox", { name: "Recursive" }).check();
  await page.getByRole("button", { name: "Add panel" }).click();
  const region = page.getByRole("region", { name: `Watch v2 ${ns} (recursive)`, exact: true });
  await expect(region.getByRole("status", { name: "Watch state" })).toHaveText("Live");
  const list = region.getByRole("list", { name: `Events of v2 ${ns} (recursive)`, exact: true });

  // Each payload as a key and a value, then replaced by the next payload (a diff of two payloads), then deleted.
  let lastIndex = 0;
  for (const [i, name] of names.entries()) {
    await etcd.put(`${ns}/${name}`, PAYLOADS[i]);
    const next = PAYLOADS[(i + 1) % PAYLOADS.length]!;
    lastIndex = (await etcd.put(`${ns}/${name}`, next)).body.node!.modifiedIndex;
  }
  await etcd.delete(`${ns}/${names[1]}`);
  await expect(list.getByRole("listitem")).toHaveCount(names.length * 2 + 1);
  for (const [i, name] of names.entries()) {
    const rows = list.getByRole("listitem").filter({ hasText: `${ns}/${name}` });
    await expect(rows.first()).toBeVisible();
    await expect(rows.getByText(`${ns}/${name}`, { exact: true }).first()).toBeVisible();
    await expect(rows.filter({ hasText: PAYLOADS[i]! }).first()).toBeVisible();
  }

  // The details dialog of the last update: the previous payload beside the new one, in full.
  await region.getByRole("button", { name: `Details of index ${lastIndex}` }).click();
  const dialog = page.getByRole("dialog", { name: `Change at index ${lastIndex}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`of ${ns}/${names[4]}`);
  await expect(dialog).toContainText(PAYLOADS[4]!);
  await expect(dialog).toContainText(PAYLOADS[0]!);
  await expectNothingRan(page, dialogs);
  await page.keyboard.press("Escape");
  await expectNothingRan(page, dialogs);
});

test("Cluster page: a member named with a payload is shown as text", async ({ page }) => {
  test.setTimeout(60_000);
  // etcd takes a member name up to the first "=" of --initial-cluster and splits on "," (and the
  // harness makes a temp dir of it): a payload without "=", "," or "/".
  const memberName = `<img src onerror><b>bold<b><script>alert(1)<svg onload>`;
  const own = await startOwnEtcd(memberName, (url) => [{ name: "default", endpoints: [url] }]);
  try {
    const dialogs = watchDialogs(page);
    await page.goto(`${own.dashboard.url}/cluster`);
    const members = page.getByRole("table", { name: "Members" });
    await expect(members.getByRole("row", { name: memberName, exact: false }).first()).toBeVisible();
    // The name cell also holds the "leader" badge: the whole payload is there as text (as markup it would be "bold").
    await expect(members.getByRole("rowheader").first()).toContainText(memberName);
    await expect(page.locator("main b, main img")).toHaveCount(0);
    await expectNothingRan(page, dialogs);
  } finally {
    await own.stop();
  }
});
