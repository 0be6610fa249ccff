// The etcd auth page on a phone, before root exists: the set-up checklist instead of "Enable auth", each step
// done or not yet with the reason (the whole journey at desktop width is in etcd-auth-page.spec.ts).
import { expect, test } from "./fixtures";
import { startOwnEtcd, type OwnEtcd } from "./own-etcd";

test.describe("etcd auth set-up checklist (phone)", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  let own: OwnEtcd;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // No credentials configured: the credentials step says what to configure.
    own = await startOwnEtcd("auth-checklist", (url) => [{ name: "default", endpoints: [url] }]);
  });
  test.afterAll(async () => {
    await own?.stop();
  });

  test("no root user and no credentials: the steps, why not yet, and no Enable auth", async ({ page }) => {
    await page.goto(`${own.dashboard.url}/etcd-auth`);
    const checklist = page.getByRole("list", { name: "Set-up checklist" });
    const step = (name: string) => checklist.getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });
    await expect(step("Create a user named root")).toContainText("Not yet");
    await expect(step("Create a user named root").getByRole("button", { name: "Create root user…" })).toBeVisible();
    await expect(step("Give the dashboard root's credentials for this cluster")).toContainText("The dashboard has no etcd credentials for this cluster");
    await expect(step("Enable auth")).toContainText("Not possible yet: first “Create a user named root”.");
    await expect(page.getByRole("button", { name: /^Enable auth/ })).toHaveCount(0);
  });
});
