// Everything the accessibility audit visits, in one list so it is easy to extend: pages (a path and what to
// wait for) and dialogs / menus (how a person opens them, found by role and name). Each dialog starts from a
// page of the list; the audit closes it with Escape afterwards.
import type { Locator, Page } from "@playwright/test";
import { expect, type DirectEtcd } from "../fixtures";
import { encodeKeyParam } from "../../lib/keyspace3/key-url";
import { etcdctl } from "../../lib/testing/etcdctl3";
import { keyPage, openKey, panel, setValue } from "../key-page";

/** What a target may use: the test's key prefix (seeded by seedKeys) and direct etcd access. */
export interface AuditContext {
  ns: string;
  etcd: DirectEtcd;
}

export interface PageTarget {
  name: string;
  open(page: Page, ctx: AuditContext): Promise<void>;
}

export interface DialogTarget {
  name: string;
  /** Opens it and returns the open dialog or menu (the audit waits for it, audits, presses Escape). */
  open(page: Page, ctx: AuditContext): Promise<Locator>;
  /** Puts back what open() changed beyond the dialog (a viewport), after the audit closed it. */
  after?(page: Page): Promise<void>;
}

export async function seedKeys({ ns, etcd }: AuditContext) {
  await etcd.put(`${ns}/dir/config`, '{\n  "name": "web",\n  "replicas": 3,\n  "enabled": true\n}');
  await etcd.put(`${ns}/dir/notes`, "plain text");
  await etcd.put(`${ns}/dir/sub/leaf`, "x");
}

const heading = (page: Page, name: string | RegExp) => expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
const dialog = (page: Page) => page.getByRole("dialog").last();
const treeItem = (page: Page, name: string) => page.getByRole("tree", { name: "Keys" }).getByRole("treeitem", { name, exact: true });

async function openDirectory(page: Page, { ns }: AuditContext) {
  await page.goto(keyPage(`${ns}/dir`));
  await expect(panel(page).getByRole("heading", { name: `${ns}/dir` })).toBeVisible();
  await expect(treeItem(page, "config")).toBeVisible();
}

/** The v3 tree with a directory open: a key, a directory, the empty name and a name that is not UTF-8 (the run's etcd only). */
async function openV3Directory(page: Page, { ns }: AuditContext) {
  const endpoint = process.env.E2E_ETCD_URL!;
  for (const key of [`${ns}/v3/a`, `${ns}/v3/a/`, `${ns}/v3/a/b`]) await etcdctl(endpoint, ["put", key, "x"]);
  await page.goto(`/keys?keyspace=v3&dir=${encodeKeyParam(Buffer.from(`${ns}/v3/a/`))}`);
  await expect(treeItem(page, "(empty name)")).toBeVisible();
  await expect(treeItem(page, "b")).toBeVisible();
}

/** Right-click on a tree row, pick a menu item: how most key dialogs open whatever the panel's buttons become. */
async function fromTreeMenu(page: Page, ctx: AuditContext, row: string, item: string) {
  await openDirectory(page, ctx);
  await treeItem(page, row).click({ button: "right" });
  await page.getByRole("menu").getByRole("menuitem", { name: item }).click();
  return dialog(page);
}

/** A key open with an unsaved edit, then changed in etcd: the panel's one-line "Changed by someone else" notice. */
async function changedUnderneath(page: Page, { ns, etcd }: AuditContext) {
  const key = `${ns}/conflict/${Date.now()}`;
  await etcd.put(key, "base");
  await openKey(page, key);
  await expect(page.getByRole("status", { name: "Live updates" })).toHaveText("Live");
  await setValue(page, `mine ${Date.now()}`);
  await etcd.put(key, `theirs ${Date.now()}`);
  const notice = panel(page).getByRole("region", { name: "Changed underneath" });
  await expect(notice.getByRole("alert")).toContainText("Changed by someone else");
  return notice;
}

/** The selected key's "More actions" menu, open. */
async function moreActions(page: Page, { ns }: AuditContext) {
  await openKey(page, `${ns}/dir/notes`);
  await panel(page).getByRole("button", { name: "More actions" }).click();
  return page.getByRole("menu");
}

