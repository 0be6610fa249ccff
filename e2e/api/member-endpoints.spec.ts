// Which endpoints get the cluster's credentials and requests, on an etcd of this spec's own that advertises
// a client URL served by a fake member (a small HTTP server of the test's, answering `{}` to everything, as
// a URL an admin's new member might advertise). Only the configured endpoints get credentials and key
// traffic, unless the cluster's config allows discovery; and an answer that is not etcd's is never a success.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startDashboard, type DashboardHandle } from "../../scripts/lib/dashboard.mjs";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";

interface Seen {
  method: string;
  url: string;
  authorization?: string;
}

test.describe("learned member endpoints", () => {
  test.describe.configure({ mode: "serial" });
  let fake: http.Server;
  let fakeURL: string;
  const seen: Seen[] = [];
  let etcd: EtcdHandle;
  let dashboard: DashboardHandle;
  let tempDir: string;
  let auditLog: string;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    fake = http.createServer((req, res) => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
      req.resume();
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    fakeURL = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
    // The member listens where the dashboard is configured to reach it, and advertises the fake's URL.
    etcd = await startEtcd({ name: "advertises-fake", extraArgs: ["--advertise-client-urls", fakeURL] });
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-member-endpoints-"));
    auditLog = path.join(tempDir, "audit.jsonl");
    const configFile = path.join(tempDir, "config.json");
    // etcd auth is off, so it ignores the credentials; what matters is where the dashboard sends them.
    const cluster = { endpoints: [etcd.clientURL], username: "root", password: "s3cret-of-the-cluster" };
    fs.writeFileSync(configFile, JSON.stringify({ clusters: [{ name: "default", ...cluster }, { name: "discovering", ...cluster, discoverMembers: true }] }));
    dashboard = await startDashboard({ configFile, env: { ETCD_ENDPOINTS: undefined, ETCD_DASHBOARD_AUDIT_LOG: auditLog } });
  });
  test.afterAll(async () => {
    await dashboard?.stop();
    await etcd?.stop();
    await new Promise((resolve) => fake?.close(resolve));
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  });

  const api = (urlPath: string, method = "GET") => fetch(dashboard.url + urlPath, { method });
  const memberRemovals = () =>
    fs.existsSync(auditLog)
      ? fs.readFileSync(auditLog, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as { operation: string; cluster: string; result: { ok: boolean; code?: string } }).filter((e) => e.operation === "member-remove")
      : [];

  test("a member's advertised URL gets no credentials, key traffic or write unless discovery is allowed; an answer that is not etcd's is no success", async () => {
    test.setTimeout(60_000);
    const members = (await (await fetch(`${etcd.clientURL}/v2/members`)).json()) as { members: { id: string; clientURLs: string[] }[] };
    expect(members.members[0]!.clientURLs).toEqual([fakeURL]);
    const id = members.members[0]!.id;

    // Key reads and the Cluster page's per-member probes (which go to each member's advertised URL).
    for (let i = 0; i < 3; i++) expect((await api("/api/clusters/default/keys")).status).toBe(200);
    expect((await api("/api/clusters/default/health")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await api("/api/clusters/default/keys")).status).toBe(200);
    expect(seen.filter((s) => s.authorization !== undefined)).toEqual([]);
    expect(seen.filter((s) => s.url.startsWith("/v2/keys"))).toEqual([]);

    // The cluster whose config allows discovery learns the fake's URL.
    expect((await api("/api/clusters/discovering/keys")).status).toBe(200);
    await expect
      .poll(async () => {
        const overview = (await (await api("/api/clusters/discovering/overview")).json()) as { connection?: { endpointStates: { url: string; learned: boolean }[] } };
        return overview.connection?.endpointStates.some((e) => e.url === fakeURL && e.learned) ?? false;
      }, { timeout: 10_000 })
      .toBe(true);

    // The configured member goes away: without discovery nothing fails over to the fake...
    await etcd.stop();
    const refused = await api(`/api/clusters/default/members/${id}`, "DELETE");
    expect(refused.status).toBe(503);
    expect(seen.filter((s) => s.method !== "GET")).toEqual([]);

    // ...with discovery the removal reaches the fake, whose `{}` is not etcd's answer.
    const faked = await api(`/api/clusters/discovering/members/${id}`, "DELETE");
    expect(seen.filter((s) => s.method === "DELETE").length).toBe(1);
    expect(faked.status).toBe(502);
    expect(((await faked.json()) as { error: { code: string; outcomeUnknown?: boolean } }).error).toMatchObject({ code: "etcd_protocol", outcomeUnknown: true });

    const removals = memberRemovals();
    expect(removals.map((e) => [e.cluster, e.result.ok])).toEqual([
      ["default", false],
      ["discovering", false],
    ]);
  });
});
