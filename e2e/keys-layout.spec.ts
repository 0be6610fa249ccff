// The Keys page's layout: at desktop widths the tree and the key side by side with a divider that can be
// dragged or moved with the keyboard and is remembered; below the lg breakpoint one at a time, the tree
// then the key with a way back; a long key path wraps at its slashes.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { keyPage, panel } from "./key-page";

const treeRegion = (page: Page) => page.getByRole("region", { name: "Key tree" });
const tree = (page: Page) => page.getByRole("tree", { name: "Keys" });
const divider = (page: Page) => page.getByRole("separator", { name: "Resize the key tree" });
const width = async (page: Page, name: "Key tree" | "Selected key") => (await page.getByRole("region", { name }).boundingBox())!.width;

test.describe("keys page at desktop widths", () => {
  test("the divider moves with the arrow keys and the pointer, within limits, and is remembered", async ({ page, etcd, ns }) => {
    test.slow(); // two page loads and a drag: more than the default on a loaded machine
    await etcd.put(`${ns}/k`, "v");
    await page.goto(keyPage(`${ns}/k`));
    await expect(panel(page).getByRole("heading", { name: `${ns}/k` })).toBeVisible();
    const separator = divider(page);
    await expect(separator).toHaveAttribute("aria-orientation", "vertical");
    const start = Number(await separator.getAttribute("aria-valuenow"));
    const min = Number(await separator.getAttribute("aria-valuemin"));
    const max = Number(await separator.getAttribute("aria-valuemax"));
    expect(min).toBeLessThan(start);
    expect(max).toBeGreaterThan(start);

    const before = await width(page, "Key tree");
    await separator.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(separator).not.toHaveAttribute("aria-valuenow", String(start));
    const moved = Number(await separator.getAttribute("aria-valuenow"));
    expect(moved).toBeGreaterThan(start);
    await expect.poll(() => width(page, "Key tree")).toBeGreaterThan(before);

    await page.keyboard.press("End");
    await expect(separator).toHaveAttribute("aria-valuenow", String(max));
    await page.keyboard.press("ArrowRight");
    await expect(separator).toHaveAttribute("aria-valuenow", String(max));
    await page.keyboard.press("Home");
    await expect(separator).toHaveAttribute("aria-valuenow", String(min));

    // Drag it to the middle of the key browser.
    const main = (await page.getByRole("main").boundingBox())!;
    const handle = (await separator.boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(main.x + main.width * 0.45, handle.y + handle.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(separator).toHaveAttribute("aria-valuenow", "45");

    await page.reload();
    await expect(panel(page).getByRole("heading", { name: `${ns}/k` })).toBeVisible();
    await expect(divider(page)).toHaveAttribute("aria-valuenow", "45");
    await expect.poll(async () => Math.round(((await width(page, "Key tree")) / main.width) * 100)).toBe(45);
  });

  test.describe("at 1024 px", () => {
    test.use({ viewport: { width: 1024, height: 768 } });
    test("the tree and the key share the width, the key getting the larger part", async ({ page, etcd, ns }) => {
      await etcd.put(`${ns}/k`, "v");
      await page.goto(keyPage(`${ns}/k`));
      await expect(panel(page).getByRole("heading", { name: `${ns}/k` })).toBeVisible();
      await expect(treeRegion(page)).toBeVisible();
      expect(await width(page, "Selected key")).toBeGreaterThanOrEqual(520);
      expect(await width(page, "Key tree")).toBeGreaterThanOrEqual(220);
      await expect(page.getByRole("link", { name: "Back to the tree" })).toBeHidden();
    });
  });
});

test.describe("keys page at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the tree, then the key alone with a way back; reload and the browser's Back keep up", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/k`, "v");
    await page.goto(`/keys`);
    await expect(tree(page)).toBeVisible();
    await expect(panel(page)).toBeHidden();
    await expect(divider(page)).toBeHidden();

    await page.goto(keyPage(ns));
    await expect(panel(page).getByRole("heading", { name: ns })).toBeVisible();
    await expect(treeRegion(page)).toBeHidden();
    await page.getByRole("link", { name: "Back to the tree" }).click();
    await expect(page).toHaveURL(/\/keys$/);
    await expect(tree(page)).toBeVisible();
    await expect(panel(page)).toBeHidden();

    // The tree kept the directory open: its key is one tap away, or a few keys.
    const k = tree(page).getByRole("treeitem", { name: "k", exact: true });
    await k.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/k$`));
    await expect(panel(page).getByRole("heading", { name: `${ns}/k` })).toBeVisible();
    await expect(treeRegion(page)).toBeHidden();
    // Focus follows to the new view instead of staying on the hidden row, and back again.
    const back = page.getByRole("link", { name: "Back to the tree" });
    await expect(back).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/keys$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("treeitem");
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/keys${ns}/k$`));
    await expect(panel(page).getByRole("heading", { name: `${ns}/k` })).toBeVisible();

    await page.reload();
    await expect(panel(page).getByRole("heading", { name: `${ns}/k` })).toBeVisible();
    await expect(treeRegion(page)).toBeHidden();

    await page.goBack();
    await expect(page).toHaveURL(/\/keys$/);
    await expect(tree(page)).toBeVisible();
    await expect(panel(page)).toBeHidden();
  });

  test("a long key path wraps at its slashes, never a letter per line", async ({ page, etcd, ns }) => {
    // Every segment fits on a line: none may be cut (one longer than a line would wrap inside, as a last resort).
    const long = `${ns}/services/payments-gateway/configuration/production-eu-west/primary-database/settings.json`;
    await etcd.put(long, "v");
    await page.goto(keyPage(long));
    const heading = panel(page).getByRole("heading", { name: long });
    await expect(heading).toBeVisible();
    const box = (await heading.boundingBox())!;
    const lineHeight = await heading.evaluate((h) => parseFloat(getComputedStyle(h).lineHeight));
    expect(box.width).toBeGreaterThan(250);
    expect(box.height / lineHeight, "lines of the heading").toBeLessThanOrEqual(8);
    // Every line but the last ends at a slash: no segment is cut when it fits on a line.
    const lines = await heading.evaluate((h) => {
      const range = document.createRange();
      const tops = new Map<number, string>();
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          tops.set(top, (tops.get(top) ?? "") + text[i]);
        }
      }
      return [...tops.entries()].sort((a, b) => a[0] - b[0]).map(([, line]) => line);
    });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line.endsWith("/"), `"${line}" ends at a slash`).toBe(true);
  });

  test("the way back to the tree stays on the same cluster", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/k`, "v");
    await page.goto(`${keyPage(`${ns}/k`)}?cluster=second`);
    await expect(page.getByRole("link", { name: "Back to the tree" })).toHaveAttribute("href", "/keys?cluster=second");
  });
});
