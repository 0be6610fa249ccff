// The cluster monitor on clusters without the v2 API (etcd 3.4 started with --enable-v2=false, as etcd 3.6 is
// for good): its poll comes from v3's member list and Status with each member's /health and /version, checked
// against etcdctl as an independent witness; a cluster configured for v2 alone keeps v2's error.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startCluster, startEtcd, type Cluster, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { EtcdClient } from "../etcd";
import { Etcd3Client } from "../etcd3";
import { etcdctl } from "../testing/etcdctl3";
import { stopClusterNow } from "../testing/etcd-direct";
import { ClusterMonitor } from "./monitor";
import { snapshotSource } from "./snapshot-source";
import type { Keyspace } from "../keyspaces/support";

/** etcdctl's `endpoint status`, simple format: "url, id (hex), version, db size, is leader, …" per member. */
async function witnessStatus(endpoints: string[]): Promise<{ url: string; id: string; version: string; leader: boolean }[]> {
  const text = await etcdctl(endpoints.join(","), ["endpoint", "status"]);
  return text
    .trim()
    .split("\n")
    .map((line) => line.split(", "))
    .map(([url, id, version, , leader]) => ({ url: url!, id: id!, version: version!, leader: leader === "true" }));
}

function monitorOf(endpoints: string[], configured?: Keyspace[]) {
  const client = new EtcdClient({ endpoints, discoverMembers: false, readTimeoutMs: 2_000 });
  const client3 = new Etcd3Client({ endpoints, readTimeoutMs: 2_000 });
  const monitor = new ClusterMonitor(snapshotSource(client, () => client3, configured), { intervalMs: 60_000 });
  return { monitor, close: () => (client.close(), client3.close()) };
}

describe("a single member without v2", () => {
  let etcd: EtcdHandle;
  const closers: (() => void)[] = [];
  const open = (configured?: Keyspace[]) => {
    const opened = monitorOf([etcd.clientURL], configured);
    closers.push(opened.close);
    return opened.monitor;
  };
  beforeAll(async () => {
    etcd = await startEtcd({ name: "monitor-no-v2", extraArgs: ["--enable-v2=false"] });
  });
  afterAll(async () => {
    for (const close of closers) close();
    await etcd?.stop();
  });

  it("is polled over v3: the member healthy, with its version, and the leader", async () => {
    const [witness] = await witnessStatus([etcd.clientURL]);
    const poll = await open().current();
    expect(poll.error).toBeUndefined();
    const snapshot = poll.snapshot!;
    expect(snapshot).toMatchObject({ api: "v3", quorum: true, healthyCount: 1, memberCount: 1, leaderId: witness!.id, machines: [] });
    expect(snapshot.members).toHaveLength(1);
    expect(snapshot.members[0]).toMatchObject({ id: witness!.id, name: "monitor-no-v2", clientURLs: [etcd.clientURL], health: "healthy", isLeader: true });
    expect(snapshot.members[0]!.version).toEqual({ etcdserver: witness!.version, etcdcluster: expect.stringMatching(/^3\.4\./) });
    // v2-only parts are absent, not errors.
    expect(snapshot).not.toHaveProperty("leaderStatsError");
    expect(snapshot.members[0]).not.toHaveProperty("statsError");
  });

  it("configured for v2 alone, the poll keeps v2's error (the restart advice is right there)", async () => {
    const poll = await open(["v2"]).current();
    expect(poll.snapshot).toBeUndefined();
    expect(poll.error).toMatchObject({ kind: "v2-disabled" });
  });
});

describe("a cluster with v2 on", () => {
  const url = inject("etcdURL");
  const closers: (() => void)[] = [];
  afterAll(() => closers.forEach((close) => close()));

  it("is polled over v2 by default, and over v3 when configured for v3 alone", async () => {
    const both = monitorOf([url]);
    const v3only = monitorOf([url], ["v3"]);
    closers.push(both.close, v3only.close);
    const [witness] = await witnessStatus([url]);
    expect((await both.monitor.current()).snapshot).toMatchObject({ api: "v2", leaderId: witness!.id });
    expect((await v3only.monitor.current()).snapshot).toMatchObject({ api: "v3", leaderId: witness!.id, healthyCount: 1 });
  });
});

describe("three members without v2", () => {
  let cluster: Cluster;
  const closers: (() => void)[] = [];
  const open = (endpoints: string[]) => {
    const opened = monitorOf(endpoints);
    closers.push(opened.close);
    return opened.monitor;
  };
  beforeAll(async () => {
    cluster = await startCluster({ size: 3, namePrefix: "nov2-", extraArgs: ["--enable-v2=false"] });
  });
  afterAll(async () => {
    for (const close of closers) close();
    if (cluster) await stopClusterNow(cluster);
  });

  it("lists every member healthy with the leader etcdctl names; a stopped member is unreachable, the leader still known", async () => {
    const witness = await witnessStatus(cluster.endpoints);
    const leader = witness.find((w) => w.leader)!;
    const first = (await open(cluster.endpoints).current()).snapshot!;
    expect(first).toMatchObject({ api: "v3", quorum: true, healthyCount: 3, memberCount: 3, leaderId: leader.id });
    expect(first.members.map((m) => m.id).sort()).toEqual(witness.map((w) => w.id).sort());
    expect(first.members.filter((m) => m.isLeader).map((m) => m.id)).toEqual([leader.id]);

    // Stop a follower: still listed by MemberList, now unreachable; the others keep quorum and the leader.
    const follower = witness.find((w) => !w.leader)!;
    const followerIndex = cluster.endpoints.indexOf(follower.url);
    await cluster.members[followerIndex]!.stop();
    const second = await open(cluster.endpoints.filter((_, i) => i !== followerIndex)).current();
    const snapshot = second.snapshot!;
    expect(snapshot).toMatchObject({ quorum: true, healthyCount: 2, memberCount: 3, leaderId: leader.id });
    expect(snapshot.members.find((m) => m.id === follower.id)).toMatchObject({ health: "unreachable" });
  });
});
