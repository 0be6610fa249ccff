// The key tree and the value views in Chinese for a Chinese browser: the tree's name, a row's menu, the
// Text / Hex / Base64 views with their notes, and sizes in bytes as Chinese writes them ("812字节").
// English stays the default: every other spec checks these in English.
import type { Page } from "@playwright/test";
import { putMany } from "./etcd-bulk";
import { encodeKey, expect, test } from "./fixtures";

const tree = (page: Page) => page.getByRole("tree", { name: "键" });

/** Opens the Keys page at `key` and waits for its heading and for the editor (it loads on demand). */
async function openKey(page: Page, key: string) {
  await page.goto(`/keys${encodeKey(key)}`);
  await expect(page.getByRole("heading", { name: key })).toBeVisible();
  await expect(page.getByText("正在加载编辑器…")).toHaveCount(0);
}

for (const viewport of [undefined, { width: 390, height: 844 }]) {
  test.describe(`a Chinese browser at ${viewport ? "phone" : "desktop"} width`, () => {
    if (viewport) test.use({ viewport });
    test.use({ locale: "zh-CN" });

    test("sees the key tree and a row's menu in Chinese", async ({ page, etcd, ns }) => {
      await putMany(etcd, [
        [`${ns}/a`, "1"],
        [`${ns}/dir/x`, "2"],
      ]);
      await page.goto(`/keys${encodeKey(ns)}`);
      // At phone width the directory fills the screen: the tree is one link away.
      if (viewport) await page.getByRole("link", { name: "返回键树" }).click();
      const row = tree(page).getByRole("treeitem", { name: "a", exact: true });
      await row.focus();
      await page.keyboard.press("Shift+F10");
      const menu = page.getByRole("menu", { name: `${ns}/a 的操作` });
      await expect(menu.getByRole("menuitem", { name: "打开" })).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
    });

    test("sees a binary value as 十六进制 and Base64, with Chinese notes and sizes", async ({ page, etcd, ns }) => {
      const value = "\u0000\u0001\u0002PNG\r\n\u001a\nrest";
      await etcd.put(`${ns}/bin`, value);
      await openKey(page, `${ns}/bin`);
      await expect(page.getByRole("group", { name: "值的显示方式" }).getByRole("radio")).toHaveCount(3);
      await expect(page.getByRole("radio", { name: "十六进制" })).toBeChecked();
      const dump = page.getByRole("region", { name: "十六进制转储" });
      await expect(dump).toContainText("00 01 02 50 4e 47");
      await expect(page.getByText("共 14字节：", { exact: false })).toHaveText("共 14字节：etcd 返回的值的 UTF-8 字节（etcd 无法以 UTF-8 返回的字节显示为 ef bf bd，即 U+FFFD）。");

      await page.getByRole("radio", { name: "Base64" }).check();
      await expect(page.getByRole("region", { name: "Base64" })).toHaveText(Buffer.from(value, "utf8").toString("base64"));
      await expect(page.getByText("值的 UTF-8 字节的 Base64 编码", { exact: false })).toHaveText("值的 UTF-8 字节的 Base64 编码：复制到别处时不会因文本编辑器而丢失字节。");
      await expect(page.getByRole("radio", { name: "文本" })).not.toBeChecked();
    });

    test("stores a file: its size in Chinese, and 下载解码后的文件 for the decoded bytes", async ({ page, etcd, ns }) => {
      const bytes = Buffer.alloc(812, 7);
      await etcd.put(`${ns}/file`, "placeholder");
      await openKey(page, `${ns}/file`);
      await expect(page.getByRole("button", { name: "下载解码后的文件" })).toHaveCount(0);
      await page.getByLabel("存储文件…").setInputFiles({ name: "blob.bin", mimeType: "application/octet-stream", buffer: bytes });
      await expect(page.getByRole("status", { name: "文件已载入" })).toContainText("blob.bin（812字节）已按 base64 载入（1,084 个字符）");
      await expect(page.getByRole("button", { name: "下载解码后的文件" })).toBeVisible();
    });
  });
}
