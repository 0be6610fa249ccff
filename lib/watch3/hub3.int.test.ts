// The v3 watch hub against real etcd (one member): many watches on the cluster's one gRPC stream, exact
// resume from a position (inside a transaction too, from the recent events or a private catch-up),
// compaction turned into a resync, and fragmented catch-up of large values over the shared stream.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { Etcd3Client } from "@/lib/etcd3";
import { uniquePrefix, waitFor } from "../testing/etcd-direct";
import type { HubItem3 } from "./frames";
import { WatchHub3 } from "./hub3";
import { formatEventId3, type Position3 } from "./protocol";
import type { Subscription3 } from "./upstream3";
import { takeUntil3, valuesOf } from "./testing";

const url = inject("etcdURL");
let client: Etcd3Client;
const hubs: WatchHub3[] = [];
const newHub = (options: ConstructorParameters<typeof WatchHub3>[0] = {}) => {
  const hub = new WatchHub3({ lingerMs: 200, ...options });
  hubs.push(hub);
  return hub;
};
beforeAll(() => {
  client = new Etcd3Client({ endpoints: [url] });
});
afterAll(() => {
  for (const hub of hubs) hub.close();
  client.close();
});

/** etcd's own count of gRPC watch streams and watchers (its /metrics), the witness of sharing. */
async function etcdWatchGauges(): Promise<{ streams: number; watchers: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
  return { streams: gauge("etcd_debugging_mvcc_watch_stream_total"), watchers: gauge("etcd_debugging_mvcc_watcher_total") };
}

const ids = (items: HubItem3[]) => items.filter((i) => "position" in i && i.type !== "progress").map((i) => `${i.type}@${formatEventId3((i as { position: Position3 }).position)}`);
const subscribe = (hub: WatchHub3, key: string, prefix: boolean, after?: Position3): Subscription3 =>
  hub.subscribe({ cluster: "c", client, key: Buffer.from(key), prefix, ...(after ? { after } : {}) });
const ready = (items: HubItem3[]) => items.some((i) => i.type === "ready");

