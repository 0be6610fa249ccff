// The Keys page as the browser tests use it: the selected key's panel, its value editor, the tree.
import type { Page } from "@playwright/test";
import { encodeKey, expect } from "./fixtures";

export const keyPage = (key: string) => `/keys${encodeKey(key)}`;
export const panel = (page: Page) => page.getByRole("region", { name: "Selected key" });
export const valueEditor = (page: Page) => panel(page).getByRole("textbox", { name: "Value", exact: true });

/** Replaces the editor's text as a person would (to the editor, select all, type). */
export async function setValue(page: Page, text: string) {
  const editor = valueEditor(page);
  // Focused rather than clicked: at phone width a click may land on the editor's frame, not its text.
  await editor.focus();
  await expect(editor).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
  // CodeMirror renders one element per line: its text content has no line breaks.
  await expect(editor).toHaveText(text.replace(/\n/g, ""));
}

/** Opens the Keys page at `key` and waits for its panel, the value editor included (it loads on demand). */
export async function openKey(page: Page, key: string) {
  await page.goto(keyPage(key));
  await expect(panel(page).getByRole("heading", { name: key })).toBeVisible();
  await expect(panel(page).getByText("Loading the editor…")).toHaveCount(0);
}
