// Integration tests of version, health, stats and membership: first against the shared single-member
// etcd, then against a 3-member cluster of our own (stopped and frozen members, leader lookup, member
// add/update/remove). Results are checked against etcd's own answers, fetched directly.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freePort, startCluster, type Cluster, type Member as HarnessMember } from "../../scripts/lib/etcd-harness.mjs";
import { EtcdClient } from "./client";
import { parseKey } from "./key-path";
import type { Member } from "./wire";
import { directGet, etcdErrorOf, sleep, stopClusterNow, uniquePrefix, untilStopped } from "../testing/etcd-direct";

describe("single member", () => {
  const url = inject("etcdURL");
  let client: EtcdClient;
  let self: Member;

  beforeAll(async () => {
    client = new EtcdClient({ endpoints: [url], discoverMembers: false });
    const direct = await directGet(url, "/v2/members");
    expect(direct.json.members).toHaveLength(1);
    self = direct.json.members[0];
  });
  afterAll(() => client.close());

  it("reads the version", async () => {
    const version = await client.cluster.version();
    expect(version).toEqual((await directGet(url, "/version")).json);
    expect(version.etcdserver).toMatch(/^3\.\d+\.\d+/);
  });

  it("reports the member healthy and the cluster with quorum", async () => {
    const health = await client.cluster.health();
    expect(health).toMatchObject({ quorum: true, healthyCount: 1, memberCount: 1 });
    expect(health.members).toEqual([
      expect.objectContaining({ id: self.id, name: self.name, clientURLs: [url], health: "healthy" }),
    ]);
    expect(health.members[0]?.version?.etcdserver).toMatch(/^3\./);
  });

  it("lists members, machines and the leader", async () => {
    expect(await client.cluster.members()).toEqual([self]);
    expect(self.clientURLs).toEqual([url]);
    const machines = (await directGet(url, "/v2/machines")).text;
    expect(await client.cluster.machines()).toEqual(machines.split(", "));
    expect(await client.cluster.machines()).toEqual([url]);
    expect(await client.cluster.leader()).toEqual(self);
  });

  it("reads self stats and leader stats", async () => {
    const stats = await client.cluster.selfStats();
    expect(stats).toMatchObject({ id: self.id, name: self.name, state: "StateLeader" });
    expect(stats.leaderInfo.leader).toBe(self.id);
    const leader = await client.cluster.leaderStats();
    expect(leader.leader).toBe(self.id);
    expect(leader.followers).toEqual({});
  });

  it("reads store stats that count the writes made", async () => {
    const before = await client.cluster.storeStats();
    const p = uniquePrefix();
    await client.keys.set(parseKey(`${p}/a`), "1");
    await client.keys.set(parseKey(`${p}/b`), "2");
    await client.keys.create(parseKey(`${p}/c`), "3");
    const after = await client.cluster.storeStats();
    expect(after.setsSuccess - before.setsSuccess).toBe(2);
    expect(after.createSuccess - before.createSuccess).toBe(1);
    const direct = (await directGet(url, "/v2/stats/store")).json;
    expect(direct.setsSuccess).toBe(after.setsSuccess);
  });

  it("reads self and store stats per member", async () => {
    const selfPer = await client.cluster.selfStatsPerMember();
    expect(selfPer).toHaveLength(1);
    expect(selfPer[0]).toMatchObject({ id: self.id, endpoint: url, ok: true, value: { id: self.id, state: "StateLeader" } });
    const storePer = await client.cluster.storeStatsPerMember();
    expect(storePer[0]).toMatchObject({ id: self.id, endpoint: url, ok: true });
    expect(storePer[0]?.ok && storePer[0].value.setsSuccess).toBeGreaterThan(0);
  });

  it("reports unknown member ids as member-not-found", async () => {
    expect(await etcdErrorOf(client.cluster.removeMember("ffffffffffffffff"))).toMatchObject({ kind: "member-not-found", status: 404 });
    expect(await etcdErrorOf(client.cluster.updateMember("ffffffffffffffff", ["http://127.0.0.1:1"]))).toMatchObject({
      kind: "member-not-found",
    });
    expect((await directGet(url, "/v2/members")).json.members).toEqual([self]);
  });
});

