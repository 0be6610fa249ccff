// The Cluster page in Chromium. A 3-member cluster of its own (the shared e2e etcd has one member) for the
// journeys that stop members and change membership; the shared dashboard for a cluster that is down.
import type { Locator, Page } from "@playwright/test";
import { startDashboard, type DashboardHandle } from "../scripts/lib/dashboard.mjs";
import { freePort, startCluster, startEtcd, type Cluster, type Member } from "../scripts/lib/etcd-harness.mjs";
import { seriousViolations } from "./a11y/axe";
import { expect, test } from "./fixtures";
import { SECRET_PASSWORD, SECRET_USERNAME } from "./global-setup";

const INTERVAL_MS = 1_000;
// The browser asks one interval after its last answer, when the server's poll is older than an interval, so
// each ask polls etcd afresh: a change shows within one interval, plus the time of a poll or two (a stopped
// member refuses connections at once) and of rendering.
const WITHIN_ONE_POLL_MS = INTERVAL_MS + 1_500;

const membersTable = (page: Page) => page.getByRole("table", { name: "Members" });
const memberRow = (page: Page, member: Member) => membersTable(page).getByRole("row", { name: member.name, exact: true });
const healthy = (row: Locator) => row.getByRole("cell", { name: "healthy", exact: true });
const unreachable = (row: Locator) => row.getByRole("cell", { name: /^unreachable/ });
const noQuorum = (page: Page) => page.getByRole("alert").filter({ hasText: "writes will fail" });

