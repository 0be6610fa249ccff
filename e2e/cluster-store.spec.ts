// The Cluster page of the shared one-member cluster as an admin sees it: no Remove on the only member (the
// reason instead), and the store counters in readable groups with rates, at desktop and phone widths.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function onlyMemberHasNoRemove(page: Page) {
  await page.goto("/cluster");
  const table = page.getByRole("table", { name: "Members" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table).toContainText("Only member");
  await expect(table).toContainText("add another before removing this one");
  await expect(table.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
}

async function storeInGroups(page: Page) {
  await page.goto("/cluster");
  const store = page.getByRole("table", { name: /^Store operations of each member/ });
  for (const group of ["Reads", "Writes (set, create, update, delete)", "Compare-and-swap and compare-and-delete", "Expiries", "Watchers"]) {
    await expect(store.getByRole("rowheader", { name: group, exact: true })).toBeVisible();
  }
  await expect(store.getByRole("row", { name: /^Reads/ })).toContainText(/[\d,]+ succeeded · [\d,]+ failed/);
  // A rate once two polls have been compared (the shared dashboard polls every 2 s while the page is open).
  await expect(store.getByRole("row", { name: /^Reads/ })).toContainText(/\/s/, { timeout: 15_000 });
  await expect(store.getByRole("row", { name: /^Watchers/ })).toContainText(/watching now/);
  await expect(store).not.toContainText("getsSuccess");
  await expect(store.getByRole("row")).toHaveCount(6);
}

test.describe("Cluster page: only member and store groups (desktop)", () => {
  test("the only member of a cluster offers no Remove and says why", async ({ page }) => onlyMemberHasNoRemove(page));
  test("store counters in groups with successes, failures and rates", async ({ page }) => storeInGroups(page));
});

test.describe("Cluster page: only member and store groups (phone)", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the only member of a cluster offers no Remove and says why", async ({ page }) => onlyMemberHasNoRemove(page));
  test("store counters in groups with successes, failures and rates", async ({ page }) => storeInGroups(page));
});