async function watchPanel(page: Page, { ns }: AuditContext) {
  await page.goto("/watch");
  await page.getByLabel("Key", { exact: true }).fill(`${ns}/dir`);
  await page.getByRole("checkbox", { name: "Recursive" }).check();
  await page.getByRole("button", { name: "Add panel" }).click();
  await expect(page.getByRole("status", { name: "Watch state" })).toHaveText("Live");
}

export const pages: PageTarget[] = [
  {
    name: "home overview",
    open: async (page) => (await page.goto("/"), await heading(page, /.+/), expect(page.getByRole("article", { name: "Cluster default" }).getByRole("status", { name: "etcd version" })).toBeVisible()),
  },
  { name: "keys, a directory open", open: openDirectory },
  { name: "keys, a key open", open: (page, { ns }) => openKey(page, `${ns}/dir/config`) },
  { name: "keys on v3, a directory open", open: openV3Directory },
  { name: "cluster", open: async (page) => (await page.goto("/cluster"), expect(page.getByRole("button", { name: "Add member" })).toBeVisible()) },
  { name: "watch with a panel", open: watchPanel },
  { name: "audit", open: async (page) => (await page.goto("/audit"), heading(page, /audit/i)) },
  { name: "etcd auth", open: async (page) => (await page.goto("/etcd-auth"), heading(page, /.+/)) },
  {
    name: "keys, a directory filtered to nothing",
    open: async (page, ctx) => {
      await openDirectory(page, ctx);
      await panel(page).getByLabel("Filter children").fill("zzz-nothing");
      await expect(page.getByRole("status", { name: "No matches" }).first()).toBeVisible();
    },
  },
  {
    name: "keys, a key changed by someone else",
    open: async (page, ctx) => void (await changedUnderneath(page, ctx)),
  },
  {
    name: "keys, an expired key",
    open: async (page, { ns, etcd }) => {
      const key = `${ns}/expiring/${Date.now()}`;
      await etcd.put(key, "last value");
      await openKey(page, key);
      await etcd.put(key, "last value", { ttl: "1" });
      await expect(panel(page).getByRole("button", { name: "Re-create" })).toBeVisible({ timeout: 15_000 });
    },
  },
  {
    name: "a cluster that cannot be reached (connection banner)",
    open: async (page) => (await page.goto("/keys?cluster=down"), expect(page.getByRole("alert", { name: "Connection problem" })).toBeVisible()),
  },
  { name: "not found", open: async (page) => (await page.goto("/no/such/page"), expect(page.getByText(/not found/i).first()).toBeVisible()) },
  { name: "error page", open: async (page) => (await page.goto("/test-pages/throws"), heading(page, "This page could not be shown")) },
];

/**
 * The pages again at phone width (390 px), where the layout differs: the top bar, the Keys page's tree and its
 * key or directory one at a time, tables scrolling inside their cards. Its Menu is audited with the dialogs.
 */
export const phonePages: PageTarget[] = [
  pages[0]!,
  {
    name: "keys, the tree",
    open: async (page, { ns }) => {
      await page.goto(keyPage(`${ns}/dir`));
      await page.getByRole("link", { name: "Back to the tree" }).click();
      await expect(treeItem(page, "config")).toBeVisible();
    },
  },
  { name: "keys, a directory open", open: async (page, { ns }) => (await page.goto(keyPage(`${ns}/dir`)), expect(panel(page).getByRole("table", { name: "Children" })).toBeVisible()) },
  ...pages.filter((target) => ["keys, a key open", "cluster", "watch with a panel", "audit", "etcd auth", "a cluster that cannot be reached (connection banner)"].includes(target.name)),
];