test.describe("Cluster page on a 3-member cluster", () => {
  test.describe.configure({ mode: "serial" });
  let cluster: Cluster;
  let dashboard: DashboardHandle;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    cluster = await startCluster({ size: 3 });
    dashboard = await startDashboard({ etcdEndpoints: cluster.members.map((m) => m.clientURL), env: { ETCD_STATS_INTERVAL_MS: String(INTERVAL_MS) } });
  });
  test.afterAll(async () => {
    await Promise.allSettled([dashboard?.stop(), cluster?.stop()]);
  });

  async function follower(): Promise<Member> {
    const leader = await cluster.leader();
    const found = cluster.members.find((m) => m.running && m !== leader);
    if (!leader || !found) throw new Error("the cluster has no leader and running follower");
    return found;
  }

  test("every member healthy, the leader marked, versions and charts shown", async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on("pageerror", (error) => pageErrors.push(error));
    await page.goto(dashboard.url + "/cluster");
    await expect(page.getByRole("heading", { level: 1, name: "Cluster default" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Quorum: 3 of 3 members healthy" })).toBeVisible();
    for (const member of cluster.members) {
      const row = memberRow(page, member);
      await expect(healthy(row)).toBeVisible();
      await expect(row.getByRole("cell", { name: /^3\.\d+\.\d+$/ })).toBeVisible();
      await expect(row.getByRole("cell", { name: member.clientURL })).toBeVisible();
    }
    // One leader badge, on the member etcd reports as leader. Elections happen on a loaded machine with the
    // harness's short timeouts, so ask etcd again until the page's next poll agrees.
    await expect(membersTable(page).getByRole("rowheader").filter({ hasText: "leader" })).toHaveCount(1);
    await expect(async () => {
      const leader = await cluster.leader();
      expect(leader).toBeDefined();
      await expect(memberRow(page, leader!).getByRole("rowheader")).toHaveText(`${leader!.name}leader`, { timeout: 2 * INTERVAL_MS });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("definition").filter({ hasText: /^3\.4\.\d+$/ }).first()).toBeVisible();

    // The leader's follower table and both charts, each an image with a name and its numbers in a table.
    const followers = page.getByRole("table", { name: "Followers as the leader sees them" });
    await expect(followers.getByRole("row")).toHaveCount(3);
    await expect(page.getByRole("img", { name: /^Follower latency \(current\)/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /^Store operations per second on m\d/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Follower latency (current)" }).getByRole("row")).toHaveCount(3);
    await expect(page.locator("canvas").first()).toBeVisible();
    await expect(page.getByRole("table", { name: /^Self stats/ }).getByRole("row", { name: /^m\d leader / })).toHaveCount(1);
    await expect(noQuorum(page)).toHaveCount(0);
    // Where the dashboard's requests go: one endpoint in use, none set aside.
    const endpointStates = page.getByRole("list", { name: "Endpoint states" }).getByRole("listitem");
    await expect(endpointStates.filter({ hasText: "in use" })).toHaveCount(1);
    await expect(endpointStates.filter({ hasText: "set aside" })).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test("a member add that etcd refuses shows etcd's message; a malformed URL never leaves the form", async ({ page }) => {
    // etcd answers a duplicate peer URL with 409 only once every member has been connected for ~5 s
    // (before that, 500): wait for that, asking etcd directly (a duplicate is never added).
    const duplicate = cluster.members[1]!.peerURL;
    await expect
      .poll(
        async () =>
          (
            await fetch(`${cluster.members[0]!.clientURL}/v2/members`, {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ peerURLs: [duplicate] }),
            })
          ).status,
        { timeout: 20_000 },
      )
      .toBe(409);

    await page.goto(dashboard.url + "/cluster");
    await page.getByRole("button", { name: "Add member" }).click();
    const dialog = page.getByRole("dialog", { name: "Add member" });
    await dialog.getByLabel("Peer URLs").fill("ftp://127.0.0.1:1");
    await dialog.getByRole("button", { name: "Continue" }).click();
    await expect(dialog.getByText("ftp://127.0.0.1:1: a peer URL is http(s)://host:port")).toBeVisible();

    await dialog.getByLabel("Peer URLs").fill(duplicate);
    await dialog.getByRole("button", { name: "Continue" }).click();
    const confirm = page.getByRole("dialog", { name: "Add this member?" });
    await expect(confirm).toContainText("4 members and needs 3");
    await confirm.getByRole("button", { name: "Add member" }).click();
    await expect(confirm.getByRole("alert")).toContainText("membership: peerURL exists");
    await confirm.getByRole("button", { name: "Close" }).click();
    await expect(membersTable(page).getByRole("row")).toHaveCount(4);
  });

  test("add a member by peer URL: it shows unstarted; remove it after confirming", async ({ page }) => {
    const peerURL = `http://127.0.0.1:${await freePort()}`;
    await page.goto(dashboard.url + "/cluster");
    await page.getByRole("button", { name: "Add member" }).click();
    await page.getByRole("dialog", { name: "Add member" }).getByLabel("Peer URLs").fill(peerURL);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("dialog", { name: "Add this member?" }).getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);

    const added = membersTable(page).getByRole("row").filter({ hasText: peerURL });
    await expect(added.getByRole("cell", { name: /^unstarted/ })).toBeVisible({ timeout: WITHIN_ONE_POLL_MS });
    await expect(added.getByRole("rowheader")).toHaveText("(not started)");
    const members = async () => ((await (await fetch(`${cluster.members[0]!.clientURL}/v2/members`)).json()) as { members: { id: string; peerURLs: string[] }[] }).members;
    const id = (await members()).find((m) => m.peerURLs.includes(peerURL))!.id;

    await added.getByRole("button", { name: `Remove member ${id}` }).click();
    const confirm = page.getByRole("dialog", { name: `Remove member ${id}?` });
    await expect(confirm).toContainText("never started");
    // The audit's one-member cluster offers no Remove: this dialog is audited here, in both themes.
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const html = expect(page.locator("html"));
      await (colorScheme === "dark" ? html.toHaveClass(/\bdark\b/) : html.not.toHaveClass(/\bdark\b/));
      expect(await seriousViolations(page), `remove member, ${colorScheme}`).toEqual([]);
    }
    await confirm.getByRole("button", { name: "Remove member" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(added).toHaveCount(0, { timeout: WITHIN_ONE_POLL_MS });
    expect((await members()).map((m) => m.peerURLs[0])).not.toContain(peerURL);
  });

  test("a stopped follower shows unreachable within one poll, the others healthy; restarted, healthy again", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(dashboard.url + "/cluster");
    const stopped = await follower();
    const row = memberRow(page, stopped);
    await expect(healthy(row)).toBeVisible();

    await stopped.stop();
    await expect(unreachable(row)).toBeVisible({ timeout: WITHIN_ONE_POLL_MS });
    await expect(row.getByRole("cell", { name: /connect|refused|reach/i })).toBeVisible();
    for (const other of cluster.members.filter((m) => m !== stopped)) await expect(healthy(memberRow(page, other))).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "Quorum: 2 of 3 members healthy" })).toBeVisible();
    await expect(noQuorum(page)).toHaveCount(0);

    await stopped.start();
    await expect(healthy(row)).toBeVisible({ timeout: WITHIN_ONE_POLL_MS });
  });

  test("two members stopped: the no-quorum alert says writes will fail", async ({ page }) => {
    test.setTimeout(60_000);
    await cluster.waitHealthy();
    await page.goto(dashboard.url + "/cluster");
    await expect(page.getByRole("status").filter({ hasText: "Quorum: 3 of 3 members healthy" })).toBeVisible();
    const survivor = (await cluster.leader())!;
    const stopped = cluster.members.filter((m) => m !== survivor);
    await Promise.all(stopped.map((m) => m.stop()));
    const alert = noQuorum(page);
    await expect(alert).toBeVisible({ timeout: 10_000 });
    // The survivor answers, but without a quorum its own /health says unhealthy.
    await expect(alert).toContainText("No quorum: 0 of 3 members healthy, 2 needed");
    for (const member of stopped) await expect(unreachable(memberRow(page, member))).toBeVisible();
    await expect(memberRow(page, survivor).getByRole("cell", { name: /^unhealthy/ })).toBeVisible();
    // A leader's self stats keep saying leader without a quorum (etcd updates them through raft): no
    // member is shown as the current leader, at most as the last known one.
    for (const member of cluster.members) await expect(memberRow(page, member).getByRole("rowheader")).not.toHaveText(`${member.name}leader`);
  });
});

