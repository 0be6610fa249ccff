// The cluster monitor against a real etcd, seen through a counting forwarder: 20 viewers polling at
// once cause one etcd poll per interval, and no one looking causes none.
import { describe, expect, it } from "vitest";
import { EtcdClient } from "@/lib/etcd";
import { sleep } from "../testing/etcd-direct";
import { useProxiedClient } from "../testing/proxied-client";
import { ClusterMonitor } from "./monitor";

describe("ClusterMonitor", () => {
  const setup = useProxiedClient();
  const url = setup.etcdURL;

  it("20 concurrent viewers cause one etcd poll per interval, and nobody looking causes none", async () => {
    const monitor = new ClusterMonitor(setup.client, { intervalMs: 1_000 });
    const membersBefore = setup.proxy.count("/v2/members");
    const started = Date.now();
    // 20 viewers, each asking every 100 ms for 3.5 s.
    const viewers = Array.from({ length: 20 }, async () => {
      while (Date.now() - started < 3_500) {
        const poll = await monitor.current();
        expect(poll.snapshot?.memberCount).toBe(1);
        await sleep(100);
      }
    });
    await Promise.all(viewers);
    const polls = setup.proxy.count("/v2/members") - membersBefore;
    expect(monitor.polls).toBe(polls);
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(polls).toBeLessThanOrEqual(5);

    const quietBefore = new Map(setup.proxy.counts);
    await sleep(2_500);
    expect(new Map(setup.proxy.counts)).toEqual(quietBefore);
  });

  it("a poll reports members, leader, stats and machines; samples carry store rates from the second poll on", async () => {
    const monitor = new ClusterMonitor(setup.client, { intervalMs: 500 });
    const first = await monitor.current();
    const snapshot = first.snapshot!;
    expect(snapshot).toMatchObject({ quorum: true, healthyCount: 1, memberCount: 1 });
    const [member] = snapshot.members;
    expect(member).toMatchObject({ health: "healthy", isLeader: true });
    expect(snapshot.leaderId).toBe(member!.id);
    expect(member!.self?.state).toBe("StateLeader");
    expect(member!.store?.getsSuccess).toBeGreaterThanOrEqual(0);
    expect(member!.version?.etcdserver).toMatch(/^3\./);
    expect(snapshot.machines).toEqual([url]);
    expect(snapshot.leaderStats).toEqual({ leader: member!.id, followers: {} });
    await sleep(600);
    const second = await monitor.current();
    expect(second.at).toBeGreaterThan(first.at);
    const samples = monitor.history();
    expect(samples).toHaveLength(2);
    expect(samples[0]!.storeRates).toEqual({});
    expect(samples[1]!.storeRates[member!.id]?.getsSuccess).toBeGreaterThanOrEqual(0);
    expect(monitor.history(samples[0]!.at)).toEqual([samples[1]]);
  });

  it("a cluster that cannot be reached gives a poll with the error, cached for the interval too", async () => {
    const down = new EtcdClient({ endpoints: ["http://127.0.0.1:9"], discoverMembers: false });
    try {
      const monitor = new ClusterMonitor(down, { intervalMs: 60_000 });
      const poll = await monitor.current();
      expect(poll.snapshot).toBeUndefined();
      expect(poll.error).toMatchObject({ kind: "unavailable" });
      await monitor.current();
      expect(monitor.polls).toBe(1);
    } finally {
      down.close();
    }
  });
});
