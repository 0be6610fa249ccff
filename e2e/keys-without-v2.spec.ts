// A cluster that does not serve the v2 API (etcd 3.4 started with --enable-v2=false, as etcd 3.6 is for good): the
// Keys page opens in v3 and says why there is no v2, offers no Keyspace choice, and a v2 link opens the v3 root. A
// cluster configured with "keyspaces": ["v3"] says that instead. An etcd and a dashboard of the spec's own.
import { etcdctl } from "../lib/testing/etcdctl3";
import { expect, test } from "./fixtures";
import { startOwnEtcd, type OwnEtcd } from "./own-etcd";

let own: OwnEtcd;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  own = await startOwnEtcd(
    "no-v2",
    (url) => [
      { name: "default", endpoints: [url] },
      { name: "v3only", endpoints: [url], keyspaces: ["v3"] },
    ],
    {},
    {},
    ["--enable-v2=false"],
  );
  await etcdctl(own.etcd.clientURL, ["put", "/apps/web/port", "8080"]);
  await etcdctl(own.etcd.clientURL, ["put", "plain", "no leading slash"]);
});

test.afterAll(async () => {
  await own?.stop();
});

test("opens in v3, says that v2 is not served, and a v2 link opens the v3 root", async ({ page }) => {
  await page.goto(`${own.dashboard.url}/keys`);
  await expect(page).toHaveURL(/[?&]keyspace=v3/);
  const tree = page.getByRole("tree", { name: "Keys" });
  await expect(tree.getByRole("treeitem", { name: "plain" })).toBeVisible();
  await expect(tree.getByRole("treeitem", { name: "/", exact: true })).toBeVisible();
  await expect(page.getByRole("note")).toHaveText(/does not serve the v2 API .*only its v3 keys are shown/);
  await expect(page.getByRole("radiogroup", { name: "Keyspace" })).toHaveCount(0);
  // The root is every key, not the directory "/" (which is one of its children on v3).
  await expect(page.getByRole("region", { name: "Selected key" }).getByRole("heading", { level: 1 })).toHaveText("All keys (the root)");

  // A v2 link names nothing here: the v3 root opens instead of a page of errors.
  await page.goto(`${own.dashboard.url}/keys/apps/web/port`);
  await expect(page).toHaveURL(/\/keys\?keyspace=v3$/);
  await expect(tree.getByRole("treeitem", { name: "plain" })).toBeVisible();
});

test("a cluster configured for v3 alone says so", async ({ page }) => {
  await page.goto(`${own.dashboard.url}/keys?cluster=v3only`);
  await expect(page).toHaveURL(/[?&]keyspace=v3/);
  await expect(page.getByRole("note")).toHaveText("This cluster is configured to show only its v3 keys.");
  await page.getByRole("tree", { name: "Keys" }).getByRole("treeitem", { name: "plain" }).click();
  await expect(page.getByRole("region", { name: "Selected key" }).getByRole("heading", { level: 1 })).toHaveText("plain");
});
