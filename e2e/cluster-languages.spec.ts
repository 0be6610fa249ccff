// The Cluster page and the etcd auth page's status in Chinese, as a browser set to zh-CN sees them on the shared
// one-member cluster: headings, the quorum banner, the tables, the connection settings and the add-member
// dialog's quorum note (cancelled before anything changes), the poll interval as Chinese write a duration, and
// the auth switch's state. English stays the default: cluster-page.spec.ts and etcd-auth-page.spec.ts run in it.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function clusterPageInChinese(page: Page) {
  await page.goto("/cluster");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "集群 default" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Quorum 正常：1 个成员中 1 个健康（需要 1 个）；不能再有成员故障。" })).toBeVisible();
  // The shared dashboard polls every 2 s: the interval as Chinese write a duration.
  await expect(page.getByText(/^etcd 轮询于 .+，本页可见时每 2\s?秒轮询一次$/)).toBeVisible();

  const members = page.getByRole("table", { name: "成员", exact: true });
  await expect(members.getByRole("columnheader", { name: "健康状态" })).toBeVisible();
  await expect(members.getByRole("cell", { name: "健康", exact: true })).toBeVisible();
  await expect(members).toContainText("唯一成员");
  const self = page.getByRole("table", { name: "各成员的自身统计" });
  await expect(self.getByRole("columnheader", { name: "Leader 在任时长" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Leader" })).toContainText("单成员集群没有 follower。");
  const settings = page.getByLabel("连接设置");
  await expect(settings).toContainText("读取超时");
  await expect(settings).toContainText(/认证(开启|关闭)/);
  await expect(page.getByLabel("集群配置", { exact: true })).toContainText("集群版本");

  await page.getByRole("button", { name: "添加成员" }).click();
  await page.getByRole("dialog", { name: "添加成员" }).getByLabel("Peer URL").fill("http://127.0.0.1:1");
  await page.getByRole("button", { name: "继续" }).click();
  const confirm = page.getByRole("dialog", { name: "添加此成员？" });
  await expect(confirm).toContainText("etcd 将添加一个成员，其 peer URL 为 http://127.0.0.1:1。");
  await expect(confirm).toContainText("变更后集群有 2 个成员，写入需要其中 2 个健康；届时只有 1 个健康，在新成员加入之前写入将失败。");
  await confirm.getByRole("button", { name: "返回" }).click();
  await page.getByRole("dialog", { name: "添加成员" }).getByRole("button", { name: "取消" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

async function authStatusInChinese(page: Page) {
  await page.goto("/etcd-auth");
  const status = page.getByRole("region", { name: "状态" });
  await expect(status).toContainText("集群 default 的认证未启用。");
  await expect(status).toContainText("任何客户端都可以读写所有键。");
  await expect(status).toContainText(/仪表盘(没有|以|用于)|etcd 不接受/);
}

test.describe("a Chinese browser (desktop)", () => {
  test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  test("sees the Cluster page in Chinese", async ({ page }) => clusterPageInChinese(page));
  test("sees the etcd auth status in Chinese", async ({ page }) => authStatusInChinese(page));
});

test.describe("a Chinese browser (phone)", () => {
  test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 390, height: 844 } });
  test("sees the Cluster page in Chinese", async ({ page }) => clusterPageInChinese(page));
  test("sees the etcd auth status in Chinese", async ({ page }) => authStatusInChinese(page));
});
