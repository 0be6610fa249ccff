// The watch hub against real etcd: one upstream for many subscribers, resume from an index (while the
// upstream runs, after it stopped, from before it started), resync when history is gone, slow subscribers,
// and no lost or repeated event when the member the upstream uses is killed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startCluster, type Cluster } from "../../scripts/lib/etcd-harness.mjs";
import { EtcdClient } from "@/lib/etcd";
import { parseKey } from "@/lib/etcd/key-path";
import { currentIndex, directSet, runConcurrent, sleep, stopClusterNow, storeStats, uniquePrefix, waitFor } from "../testing/etcd-direct";
import { writeWhileKilling } from "../testing/write-while-killing";
import { WatchHub } from "./hub";
import type { HubItem } from "./hub-frames";
import type { Subscription } from "./subscription";

type EventItem = Extract<HubItem, { type: "event" }>;
const eventsOf = (items: HubItem[]) => items.filter((i): i is EventItem => i.type === "event");

/** Takes items until `until(items)` holds or the time is up; returns all items taken. */
async function takeUntil(subscription: Subscription, until: (items: HubItem[]) => boolean, timeoutMs = 10_000): Promise<HubItem[]> {
  const items: HubItem[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!until(items) && Date.now() < deadline) {
    const batch = await subscription.take(Math.min(200, Math.max(1, deadline - Date.now())));
    if (batch === null) break;
    items.push(...batch);
  }
  return items;
}