describe("three-member cluster", () => {
  let cluster: Cluster;
  let client: EtcdClient;
  /** etcd's member list, fetched directly once the cluster is up. */
  let members: Member[];

  const idOf = (m: HarnessMember) => members.find((x) => x.clientURLs.includes(m.clientURL))!.id;
  async function roles() {
    const leader = await cluster.leader();
    if (!leader) throw new Error("the cluster has no leader");
    return { leader, followers: cluster.members.filter((m) => m !== leader) };
  }

  beforeAll(async () => {
    cluster = await startCluster({ size: 3 });
    client = new EtcdClient({ endpoints: cluster.endpoints, discoverMembers: false });
    members = (await directGet(cluster.endpoints[0]!, "/v2/members")).json.members;
    expect(members).toHaveLength(3);
  });
  afterAll(async () => {
    client?.close();
    if (cluster) await stopClusterNow(cluster);
  });

  it("reports all three members healthy", async () => {
    const health = await client.cluster.health();
    expect(health).toMatchObject({ quorum: true, healthyCount: 3, memberCount: 3 });
    expect(health.members.map((m) => m.health)).toEqual(["healthy", "healthy", "healthy"]);
    expect(new Set(health.members.map((m) => m.id))).toEqual(new Set(members.map((m) => m.id)));
  });

  it("finds the leader's stats whichever member it asks first", async () => {
    const { leader, followers } = await roles();
    const leaderId = idOf(leader);
    const followerIds = followers.map(idOf).sort();
    expect((await directGet(followers[0]!.clientURL, "/v2/stats/leader")).status).toBe(403);

    // Only a follower configured: the client must go to the leader itself.
    const viaFollower = new EtcdClient({ endpoints: [followers[0]!.clientURL], discoverMembers: false });
    try {
      const stats = await viaFollower.cluster.leaderStats();
      expect(stats.leader).toBe(leaderId);
      expect(Object.keys(stats.followers).sort()).toEqual(followerIds);
      expect((await viaFollower.cluster.leader()).id).toBe(leaderId);
    } finally {
      viaFollower.close();
    }
    const viaLeader = new EtcdClient({ endpoints: [leader.clientURL], discoverMembers: false });
    try {
      const stats = await viaLeader.cluster.leaderStats();
      expect(stats.leader).toBe(leaderId);
      expect(Object.keys(stats.followers).sort()).toEqual(followerIds);
    } finally {
      viaLeader.close();
    }
  });

  it("reads self stats of every member, with one leader and two followers", async () => {
    const per = await client.cluster.selfStatsPerMember();
    expect(per.map((p) => p.ok)).toEqual([true, true, true]);
    const states = per.map((p) => (p.ok ? p.value.state : "")).sort();
    expect(states).toEqual(["StateFollower", "StateFollower", "StateLeader"]);
    for (const p of per) {
      expect(p.ok && p.value.id).toBe(p.id);
      expect(members.find((m) => m.id === p.id)?.clientURLs).toEqual([p.endpoint]);
    }
  });

  it("removing an unknown member id gives member-not-found and changes nothing", async () => {
    const err = await etcdErrorOf(client.cluster.removeMember("ffffffffffffffff"));
    expect(err).toMatchObject({ kind: "member-not-found", status: 404 });
    expect((await directGet(cluster.endpoints[0]!, "/v2/members")).json.members).toHaveLength(3);
  });

  it("adds, updates and removes a member", async () => {
    const peerURL = `http://127.0.0.1:${await freePort()}`;
    // etcd refuses membership changes (HTTP 500, "unhealthy cluster" in its log) until every member has
    // been connected for 5 s: retry for a while after the cluster start.
    let added: Member | undefined;
    const deadline = Date.now() + 15_000;
    while (!added) {
      try {
        added = await client.cluster.addMember([peerURL]);
      } catch (error) {
        const e = await etcdErrorOf(Promise.reject(error));
        if (!(e.status === 500 && e.kind === "rejected") || Date.now() > deadline) throw error;
        await sleep(250);
      }
    }
    try {
      expect(added).toMatchObject({ name: "", peerURLs: [peerURL], clientURLs: [] });
      expect(added.id).toMatch(/^[0-9a-f]{1,16}$/);
      let direct = (await directGet(cluster.endpoints[0]!, "/v2/members")).json.members as Member[];
      expect(direct.find((m) => m.id === added!.id)).toEqual(added);

      const health = await client.cluster.health();
      expect(health).toMatchObject({ memberCount: 4, healthyCount: 3, quorum: true });
      expect(health.members.find((m) => m.id === added!.id)?.health).toBe("unstarted");

      const movedURL = `http://127.0.0.1:${await freePort()}`;
      await client.cluster.updateMember(added.id, [movedURL]);
      direct = (await directGet(cluster.endpoints[0]!, "/v2/members")).json.members;
      expect(direct.find((m) => m.id === added!.id)?.peerURLs).toEqual([movedURL]);
    } finally {
      await client.cluster.removeMember(added.id);
    }
    const direct = (await directGet(cluster.endpoints[0]!, "/v2/members")).json.members as Member[];
    expect(direct.map((m) => m.id).sort()).toEqual(members.map((m) => m.id).sort());
    expect(await etcdErrorOf(client.cluster.removeMember(added.id))).toMatchObject({ kind: "member-removed", status: 410 });
  });

  it("marks a frozen member unreachable within the probe deadline", async () => {
    const { followers } = await roles();
    const frozen = followers[0]!;
    // The frozen member first: the member list read costs one read deadline, then each member's
    // probe is bounded by the client's own 2 s probe deadline.
    const frozenFirst = new EtcdClient({
      endpoints: [frozen.clientURL, ...cluster.endpoints.filter((e) => e !== frozen.clientURL)],
      readTimeoutMs: 1_000,
      discoverMembers: false,
    });
    frozen.freeze();
    await untilStopped(frozen.pid);
    try {
      const t0 = Date.now();
      const health = await frozenFirst.cluster.health();
      expect(Date.now() - t0).toBeLessThan(4_500);
      expect(health).toMatchObject({ quorum: true, healthyCount: 2, memberCount: 3 });
      const status = health.members.find((m) => m.id === idOf(frozen));
      expect(status?.health).toBe("unreachable");
      expect(status?.reason).toMatch(/in time/);
    } finally {
      frozen.thaw();
      frozenFirst.close();
    }
  });

  it("marks a stopped member unreachable and keeps quorum; healthy again after restart", async () => {
    const { followers } = await roles();
    const stopped = followers[1]!;
    await stopped.stop();
    try {
      const health = await client.cluster.health();
      expect(health).toMatchObject({ quorum: true, healthyCount: 2, memberCount: 3 });
      const byId = Object.fromEntries(health.members.map((m) => [m.id, m.health]));
      expect(byId[idOf(stopped)]).toBe("unreachable");
      for (const m of cluster.members.filter((x) => x !== stopped)) expect(byId[idOf(m)]).toBe("healthy");
      // etcd keeps listing the dead member.
      expect(await client.cluster.members()).toHaveLength(3);
      expect(await client.cluster.machines()).toContain(stopped.clientURL);
    } finally {
      await stopped.start();
    }
    const health = await client.cluster.health();
    expect(health).toMatchObject({ quorum: true, healthyCount: 3 });
  });
});
