// The narrow layouts as a person walks them in the browser tests: below md (768 px) the sidebar is a top bar
// whose Menu holds the navigation, the cluster, the connection badge and the theme; below lg (1024 px) the
// Keys page shows the tree or the selected key, with "Back to the tree". At wider screens these steps do nothing.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

const narrowerThan = (page: Page, px: number) => (page.viewportSize()?.width ?? Infinity) < px;
const menuButton = (page: Page, name = "Menu") => page.getByRole("button", { name, exact: true });

/** Shows the sidebar's contents: at phone width opens the Menu (`name`: its name in the page's language), unless it is open already. */
export async function openSiteMenu(page: Page, name = "Menu") {
  if (!narrowerThan(page, 768)) return;
  const menu = menuButton(page, name);
  // A click before the page is hydrated is lost: click again until the Menu says it is open.
  await expect(async () => {
    if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true", { timeout: 2_000 });
  }).toPass();
}

/** Closes the Menu again at phone width, uncovering the page. */
export async function closeSiteMenu(page: Page) {
  if (!narrowerThan(page, 768)) return;
  await menuButton(page).click();
  await expect(menuButton(page)).toHaveAttribute("aria-expanded", "false");
}

/** From a key's page, shows the key tree's side: below lg by following "Back to the tree"; wider, it is in view. */
export async function showTree(page: Page) {
  if (narrowerThan(page, 1024)) await page.getByRole("link", { name: "Back to the tree" }).click();
  await expect(page.getByRole("region", { name: "Key tree" })).toBeVisible();
}
