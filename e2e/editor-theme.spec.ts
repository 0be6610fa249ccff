// The value editor and the merge view in light and dark: every rendered token, the plain text and the gutter
// numbers reach 4.5:1 on the editor's own background, and the editor follows the page theme when it changes.
import type { Page } from "@playwright/test";
import { textContrasts } from "./contrast";
import { expect, test } from "./fixtures";
import { openKey, panel, setValue } from "./key-page";

const JSON_VALUE = '{\n  "name": "web",\n  "replicas": 3,\n  "enabled": true,\n  "owner": null,\n  "tags": ["a", "b"]\n}';
const YAML_VALUE = "# service\nname: web\nreplicas: 3\nenabled: true\nports:\n  - 80\n  - 443\n";

/** The editor around the value textbox: its content and its line-number gutter. */
const editorOf = (page: Page) => panel(page).getByRole("textbox", { name: "Value", exact: true }).locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' cm-editor ')][1]");

async function expectReadable(page: Page, minimumSamples: number) {
  const samples = await textContrasts(editorOf(page));
  expect(samples.length).toBeGreaterThanOrEqual(minimumSamples);
  const unreadable = samples.filter((s) => s.ratio < 4.5).map((s) => `${JSON.stringify(s.text)} ${s.colour} on ${s.background}: ${s.ratio.toFixed(2)}:1`);
  expect(unreadable).toEqual([]);
  return samples;
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`value editor colours, ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    test("JSON and YAML tokens, plain text and line numbers reach 4.5:1", async ({ page, etcd, ns }) => {
      await etcd.put(`${ns}/json`, JSON_VALUE);
      await etcd.put(`${ns}/yaml`, YAML_VALUE);
      await etcd.put(`${ns}/plain`, "just some text");

      await openKey(page, `${ns}/json`);
      const json = await expectReadable(page, 10);
      // Highlighting is on: keys and strings do not share one colour.
      const colourOf = (text: string) => json.find((s) => s.text === text)?.colour;
      expect(colourOf('"name"')).toBeDefined();
      expect(colourOf('"name"')).not.toBe(colourOf('"web"'));

      await openKey(page, `${ns}/yaml`);
      await expectReadable(page, 8);
      await openKey(page, `${ns}/plain`);
      await expectReadable(page, 2);
    });
  });
}

test.describe("value editor colours follow the page theme", () => {
  test.use({ colorScheme: "light" });

  test("switching the system to dark repaints the open editor", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/k`, JSON_VALUE);
    await openKey(page, `${ns}/k`);
    const lightBackground = (await expectReadable(page, 10))[0]!.background;
    await page.emulateMedia({ colorScheme: "dark" });
    await expect.poll(async () => (await textContrasts(editorOf(page)))[0]!.background).not.toBe(lightBackground);
    await expectReadable(page, 10);
  });
});

test.describe("value editor colours on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });

  test("JSON tokens reach 4.5:1 in dark", async ({ page, etcd, ns }) => {
    await etcd.put(`${ns}/k`, JSON_VALUE);
    await openKey(page, `${ns}/k`);
    await expectReadable(page, 10);
  });
});

test.describe("merge view colours", () => {
  for (const scheme of ["light", "dark"] as const) {
    test(`the Compare dialog's two values reach 4.5:1, ${scheme}`, async ({ page, etcd, ns }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const key = `${ns}/conflict`;
      await etcd.put(key, "one");
      await openKey(page, key);
      await setValue(page, "mine");
      await etcd.put(key, "theirs");
      // The change shows as a one-line notice; its Compare opens the dialog with the two values.
      const notice = panel(page).getByRole("region", { name: "Changed underneath" });
      await expect(notice.getByRole("alert")).toContainText("Changed by someone else");
      await notice.getByRole("button", { name: "Compare", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Changed by someone else" });
      for (const name of ["Their value", "Your value"]) {
        const editor = dialog.getByRole("textbox", { name }).locator("xpath=ancestor::*[contains(concat(' ', @class, ' '), ' cm-editor ')][1]");
        const samples = await textContrasts(editor);
        expect(samples.length).toBeGreaterThan(0);
        expect(samples.filter((s) => s.ratio < 4.5).map((s) => `${s.text} ${s.colour} on ${s.background}`)).toEqual([]);
      }
    });
  }
});