export const dialogs: DialogTarget[] = [
  {
    name: "create key",
    open: async (page, ctx) => (await openDirectory(page, ctx), await panel(page).getByRole("button", { name: "New key" }).click(), dialog(page)),
  },
  { name: "create directory", open: (page, ctx) => fromTreeMenu(page, ctx, "sub", "New directory here…") },
  { name: "delete key", open: (page, ctx) => fromTreeMenu(page, ctx, "notes", "Delete…") },
  { name: "delete directory", open: (page, ctx) => fromTreeMenu(page, ctx, "sub", "Delete…") },
  { name: "copy", open: (page, ctx) => fromTreeMenu(page, ctx, "notes", "Copy…") },
  { name: "move", open: (page, ctx) => fromTreeMenu(page, ctx, "sub", "Move…") },
  { name: "import", open: (page, ctx) => fromTreeMenu(page, ctx, "sub", "Import…") },
  { name: "search", open: (page, ctx) => fromTreeMenu(page, ctx, "sub", "Search in…") },
  {
    name: "key panel's More actions menu",
    open: moreActions,
  },
  {
    name: "compare and swap",
    open: async (page, ctx) => {
      await (await moreActions(page, ctx)).getByRole("menuitem", { name: "Compare and swap…" }).click();
      return dialog(page);
    },
  },
  {
    name: "changed by someone else: Compare",
    open: async (page, ctx) => {
      await (await changedUnderneath(page, ctx)).getByRole("button", { name: "Compare", exact: true }).click();
      return page.getByRole("dialog", { name: "Changed by someone else" });
    },
  },
  {
    name: "search with results",
    open: async (page, ctx) => {
      const search = await fromTreeMenu(page, ctx, "dir", "Search in…");
      await search.getByLabel("Search for").fill("e");
      await search.getByRole("button", { name: "Search", exact: true }).click();
      await expect(search.getByRole("list", { name: "Search results" }).getByRole("button").first()).toBeVisible();
      return search;
    },
  },
  { name: "theme menu", open: async (page) => (await page.goto("/watch"), await page.getByRole("button", { name: /^Theme: / }).click(), page.getByRole("menu", { name: "Theme" })) },
  { name: "language menu", open: async (page) => (await page.goto("/watch"), await page.getByRole("button", { name: /^Language: / }).click(), page.getByRole("menu")) },
  {
    name: "phone top bar's open Menu",
    open: async (page) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/watch");
      await page.getByRole("button", { name: "Menu", exact: true }).click();
      return page.getByRole("navigation", { name: "Main" });
    },
    after: (page) => page.setViewportSize({ width: 1280, height: 720 }),
  },
  {
    name: "tree context menu",
    open: async (page, ctx) => (await openDirectory(page, ctx), await treeItem(page, "sub").click({ button: "right" }), page.getByRole("menu")),
  },
  {
    name: "bulk delete",
    open: async (page, ctx) => {
      await openDirectory(page, ctx);
      await treeItem(page, "notes").click({ button: "right" });
      await page.getByRole("menu").getByRole("menuitem", { name: "Select" }).click();
      await page.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: "Delete selected…" }).click();
      return dialog(page);
    },
  },
  {
    name: "command palette",
    open: async (page, ctx) => (await openDirectory(page, ctx), await page.keyboard.press("ControlOrMeta+k"), dialog(page)),
  },
  {
    name: "go to key (suggestions open)",
    open: async (page, ctx) => {
      await openDirectory(page, ctx);
      await page.getByRole("combobox", { name: "Go to key" }).fill(`${ctx.ns}/dir/`);
      return page.getByRole("listbox").first();
    },
  },
  { name: "add member", open: async (page) => (await page.goto("/cluster"), await page.getByRole("button", { name: "Add member" }).click(), dialog(page)) },
  // "Remove member" is not offered on this one-member cluster: e2e/cluster-page.spec.ts audits its dialog on three members.
  {
    name: "watch event details",
    open: async (page, ctx) => {
      await watchPanel(page, ctx);
      const put = await ctx.etcd.put(`${ctx.ns}/dir/notes`, `changed ${Date.now()}`);
      await page.getByRole("button", { name: `Details of index ${put.body.node!.modifiedIndex}` }).click();
      return dialog(page);
    },
  },
];
