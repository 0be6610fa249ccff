// A cluster that does not serve the v2 API (etcd 3.4 started with --enable-v2=false, as etcd 3.6 is for good): the
// Keys page opens in v3 and says why there is no v2, offers no Keyspace choice, and a v2 link opens the v3 root. A
// cluster configured with "keyspaces": ["v3"] says that instead. The rest of the app shows it as the healthy
// cluster it is (badge, Home card, Cluster page, no connection banner); one configured for v2 alone keeps the
// advice to enable v2. An etcd and a dashboard of the spec's own.
import type { Locator, Page } from "@playwright/test";
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
      { name: "v2only", endpoints: [url], keyspaces: ["v2"] },
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

/** Nothing calls the cluster broken or asks for --enable-v2=true: the badge, the banner, `part` of the page. */
async function expectNoConnectionProblem(page: Page, part: Locator) {
  await expect(page.getByRole("status", { name: "Connection" })).toHaveText(/^etcd 3\.4\.\d+ · 1\/1 members healthy$/);
  await expect(page.getByRole("alert", { name: "Connection problem" })).toHaveCount(0);
  await expect(part.getByText(/--enable-v2=true/)).toHaveCount(0);
}

test("the badge, the Home card and the Cluster page show the cluster as healthy, without a connection banner", async ({ page }) => {
  await page.goto(`${own.dashboard.url}/`);
  const card = page.getByRole("article", { name: "Cluster default" });
  await expectNoConnectionProblem(page, card);
  // The same etcd configured for v2 alone: its card keeps the advice (what the default card must not show).
  await expect(page.getByRole("article", { name: "Cluster v2only" }).getByText(/--enable-v2=true/)).toBeVisible();
  const health = card.getByLabel("Health of default");
  await expect(health.getByRole("term")).toHaveText(["Health", "Leader", "Members", "Top-level keys"]);
  // Top-level keys of the v3 root: "/" (holding /apps/web/port) and "plain".
  await expect(health.getByRole("definition")).toHaveText(["1 of 1 members healthy", "no-v2", "1", "2"]);
  await expect(card.getByRole("status", { name: "etcd version" })).toContainText("3.4");

  await page.goto(`${own.dashboard.url}/cluster`);
  await expectNoConnectionProblem(page, page.getByRole("main"));
  await expect(page.getByRole("status").filter({ hasText: "Quorum: 1 of 1 member healthy" })).toBeVisible();
  const members = page.getByRole("table", { name: "Members" });
  const row = members.getByRole("row", { name: /^no-v2/ });
  await expect(row.getByRole("rowheader")).toHaveText(/^no-v2\s*leader$/);
  await expect(row.getByRole("cell", { name: /^[0-9a-f]+$/ })).toBeVisible();
  await expect(row.getByRole("cell", { name: own.etcd.clientURL })).toBeVisible();
  await expect(row.getByRole("cell", { name: "healthy", exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: /^3\.4\.\d+$/ })).toBeVisible();
  // Membership changes go through v2: not offered, and the page says why; v2-only stats say the same.
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(members.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(page.getByText("Adding and removing members is done through the v2 API here, which this cluster does not serve.")).toBeVisible();
  const leader = page.getByRole("region", { name: "Leader" });
  await expect(leader).toContainText("Leader: no-v2");
  await expect(leader).toContainText("not available without the v2 API");
  await expect(page.getByRole("region", { name: "Member stats" })).toHaveText(/Member stats are not available without the v2 API\./);
  await expect(page.getByRole("region", { name: "Store" })).toHaveText(/Store stats are not available without the v2 API\./);
});

test("a cluster configured for v2 alone still says to enable v2", async ({ page }) => {
  await page.goto(`${own.dashboard.url}/cluster?cluster=v2only`);
  await expect(page.getByRole("alert", { name: "Connection problem" })).toContainText("does not serve the v2 API");
  await expect(page.getByText(/--enable-v2=true/).first()).toBeVisible();
});
