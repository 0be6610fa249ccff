// The home page in Chromium: each configured cluster with its etcd version, or why it cannot be reached.
import { expect, test } from "./fixtures";

test.describe("home page", () => {
  test("shows the etcd version of the default cluster and a clear error for the one that is down", async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on("pageerror", (error) => pageErrors.push(error));

    await page.goto("/");
    await expect(page).toHaveTitle("etcd dashboard");
    await expect(page.getByRole("heading", { level: 1, name: "Clusters" })).toBeVisible();

    const defaultCluster = page.getByRole("article", { name: "Cluster default" });
    await expect(defaultCluster.getByRole("heading", { level: 3, name: /^default/ })).toBeVisible();
    const version = defaultCluster.getByRole("status", { name: "etcd version" });
    await expect(version).toContainText("3.4");
    await expect(defaultCluster.getByRole("alert")).toHaveCount(0);

    const second = page.getByRole("article", { name: "Cluster second" });
    await expect(second.getByRole("status", { name: "etcd version" })).toContainText("3.4");

    const down = page.getByRole("article", { name: "Cluster down" });
    const alert = down.getByRole("alert");
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("etcd cannot be reached");
    await expect(alert).toContainText("Check that etcd is running");
    await expect(down.getByRole("status", { name: "etcd version" })).toHaveCount(0);
    // The error names the problem, never the cluster's credentials.
    await expect(alert).not.toContainText("e2e-secret");

    // The shell's connection badge shows the selected cluster's version and member health.
    await expect(page.getByRole("status", { name: "Connection" })).toContainText("1/1 members healthy");

    expect(pageErrors).toEqual([]);
  });

  test("lists every configured cluster with its endpoint count", async ({ page }) => {
    await page.goto("/");
    for (const name of ["default", "second", "down"]) {
      const cluster = page.getByRole("article", { name: `Cluster ${name}` });
      await expect(cluster).toBeVisible();
      await expect(cluster.getByRole("heading", { level: 3 })).toContainText("1 endpoint");
    }
    await expect(page.getByRole("article")).toHaveCount(3);
  });
});