describe("watch hub on one member", () => {
  const url = inject("etcdURL");
  let client: EtcdClient;
  const hubs: WatchHub[] = [];
  const newHub = (options: ConstructorParameters<typeof WatchHub>[0] = {}) => {
    const hub = new WatchHub({ lingerMs: 200, ...options });
    hubs.push(hub);
    return hub;
  };
  beforeAll(() => {
    client = new EtcdClient({ endpoints: [url], discoverMembers: false });
  });
  afterAll(() => {
    for (const hub of hubs) hub.close();
    client.close();
  });

  const watchersNow = async () => (await storeStats(url)).watchers!;
  /** etcd's watcher count once other tests' watchers have settled. */
  async function stableWatchers(): Promise<number> {
    let before = await watchersNow();
    await waitFor(async () => {
      await sleep(150);
      const now = await watchersNow();
      const stable = now === before;
      before = now;
      return stable;
    });
    return before;
  }

  it("50 subscribers of one key share one upstream etcd watch, and each gets each event once", async () => {
    const hub = newHub();
    const p = uniquePrefix();
    const key = parseKey(`${p}/shared`);
    const before = await stableWatchers();
    const subscriptions = Array.from({ length: 50 }, () => hub.subscribe({ cluster: "c", client, key, recursive: false }));
    const readies = await Promise.all(subscriptions.map((s) => takeUntil(s, (items) => items.some((i) => i.type === "ready"))));
    expect(readies.every((items) => items[0]?.type === "ready")).toBe(true);
    expect(hub.stats()).toEqual({ upstreams: 1, subscribers: 50 });
    expect(await waitFor(async () => (await watchersNow()) === before + 1)).toBe(true);
    await sleep(300);
    expect(await watchersNow()).toBe(before + 1);

    await directSet(url, `${p}/shared`, "one");
    await directSet(url, `${p}/shared`, "two");
    const received = await Promise.all(subscriptions.map((s) => takeUntil(s, (items) => eventsOf(items).length >= 2)));
    for (const items of received) {
      expect(eventsOf(items).map((e) => [e.event.action, e.event.node.value])).toEqual([
        ["set", "one"],
        ["set", "two"],
      ]);
    }
    for (const s of subscriptions) s.close();
    // The upstream lingers briefly, then stops, and etcd drops its watcher.
    expect(await waitFor(() => hub.stats().upstreams === 0, 3_000)).toBe(true);
    expect(await waitFor(async () => (await watchersNow()) === before, 3_000)).toBe(true);
  });

  it("a subscriber resuming from an index gets exactly the events after it: upstream running, restarted, or older", async () => {
    const p = uniquePrefix();
    const key = parseKey(p);
    const hub = newHub();
    const first = hub.subscribe({ cluster: "c", client, key, recursive: true });
    await takeUntil(first, (items) => items.some((i) => i.type === "ready"));
    const written: number[] = [];
    for (let i = 0; i < 6; i++) written.push((await directSet(url, `${p}/k${i}`, `v${i}`)).json!.node!.modifiedIndex!);
    const firstItems = await takeUntil(first, (items) => eventsOf(items).length >= 6);
    expect(eventsOf(firstItems).map((e) => e.index)).toEqual(written);

    // Resume after the third event while the upstream runs: served from the events it keeps.
    const resumed = hub.subscribe({ cluster: "c", client, key, recursive: true, fromIndex: written[2]! + 1 });
    const resumedItems = await takeUntil(resumed, (items) => eventsOf(items).length >= 3);
    expect(resumedItems[0]).toMatchObject({ type: "ready", etcdIndex: written[2] });
    expect(eventsOf(resumedItems).map((e) => e.index)).toEqual(written.slice(3));
    expect(hub.stats().upstreams).toBe(1);

    // A new hub (a restarted dashboard) resumes from etcd's history.
    const restarted = newHub().subscribe({ cluster: "c", client, key, recursive: true, fromIndex: written[1]! + 1 });
    const restartedItems = await takeUntil(restarted, (items) => eventsOf(items).length >= 4);
    expect(eventsOf(restartedItems).map((e) => e.index)).toEqual(written.slice(2));

    // Older than what the running upstream has seen: a private catch-up, then the shared flow.
    const hub2 = newHub();
    const live = hub2.subscribe({ cluster: "c", client, key, recursive: true });
    await takeUntil(live, (items) => items.some((i) => i.type === "ready"));
    const older = hub2.subscribe({ cluster: "c", client, key, recursive: true, fromIndex: written[0]! });
    const later = (await directSet(url, `${p}/later`, "x")).json!.node!.modifiedIndex!;
    const olderItems = await takeUntil(older, (items) => eventsOf(items).some((e) => e.index === later));
    expect(eventsOf(olderItems).map((e) => e.index)).toEqual([...written, later]);
    expect(hub2.stats()).toEqual({ upstreams: 1, subscribers: 2 });
    for (const s of [first, resumed, restarted, live, older]) s.close();
  });

  it("keeps a bounded size of recent events: a resume point before them is caught up from etcd, once each", async () => {
    const p = uniquePrefix();
    const key = parseKey(p);
    const hub = newHub({ recentBytes: 2_000 }); // about three of these events
    const live = hub.subscribe({ cluster: "c", client, key, recursive: true });
    await takeUntil(live, (items) => items.some((i) => i.type === "ready"));
    const written: number[] = [];
    for (let i = 0; i < 8; i++) written.push((await directSet(url, `${p}/k${i}`, "x".repeat(500))).json!.node!.modifiedIndex!);
    await takeUntil(live, (items) => eventsOf(items).length >= 8);
    const resumed = hub.subscribe({ cluster: "c", client, key, recursive: true, fromIndex: written[1]! });
    const resumedItems = await takeUntil(resumed, (items) => eventsOf(items).length >= 7);
    expect(eventsOf(resumedItems).map((e) => e.index)).toEqual(written.slice(1));
    expect(hub.stats().upstreams).toBe(1);
    live.close();
    resumed.close();
  });

  it("resyncs a subscriber whose resume point etcd's history no longer holds, then goes on", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/k`);
    const start = (await directSet(url, `${p}/k`, "first")).json!.node!.modifiedIndex!;
    // More than etcd's 1000-event history, on another key.
    await runConcurrent(1_100, 16, (i) => directSet(url, `${p}/noise/${i % 50}`, String(i)));
    const hub = newHub();
    const subscription = hub.subscribe({ cluster: "c", client, key, recursive: false, fromIndex: start });
    const items = await takeUntil(subscription, (all) => all.some((i) => i.type === "resync"));
    const resync = items.find((i) => i.type === "resync");
    expect(resync).toMatchObject({ type: "resync", reason: "history-cleared" });
    expect((resync as { etcdIndex: number }).etcdIndex).toBeGreaterThan(start + 1_000);
    const after = (await directSet(url, `${p}/k`, "after")).json!.node!.modifiedIndex!;
    const more = await takeUntil(subscription, (all) => eventsOf(all).some((e) => e.index === after));
    expect(eventsOf(more).map((e) => e.event.node.value)).toEqual(["after"]);
    subscription.close();
  });

  it("cuts a subscriber that does not keep up back to one resync instead of queueing without bound", async () => {
    const p = uniquePrefix();
    const key = parseKey(p);
    const hub = newHub({ maxQueue: 5 });
    const slow = hub.subscribe({ cluster: "c", client, key, recursive: true });
    const fast = hub.subscribe({ cluster: "c", client, key, recursive: true });
    await takeUntil(slow, (items) => items.some((i) => i.type === "ready"));
    await takeUntil(fast, (items) => items.some((i) => i.type === "ready"));
    // The fast one reads as events come; the slow one reads nothing while 12 events arrive.
    const fastItems = takeUntil(fast, (items) => eventsOf(items).length >= 12);
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await directSet(url, `${p}/k${i}`, String(i))).json!.node!.modifiedIndex!;
    expect(eventsOf(await fastItems)).toHaveLength(12);
    const slowItems = (await slow.take(200))!;
    expect(slowItems.length).toBeLessThanOrEqual(5);
    expect(slowItems[0]).toMatchObject({ type: "resync", reason: "too-slow" });
    expect(Math.max(...slowItems.map((i) => ("index" in i ? i.index : "etcdIndex" in i ? i.etcdIndex : 0)))).toBe(last);
    const next = (await directSet(url, `${p}/next`, "n")).json!.node!.modifiedIndex!;
    const after = await takeUntil(slow, (items) => eventsOf(items).some((e) => e.index === next));
    expect(eventsOf(after).map((e) => e.index)).toEqual([next]);
    slow.close();
    fast.close();
  });
});

describe("watch hub on a 3-member cluster", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ size: 3 });
  });
  afterAll(async () => {
    if (cluster) await stopClusterNow(cluster);
  });

  it("delivers every acknowledged write once, in order, when the member the upstream uses is killed", async () => {
    const leader = await cluster.leader();
    if (!leader) throw new Error("no leader");
    const [watched, other] = cluster.members.filter((m) => m !== leader);
    const client = new EtcdClient({ endpoints: [watched!.clientURL, other!.clientURL, leader.clientURL], discoverMembers: false });
    const writer = new EtcdClient({ endpoints: [leader.clientURL], discoverMembers: false });
    const hub = new WatchHub();
    try {
      const p = uniquePrefix();
      const subscriptions = Array.from({ length: 3 }, () => hub.subscribe({ cluster: "c", client, key: parseKey(p), recursive: true }));
      for (const s of subscriptions) await takeUntil(s, (items) => items.some((i) => i.type === "ready"));
      const acked = await writeWhileKilling(writer, p, watched!);
      const lastAcked = Math.max(...acked.keys());
      expect(acked.size).toBe(50);
      for (const s of subscriptions) {
        const items = await takeUntil(s, (all) => eventsOf(all).some((e) => e.index >= lastAcked), 30_000);
        const indexes = eventsOf(items).map((e) => e.index);
        expect(items.some((i) => i.type === "resync")).toBe(false);
        expect(new Set(indexes).size).toBe(indexes.length);
        expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
        for (const [index, key] of acked) expect(eventsOf(items).find((e) => e.index === index)?.event.node.key, `event ${index}`).toBe(key);
      }
      const killed = client.transport.pool.snapshot().find((s) => s.url === watched!.clientURL);
      expect(killed?.lastError).toMatch(/closed mid-response|ECONNRESET|ECONNREFUSED/);
      expect(await currentIndex(leader.clientURL)).toBeGreaterThanOrEqual(lastAcked);
    } finally {
      hub.close();
      client.close();
      writer.close();
    }
  });
});
