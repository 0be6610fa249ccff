// What lib/ refuses or reports, in the page's language: a Chinese browser sees the key-name and TTL problems of
// New key, the "already exists" of a create, the watch form's refusals and the copy dialog's refusal in Chinese
// (lib returns codes; the components word them from the validation, errors and reports catalogues). English
// stays the default: the other specs check the same words in English.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { keyPage } from "./key-page";

/** The Keys page at `key`, waiting for its heading (the panel's region name is not translated yet). */
async function openKeyZh(page: Page, key: string) {
  await page.goto(keyPage(key));
  await expect(page.getByRole("heading", { name: key })).toBeVisible();
}

for (const viewport of [undefined, { width: 390, height: 844 }]) {
  test.describe(`a Chinese browser at ${viewport ? "phone" : "desktop"} width`, () => {
    if (viewport) test.use({ viewport });
    test.use({ locale: "zh-CN" });

    test("New key says what is wrong with the name and the TTL, and that a key exists, in Chinese", async ({ page, etcd, ns }) => {
      await etcd.put(`${ns}/dir/existing`, "x");
      await openKeyZh(page, `${ns}/dir`);
      await page.getByRole("button", { name: "新建键", exact: true }).first().click();
      const dialog = page.getByRole("dialog", { name: "新建键" });
      await dialog.getByLabel("键名").fill("a//b");
      await dialog.getByLabel("TTL（秒）").fill("-5");
      await dialog.getByRole("button", { name: "创建" }).click();
      await expect(dialog.getByText("名称无效：路径段为空（出现了“//”或结尾的“/”）。")).toBeVisible();
      await expect(dialog.getByText("TTL 不能为负数")).toBeVisible();

      await dialog.getByLabel("键名").fill("existing");
      await dialog.getByLabel("TTL（秒）").fill("");
      await dialog.getByRole("button", { name: "创建" }).click();
      await expect(dialog.getByRole("alert")).toContainText(`${ns}/dir/existing 已存在。`);
      expect(await etcd.value(`${ns}/dir/existing`)).toBe("x");
    });

    test("the watch form refuses a bad key and from index in Chinese", async ({ page }) => {
      await page.goto("/watch");
      await expect(page.getByRole("heading", { name: "监视", level: 1 })).toBeVisible();
      await page.getByRole("button", { name: "添加面板" }).click();
      await expect(page.getByText("请输入键，例如 /config（输入“/”可监听整个键空间）。")).toBeVisible();
      await page.getByLabel("键", { exact: true }).fill("/a/..");
      await page.getByLabel("起始索引", { exact: true }).fill("0");
      await page.getByRole("button", { name: "添加面板" }).click();
      await expect(page.getByText("键无效：键的路径段不能是“..”。")).toBeVisible();
      await expect(page.getByText("起始索引必须是不小于 1 的整数（留空则从现在开始监听变更）。")).toBeVisible();
    });

    test("the copy dialog refuses a destination inside the source in Chinese", async ({ page, etcd, ns }) => {
      await etcd.put(`${ns}/app/a`, "1");
      await openKeyZh(page, `${ns}/app`);
      await page.getByRole("button", { name: "复制…", exact: true }).first().click();
      const dialog = page.getByRole("dialog", { name: "复制 app" });
      await dialog.getByLabel("目标路径").fill(`${ns}/app/inner`);
      await dialog.getByRole("button", { name: "复制", exact: true }).click();
      await expect(dialog.getByText("目标位于源之内。")).toBeVisible();
    });
  });
}
