// The theme menu: a menu button that says which theme is in force, a menu of three radio items, the
// choice remembered across reloads.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { openSiteMenu } from "./narrow-layout";

const themeButton = (page: Page) => page.getByRole("button", { name: /^Theme: / });

async function chooseAndCheck(page: Page) {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/cluster");
  await openSiteMenu(page);
  const button = themeButton(page);
  await expect(button).toHaveAccessibleName("Theme: System (dark)");
  await expect(button).toHaveAttribute("aria-haspopup", "menu");

  await button.click();
  const menu = page.getByRole("menu", { name: "Theme" });
  await expect(menu.getByRole("menuitemradio")).toHaveText(["Light", "Dark", "System"]);
  await expect(menu.getByRole("menuitemradio", { name: "System" })).toHaveAttribute("aria-checked", "true");
  await expect(menu.getByRole("menuitemradio", { name: "Light" })).toHaveAttribute("aria-checked", "false");
  await menu.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(menu).toBeHidden();
  await expect(button).toHaveAccessibleName("Theme: Light");
  await expect(page.locator("html")).not.toHaveClass(/dark/);

  // Remembered across a reload; the system's change shows under System.
  await page.reload();
  await openSiteMenu(page);
  await expect(themeButton(page)).toHaveAccessibleName("Theme: Light");
  await themeButton(page).click();
  await expect(page.getByRole("menuitemradio", { name: "Light" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
  await themeButton(page).click();
  await page.getByRole("menuitemradio", { name: "System" }).click();
  await expect(themeButton(page)).toHaveAccessibleName("Theme: System (dark)");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.emulateMedia({ colorScheme: "light" });
  await expect(themeButton(page)).toHaveAccessibleName("Theme: System (light)");
  await expect(page.locator("html")).not.toHaveClass(/dark/);
}

test.describe("theme menu", () => {
  test("says which theme is in force and offers Light, Dark and System as radio items", async ({ page }) => {
    await chooseAndCheck(page);
  });
});

test.describe("theme menu at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("says which theme is in force and offers Light, Dark and System as radio items", async ({ page }) => {
    await chooseAndCheck(page);
  });
});