test.describe("Cluster page on the shared dashboard", () => {
  test("a cluster that cannot be reached: the reason, and its connection settings without credentials", async ({ page }) => {
    await page.goto("/cluster?cluster=down");
    await expect(page.getByRole("alert", { name: "Connection problem" })).toContainText("etcd cannot be reached");
    await expect(page.getByRole("region", { name: "etcd cannot be reached" })).toContainText("Check that etcd is running");
    const settings = page.getByRole("definition");
    await expect(page.getByLabel("Connection settings")).toContainText("down");
    await expect(settings.filter({ hasText: /^http:\/\/127\.0\.0\.1:\d+$/ })).toBeVisible();
    await expect(page.getByLabel("Connection settings")).toContainText("Authon");
    await expect(page.getByLabel("Connection settings")).toContainText("Read timeout1 s");
    await expect(page.getByRole("list", { name: "Endpoint states" })).toContainText(/set aside after a failure: .*ECONNREFUSED/);
    const html = await page.content();
    expect(html).not.toContain(SECRET_PASSWORD);
    expect(html).not.toContain(SECRET_USERNAME);
    // The sidebar's link keeps the chosen cluster.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Cluster" })).toHaveAttribute("href", "/cluster?cluster=down");
  });

  test("polls only while the page is visible, asking only for samples it does not have", async ({ page }) => {
    test.setTimeout(60_000);
    const asked: URL[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/clusters/default/overview") asked.push(url);
    });
    const setVisibility = (state: "hidden" | "visible") =>
      page.evaluate((value) => {
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => value });
        document.dispatchEvent(new Event("visibilitychange"));
      }, state);

    await page.goto("/cluster");
    await expect(page.getByRole("table", { name: "Members" })).toBeVisible();
    await expect.poll(() => asked.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect(asked[0]!.searchParams.has("since")).toBe(false);
    for (const url of asked.slice(1)) expect(url.searchParams.get("since")).toMatch(/^\d+$/);

    await setVisibility("hidden");
    await page.waitForTimeout(500); // a request already on its way
    const whileHidden = asked.length;
    await page.waitForTimeout(3 * 2_000); // three of the shared dashboard's intervals
    expect(asked.length).toBe(whileHidden);

    await setVisibility("visible");
    await expect.poll(() => asked.length, { timeout: 5_000 }).toBeGreaterThan(whileHidden);
  });

  // Configured for v2 alone, so the dashboard does not show the cluster from v3 (keys-without-v2.spec.ts does).
  test("an etcd without the v2 API, configured for v2 alone: how to enable it", async ({ page }) => {
    test.setTimeout(90_000);
    const etcd = await startEtcd({ name: "no-v2", extraArgs: ["--enable-v2=false"] });
    let dashboard: DashboardHandle | undefined;
    try {
      dashboard = await startDashboard({ etcdEndpoints: [etcd.clientURL], env: { ETCD_KEYSPACES: "v2" } });
      await page.goto(dashboard.url + "/cluster");
      const alert = page.getByRole("region", { name: "This etcd does not serve the v2 API" });
      await expect(alert).toContainText("--enable-v2=true");
      await expect(alert).toContainText("etcd 3.6 removed the v2 API");
    } finally {
      await Promise.allSettled([dashboard?.stop(), etcd.stop()]);
    }
  });
});