describe("v3 watch hub", () => {
  it("carries many watches on one gRPC stream: 30 subscribers of 10 keys, each event once to each", async () => {
    const hub = newHub();
    const p = uniquePrefix();
    const before = await etcdWatchGauges();
    const subs = Array.from({ length: 30 }, (_, i) => ({ key: `${p}/k${i % 10}`, sub: subscribe(hub, `${p}/k${i % 10}`, false) }));
    for (const { sub } of subs) expect(ready(await takeUntil3(sub, ready))).toBe(true);
    expect(hub.stats()).toMatchObject({ upstreams: 10, subscribers: 30, streamWatches: 10 });
    expect(await waitFor(async () => (await etcdWatchGauges()).watchers === before.watchers + 10)).toBe(true);
    expect((await etcdWatchGauges()).streams).toBe(before.streams + 1);
    for (let round = 0; round < 3; round++) for (let k = 0; k < 10; k++) await client.put({ key: `${p}/k${k}`, value: `${k}-${round}` });
    for (const { key, sub } of subs) {
      const items = await takeUntil3(sub, (got) => valuesOf(got).length >= 3);
      expect(valuesOf(items)).toEqual([0, 1, 2].map((round) => `${key.slice(-1)}-${round}`));
    }
    for (const { sub } of subs) sub.close();
    // The upstreams linger, then leave the stream; the stream closes with its last watch.
    expect(await waitFor(() => hub.stats().streamWatches === 0)).toBe(true);
    expect(await waitFor(async () => (await etcdWatchGauges()).streams === before.streams)).toBe(true);
  });

  it("resumes exactly inside a transaction (R.n) and after it (R), from the recent events and from etcd", async () => {
    for (const recentEvents of [1_000, 1]) {
      const hub = newHub({ recentEvents });
      const p = uniquePrefix();
      const live = subscribe(hub, `${p}/`, true);
      await takeUntil3(live, ready);
      await client.put({ key: `${p}/before`, value: "b" });
      const txn = await client.txn({ success: ["a", "b", "c"].map((name) => ({ put: { key: `${p}/${name}`, value: name } })) });
      const R = Number(txn.revision);
      await client.put({ key: `${p}/after`, value: "z" });
      const seen = await takeUntil3(live, (got) => valuesOf(got).includes("z"));
      expect(ids(seen).slice(-4)).toEqual([`event@${R}.1`, `event@${R}.2`, `event@${R}`, `event@${R + 1}`]);
      // A second subscriber resuming from R.1 gets b, c and what follows; one from R gets only what follows.
      const fromInside = subscribe(hub, `${p}/`, true, { revision: R, seq: 1 });
      expect(valuesOf(await takeUntil3(fromInside, (got) => valuesOf(got).includes("z")))).toEqual(["b", "c", "z"]);
      const fromAfter = subscribe(hub, `${p}/`, true, { revision: R, seq: Infinity });
      expect(valuesOf(await takeUntil3(fromAfter, (got) => valuesOf(got).includes("z")))).toEqual(["z"]);
      await client.put({ key: `${p}/later`, value: "l" });
      for (const sub of [live, fromInside, fromAfter]) {
        expect(valuesOf(await takeUntil3(sub, (got) => valuesOf(got).includes("l")))).toEqual(["l"]);
        sub.close();
      }
    }
  });

  it("a subscriber resuming from a revision still to come gets nothing at or before it", async () => {
    const hub = newHub();
    const p = uniquePrefix();
    const live = subscribe(hub, `${p}/k`, false);
    await takeUntil3(live, ready);
    const now = Number((await client.put({ key: `${p}/k`, value: "1" })).header.revision);
    await takeUntil3(live, (got) => valuesOf(got).includes("1"));
    const ahead = subscribe(hub, `${p}/k`, false, { revision: now + 1, seq: Infinity });
    expect(ids(await takeUntil3(ahead, ready))).toEqual([`ready@${now + 1}`]);
    await client.put({ key: `${p}/k`, value: "2" }); // at now + 1: before what it asked for
    await client.put({ key: `${p}/k`, value: "3" });
    expect(valuesOf(await takeUntil3(ahead, (got) => valuesOf(got).includes("3")))).toEqual(["3"]);
    expect(valuesOf(await takeUntil3(live, (got) => valuesOf(got).includes("3")))).toEqual(["2", "3"]);
    live.close();
    ahead.close();
  });

  it("a subscriber from a revision the upstream never held catches up on a private watch, then goes on live", async () => {
    const hub = newHub();
    const p = uniquePrefix();
    const first = await client.put({ key: `${p}/k`, value: "1" });
    await client.put({ key: `${p}/k`, value: "2" });
    const live = subscribe(hub, `${p}/k`, false);
    await takeUntil3(live, ready);
    await client.put({ key: `${p}/k`, value: "3" });
    const old = subscribe(hub, `${p}/k`, false, { revision: Number(first.header.revision) - 1, seq: Infinity });
    expect(valuesOf(await takeUntil3(old, (got) => valuesOf(got).includes("3")))).toEqual(["1", "2", "3"]);
    await client.put({ key: `${p}/k`, value: "4" });
    expect(valuesOf(await takeUntil3(old, (got) => valuesOf(got).includes("4")))).toEqual(["4"]);
    expect(valuesOf(await takeUntil3(live, (got) => valuesOf(got).includes("4")))).toEqual(["3", "4"]);
    expect(await waitFor(() => hub.stats().streamWatches === 1)).toBe(true); // the private watch is gone
    live.close();
    old.close();
  });

  it("a compacted watch becomes a resync at the current revision, then events flow again", async () => {
    const hub = newHub();
    const p = uniquePrefix();
    const first = await client.put({ key: `${p}/k`, value: "old" });
    const last = await client.put({ key: `${p}/k`, value: "newer" });
    await client.compact(last.header.revision);
    const sub = subscribe(hub, `${p}/k`, false, { revision: Number(first.header.revision) - 1, seq: Infinity });
    const items = await takeUntil3(sub, (got) => got.some((i) => i.type === "resync"));
    const resync = items.find((i) => i.type === "resync") as Extract<HubItem3, { type: "resync" }>;
    expect(resync.reason).toBe("compacted");
    expect(resync.position.revision).toBeGreaterThanOrEqual(Number(last.header.revision));
    expect(valuesOf(items)).toEqual([]);
    await client.put({ key: `${p}/k`, value: "after" });
    expect(valuesOf(await takeUntil3(sub, (got) => valuesOf(got).includes("after")))).toEqual(["after"]);
    sub.close();
  });

  it("a private catch-up from compacted history gives that subscriber a resync, then the live events", async () => {
    const hub = newHub();
    const p = uniquePrefix();
    const first = await client.put({ key: `${p}/k`, value: "gone" });
    const live = subscribe(hub, `${p}/k`, false);
    await takeUntil3(live, ready);
    const kept = await client.put({ key: `${p}/k`, value: "kept" });
    await takeUntil3(live, (got) => valuesOf(got).includes("kept"));
    await client.compact(kept.header.revision);
    const old = subscribe(hub, `${p}/k`, false, { revision: Number(first.header.revision) - 1, seq: Infinity });
    const items = await takeUntil3(old, (got) => valuesOf(got).includes("kept"));
    // Reload at the revision the upstream took over from, then what the upstream holds after it.
    const at = items.findIndex((i) => i.type === "resync");
    expect(items[at]).toMatchObject({ reason: "compacted" });
    expect((items[at] as Extract<HubItem3, { type: "resync" }>).position.revision).toBeLessThan(Number(kept.header.revision));
    expect(valuesOf(items.slice(0, at))).toEqual([]);
    expect(valuesOf(items.slice(at))).toEqual(["kept"]);
    await client.put({ key: `${p}/k`, value: "next" });
    expect(valuesOf(await takeUntil3(old, (got) => valuesOf(got).includes("next")))).toEqual(["next"]);
    expect(valuesOf(await takeUntil3(live, (got) => valuesOf(got).includes("next")))).toEqual(["next"]);
    live.close();
    old.close();
  });

  it("joins fragments: six 1 MB values caught up over the shared stream arrive whole, in order", async () => {
    const hub = newHub();
    const p = uniquePrefix();
    const other = subscribe(hub, `${p}/other`, false);
    await takeUntil3(other, ready);
    const start = Number((await client.range({ key: `${p}/x` })).header.revision);
    const big = (i: number) => String(i).repeat(1_000_000);
    for (let i = 0; i < 6; i++) await client.put({ key: `${p}/big/${i}`, value: big(i) });
    const sub = subscribe(hub, `${p}/big/`, true, { revision: start, seq: Infinity });
    const items = await takeUntil3(sub, (got) => valuesOf(got).length >= 6, 30_000);
    expect(valuesOf(items)).toEqual([0, 1, 2, 3, 4, 5].map(big));
    // The stream survived: the other watch on it still works.
    await client.put({ key: `${p}/other`, value: "still" });
    expect(valuesOf(await takeUntil3(other, (got) => valuesOf(got).includes("still")))).toEqual(["still"]);
    sub.close();
    other.close();
  });

  it("watches the whole keyspace (empty key with prefix): keys with and without a leading \"/\", a NUL first byte and non-UTF-8 bytes", async () => {
    const hub = newHub();
    const tag = uniquePrefix("all").slice(1);
    const keys = [Buffer.from(`/${tag}/a`), Buffer.from(`${tag}/no-slash`), Buffer.concat([Buffer.of(0), Buffer.from(tag)]), Buffer.concat([Buffer.from(tag), Buffer.of(0xff, 0xfe)])];
    const sub = hub.subscribe({ cluster: "c", client, key: new Uint8Array(0), prefix: true });
    expect(ready(await takeUntil3(sub, ready))).toBe(true);
    for (const [i, key] of keys.entries()) await client.put({ key, value: `v${i}` });
    await client.deleteRange({ key: keys[1]! });
    // Other tests write to the same etcd: only this test's keys are looked at.
    const ours = (items: HubItem3[]) =>
      items.flatMap((item) => (item.type === "event" && Buffer.from(item.event.key, "base64").includes(tag) ? [`${item.event.type} ${Buffer.from(item.event.key, "base64").toString("hex")}`] : []));
    const items = await takeUntil3(sub, (got) => ours(got).length >= 5);
    expect(ours(items)).toEqual([...keys.map((key) => `put ${key.toString("hex")}`), `delete ${keys[1]!.toString("hex")}`]);
    sub.close();
  });

  it("refuses an empty key without prefix (etcd has no empty key)", () => {
    expect(() => newHub().subscribe({ cluster: "c", client, key: new Uint8Array(0), prefix: false })).toThrow(RangeError);
  });
});
