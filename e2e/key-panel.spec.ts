// The key panel's hierarchy (issue [11] items 5, 7, 12): one primary action (Save, once something
// changed) with Discard, the rarer actions in "More actions", Delete set apart; live TTL countdowns in
// the tree that turn amber then red; Tab leaves the value editor unless the user asked it to indent.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openKey, panel, setValue, valueEditor } from "./key-page";
import { showTree } from "./narrow-layout";

const tree = (page: Page) => page.getByRole("tree", { name: "Keys" });
const item = (page: Page, name: string) => tree(page).getByRole("treeitem", { name, exact: true });

/** The colour a CSS custom property of the theme resolves to, as the browser computes it. */
async function themeColour(page: Page, token: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement("span");
    probe.style.color = `var(${name})`;
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, token);
}

const liveStatus = (page: Page) => page.getByRole("status", { name: "Live updates" });

const colourOf = (locator: Locator) => locator.evaluate((el) => getComputedStyle(el).color);

function panelJourneys() {
  test("Save is offered once the value changed, and Discard goes back to the stored value", async ({ page, etcd, ns }) => {
    const key = `${ns}/primary`;
    await etcd.put(key, "stored");
    await openKey(page, key);
    const save = panel(page).getByRole("button", { name: "Save" });
    const discard = panel(page).getByRole("button", { name: "Discard" });
    await expect(save).toBeDisabled();
    await expect(discard).toBeDisabled();
    await setValue(page, "saved");
    await expect(discard).toBeEnabled();
    await save.click();
    await expect(page.getByText(`Saved ${key}`)).toBeVisible();
    await expect(save).toBeDisabled();
    expect(await etcd.value(key)).toBe("saved");
    // Typing again, then Discard: back to what is stored, nothing written.
    await valueEditor(page).focus();
    await page.keyboard.press("End");
    await page.keyboard.type("!");
    await expect(save).toBeEnabled();
    await discard.click();
    await expect(valueEditor(page)).toHaveText("saved");
    await expect(save).toBeDisabled();
    await expect(discard).toBeDisabled();
    expect(await etcd.value(key)).toBe("saved");
  });

  test("the rarer actions are in More actions; Delete stays a button of its own", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/k`, "v");
    await openKey(page, `${ns}/k`);
    for (const name of ["Compare and swap", "Copy…", "Move…", "Export", "Refresh TTL"]) {
      await expect(panel(page).getByRole("button", { name })).toHaveCount(0);
    }
    await panel(page).getByRole("button", { name: "More actions" }).click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem")).toHaveText(["Compare and swap…", "Copy…", "Move…", "Export"]);
    await expect(menu.getByRole("menuitem", { name: "Delete" })).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    const del = panel(page).getByRole("button", { name: "Delete" });
    await expect(del).toBeVisible();
    // Set apart: not next to the other actions.
    const more = (await panel(page).getByRole("button", { name: "More actions" }).boundingBox())!;
    const apart = (await del.boundingBox())!;
    expect(apart.x - (more.x + more.width) > 48 || apart.y > more.y + more.height).toBe(true);
    // In the danger colour, unlike every other action.
    expect(await colourOf(del)).toBe(await themeColour(page, "--danger"));
    await del.click();
    await expect(page.getByRole("dialog", { name: "Delete k?" })).toBeVisible();
  });

  test("Tab moves focus out of the editor and leaves the value as it is; after Ctrl+M it indents", async ({ page, etcd, ns }) => {
    const key = `${ns}/tab`;
    await etcd.put(key, "x");
    await openKey(page, key);
    const hint = panel(page).getByRole("note", { name: "Tab key" });
    await expect(hint).toHaveText("Tab moves focus; press Ctrl+M to let Tab indent.");
    await valueEditor(page).focus();
    await page.keyboard.press("Tab");
    await expect(valueEditor(page)).not.toBeFocused();
    await expect(valueEditor(page)).toHaveText("x");
    await expect(panel(page).getByText("(unsaved changes)")).toHaveCount(0);
    await expect(panel(page).getByRole("button", { name: "Save" })).toBeDisabled();

    await valueEditor(page).focus();
    await page.keyboard.press("Control+m");
    await expect(hint).toHaveText("Tab indents; press Ctrl+M to let Tab move focus again.");
    await page.keyboard.press("Home");
    await page.keyboard.press("Tab");
    await expect(valueEditor(page)).toBeFocused();
    await expect(panel(page).getByText("(unsaved changes)")).toBeVisible();
    await panel(page).getByRole("button", { name: "Save" }).click();
    await expect.poll(() => etcd.value(key)).toMatch(/^\s+x$/);

    // Ctrl+M again: Tab leaves once more.
    await valueEditor(page).focus();
    await page.keyboard.press("Control+m");
    await expect(hint).toHaveText("Tab moves focus; press Ctrl+M to let Tab indent.");
    await page.keyboard.press("Tab");
    await expect(valueEditor(page)).not.toBeFocused();
  });

  test("a change made elsewhere is a one-line notice; Compare shows the diff in the dialog; Discard mine takes theirs", async ({ page, etcd, ns }) => {
    const key = `${ns}/notice`;
    await etcd.put(key, "base");
    await openKey(page, key);
    await expect(liveStatus(page)).toHaveText("Live");
    await setValue(page, "mine");
    await etcd.put(key, "theirs");
    const notice = panel(page).getByRole("region", { name: "Changed underneath" });
    await expect(notice.getByRole("alert")).toContainText("Changed by someone else");
    await expect(panel(page).getByRole("textbox", { name: "Their value" })).toHaveCount(0);
    await notice.getByRole("button", { name: "Compare", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Changed by someone else" });
    await expect(dialog.getByRole("textbox", { name: "Their value" })).toHaveText("theirs");
    await dialog.getByRole("button", { name: "Discard mine", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(valueEditor(page)).toHaveText("theirs");
    await expect(notice).toBeHidden();
  });

  test("an expired key says so, and Re-create puts it back", async ({ page, etcd, ns }) => {
    const key = `${ns}/expiring`;
    await etcd.put(key, "last value");
    await openKey(page, key);
    await expect(liveStatus(page)).toHaveText("Live");
    await etcd.put(key, "last value", { ttl: "2" });
    await expect(panel(page).getByRole("timer", { name: "Time left" })).toBeVisible();
    await expect(panel(page).getByRole("alert")).toContainText("This key expired at", { timeout: 10_000 });
    const [create] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "PUT" && r.url().includes("/keys/")),
      panel(page).getByRole("button", { name: "Re-create" }).click(),
    ]);
    // Created (it may expire again soon: its TTL was 2 s), with its last value and only if absent.
    expect(create.status()).toBe(201);
    expect(create.request().postDataJSON()).toMatchObject({ value: "last value", prevExist: false });
    await expect(page.getByText(`Re-created ${key}`)).toBeVisible();
  });

  test("TTL badges in the tree count down, amber under a minute and red under ten seconds", async ({ page, etcd, ns }) => {
    test.setTimeout(60_000);
    await etcd.put(`${ns}/ttls/calm`, "1", { ttl: "600" });
    await etcd.put(`${ns}/ttls/soon`, "2", { ttl: "45" });
    await etcd.put(`${ns}/ttls/last`, "3", { ttl: "20" });
    await etcd.put(`${ns}/ttls/none`, "4");
    await openKey(page, `${ns}/ttls`);
    await showTree(page);
    const calm = item(page, "calm").getByRole("timer");
    const soon = item(page, "soon").getByRole("timer");
    const last = item(page, "last").getByRole("timer");
    await expect(calm).toHaveText(/^\d+ min \d+ s$/);
    await expect(calm).toHaveAttribute("aria-label", /^expires in (9|10) min \d+ s$/);
    await expect(item(page, "none").getByRole("timer")).toHaveCount(0);
    // Live: the text changes without any reload.
    const before = await soon.textContent();
    await expect(soon).not.toHaveText(before!);
    const [warning, danger] = [await themeColour(page, "--warning"), await themeColour(page, "--danger")];
    expect(await colourOf(soon)).toBe(warning);
    expect(await colourOf(calm)).not.toBe(warning);
    expect(await colourOf(calm)).not.toBe(danger);
    await expect.poll(() => colourOf(last), { timeout: 25_000 }).toBe(danger);
    await expect(last).toHaveText(/^\d s$/);
  });
}

test.describe("key panel", () => {
  panelJourneys();
});

test.describe("key panel at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  panelJourneys();
});
