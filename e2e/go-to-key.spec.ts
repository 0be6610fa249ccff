// Go to key and the command palette's key paths: the first completion is highlighted and Enter takes it; a
// path that does not exist says so, offers the nearest existing keys, and keeps Create secondary. Enter
// never opens a key that does not exist.
import type { Page } from "@playwright/test";
import { expect, test, type DirectEtcd } from "./fixtures";

async function seed(etcd: DirectEtcd, ns: string) {
  await etcd.put(`${ns}/apps/web/config.json`, "{}");
  await etcd.put(`${ns}/apps/web/port`, "80");
  await etcd.put(`${ns}/apps/api/port`, "81");
}

const goToKey = (page: Page) => page.getByRole("combobox", { name: "Go to key" });
const palette = (page: Page) => page.getByRole("dialog", { name: "Command palette" });

/** The Keys page, hydrated: the tree's live status comes from the browser's event stream (in view at every width). */
async function openKeys(page: Page) {
  await page.goto("/keys");
  await expect(page.getByRole("status", { name: "Live updates" })).toHaveText("Live");
}

function journeys() {
  test("Go to key: the first completion is highlighted and Enter opens it", async ({ page, etcd, ns }) => {
    await seed(etcd, ns);
    await openKeys(page);
    await goToKey(page).fill(`${ns}/apps/web/co`);
    const completions = page.getByRole("listbox", { name: "Key completions" });
    await expect(completions.getByRole("option", { name: "config.json" })).toHaveAttribute("aria-selected", "true");
    await goToKey(page).press("Enter");
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/apps/web/config\\.json$`));
    await expect(page.getByRole("heading", { name: `${ns}/apps/web/config.json` })).toBeVisible();
  });

  test("Go to key: a path that does not exist says so, suggests the nearest keys, and offers Create only as a secondary action", async ({ page, etcd, ns }) => {
    await seed(etcd, ns);
    await openKeys(page);
    await goToKey(page).fill(`${ns}/apps/web/conifg.json`);
    await goToKey(page).press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `There is no key ${ns}/apps/web/conifg.json.` })).toBeVisible();
    const didYouMean = page.getByRole("group", { name: "Did you mean" });
    await expect(didYouMean.getByRole("button")).toHaveText([`${ns}/apps/web/config.json`, `${ns}/apps/web`]);
    await expect(page.getByRole("button", { name: `Create ${ns}/apps/web/conifg.json…` })).toBeVisible();
    await expect(page).toHaveURL(/\/keys$/); // Enter opened nothing
    await goToKey(page).press("Enter");
    await expect(page).toHaveURL(/\/keys$/);

    // A directory that does not exist either: the nearest existing ancestor.
    await goToKey(page).fill(`${ns}/apps/nope/deeper/x`);
    await goToKey(page).press("Enter");
    await expect(page.getByRole("group", { name: "Did you mean" }).getByRole("button")).toHaveText([`${ns}/apps`]);

    await goToKey(page).fill(`${ns}/apps/web/conifg.json`);
    await goToKey(page).press("Enter");
    await page.getByRole("group", { name: "Did you mean" }).getByRole("button", { name: `${ns}/apps/web/config.json` }).click();
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/apps/web/config\\.json$`));
  });

  test("command palette: the first completion is selected and Enter opens it; a missing path puts the nearest keys before Create", async ({ page, etcd, ns }) => {
    await seed(etcd, ns);
    await openKeys(page);
    await page.keyboard.press("ControlOrMeta+k");
    const dialog = palette(page);
    const input = dialog.getByRole("combobox", { name: "Command or key path" });
    await input.fill(`${ns}/apps/web/conifg.json`);
    await expect(dialog.getByRole("status")).toHaveText(`There is no key ${ns}/apps/web/conifg.json.`);
    const create = dialog.getByRole("option", { name: `Create ${ns}/apps/web/conifg.json…` });
    await expect(create).toBeVisible();
    await expect(create).toHaveAttribute("aria-selected", "false");
    await expect(dialog.getByRole("option", { name: `${ns}/apps/web/config.json` })).toHaveAttribute("aria-selected", "true");

    await input.fill(`${ns}/apps/web/co`);
    await expect(dialog.getByRole("option", { name: `${ns}/apps/web/config.json` })).toHaveAttribute("aria-selected", "true");
    await expect(dialog.getByRole("option", { name: /^Open / })).toHaveCount(0);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/apps/web/config\\.json$`));
    await expect(page.getByRole("heading", { name: `${ns}/apps/web/config.json` })).toBeVisible();
  });
}

test.describe("go to key", journeys);

test.describe("go to key at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  journeys();
});
