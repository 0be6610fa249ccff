// Integration tests of client.watch (non-stream long polls with the idle-key trick and resync): against
// the shared single-member etcd, then on a 3-member cluster where the watched member is killed.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startCluster, type Cluster } from "../../scripts/lib/etcd-harness.mjs";
import { EtcdClient } from "./client";
import { parseKey, type KeyPath } from "./key-path";
import type { WatchItem, WatchOptions } from "./watch";
import {
  currentIndex,
  directGet,
  directGetKey,
  directSet,
  encodeKey,
  runConcurrent,
  sleep,
  stopClusterNow,
  storeStats,
  uniquePrefix,
  waitFor,
  within,
} from "../testing/etcd-direct";
import { writeWhileKilling } from "../testing/write-while-killing";

type EventItem = Extract<WatchItem, { type: "event" }>;
const events = (items: WatchItem[]) => items.filter((i): i is EventItem => i.type === "event");

/**
 * Consumes a watch in the background until `until(items)` holds or `timeoutMs` passes; `done` resolves
 * with every item seen. The watch is aborted either way.
 */
function collect(
  client: EtcdClient,
  key: KeyPath,
  options: WatchOptions,
  until: (items: WatchItem[]) => boolean,
  timeoutMs = 10_000,
) {
  const ac = new AbortController();
  const items: WatchItem[] = [];
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  const done = (async () => {
    try {
      for await (const item of client.watch(key, { ...options, signal: ac.signal })) {
        items.push(item);
        if (until(items)) break;
      }
    } finally {
      clearTimeout(timer);
      ac.abort();
    }
    return items;
  })();
  return { items, done, stop: () => ac.abort() };
}

describe("watch on one member", () => {
  const url = inject("etcdURL");
  let client: EtcdClient;
  beforeAll(() => {
    client = new EtcdClient({ endpoints: [url], discoverMembers: false });
  });
  afterAll(() => client.close());

  it("delivers set, update and delete of a key with increasing indexes", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/k`);
    const start = await currentIndex(url);
    const watching = collect(client, key, { waitIndex: start + 1 }, (items) => events(items).length >= 3);

    const set = await client.keys.set(key, "one");
    await client.keys.set(parseKey(`${p}/sibling`), "not watched");
    const updated = await client.keys.update(key, "two");
    const deleted = await client.keys.delete(key);

    const items = await watching.done;
    const got = events(items);
    expect(got.map((e) => e.event.action)).toEqual(["set", "update", "delete"]);
    expect(got.map((e) => e.index)).toEqual([set, updated, deleted].map((r) => r.node!.modifiedIndex));
    expect(got[0]?.event.node).toMatchObject({ key: `${p}/k`, value: "one" });
    expect(got[1]?.event).toMatchObject({ node: { value: "two" }, prevNode: { value: "one" } });
    expect(got[2]?.event.prevNode?.value).toBe("two");
    expect(items.filter((i) => i.type !== "event" && i.type !== "progress")).toEqual([]);
  });

  it("sees changes below a directory with a recursive watch", async () => {
    const p = uniquePrefix();
    const dir = parseKey(`${p}/d`);
    const start = await currentIndex(url);
    const watching = collect(client, dir, { recursive: true, waitIndex: start + 1 }, (items) => events(items).length >= 4);

    await client.keys.set(parseKey(`${p}/d/a`), "1");
    await client.keys.set(parseKey(`${p}/outside`), "x");
    await client.keys.set(parseKey(`${p}/d/sub/c`), "2");
    await client.keys.update(parseKey(`${p}/d/a`), "3");
    await client.keys.delete(parseKey(`${p}/d/sub`), { recursive: true });

    const got = events(await watching.done);
    expect(got.map((e) => [e.event.action, e.event.node?.key])).toEqual([
      ["set", `${p}/d/a`],
      ["set", `${p}/d/sub/c`],
      ["update", `${p}/d/a`],
      ["delete", `${p}/d/sub`],
    ]);
    const indexes = got.map((e) => e.index);
    expect([...indexes].sort((a, b) => a - b)).toEqual(indexes);
  });

  it("replays history from a waitIndex in the past", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/k`);
    const writes = [];
    for (const v of ["a", "b", "c"]) writes.push(await client.keys.set(key, v));
    const t0 = Date.now();
    const got = events(
      await collect(client, key, { waitIndex: writes[0]!.node!.modifiedIndex }, (items) => events(items).length >= 3).done,
    );
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(got.map((e) => [e.index, e.event.node?.value])).toEqual(writes.map((w) => [w.node!.modifiedIndex, w.node!.value]));
  });

  it("advances a quiet key's watch past other keys' writes (idle-key trick): no resync after 1100 writes", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/quiet`);
    const start = await currentIndex(url);
    const watching = collect(client, key, { waitIndex: start + 1, idleTimeoutMs: 300 }, (items) => events(items).length >= 1, 30_000);

    // 1100 writes to other keys, in batches of 100 so that fewer than 1000 land within one 300 ms poll
    // (the trick cannot help when more than the whole history is written during a single poll).
    const indexes: number[] = [];
    for (let batch = 0; batch < 11; batch++) {
      const res = await runConcurrent(100, 20, (i) => directSet(url, `${p}/churn/${batch}-${i}`, "x"));
      for (const r of res) {
        expect(r.status).toBe(201);
        indexes.push(r.etcdIndex!);
      }
      await sleep(100);
    }
    const firstChurn = Math.min(...indexes);
    const lastChurn = Math.max(...indexes);
    await sleep(700); // at least one poll registered after the churn goes idle
    const write = await client.keys.set(key, "finally");

    const items = await watching.done;
    expect(items.filter((i) => i.type === "resync" || i.type === "retrying")).toEqual([]);
    expect(events(items).map((e) => [e.index, e.event.node?.value])).toEqual([[write.node!.modifiedIndex, "finally"]]);
    const progress = items.flatMap((i) => (i.type === "progress" ? [i.nextIndex] : []));
    expect(progress.some((n) => n > firstChurn && n <= lastChurn)).toBe(true);
    expect(Math.max(...progress)).toBeGreaterThan(lastChurn);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);

    // Without the trick, a watch resuming from where it started would find that history gone.
    const naive = await directGetKey(url, `${p}/quiet`, { wait: "true", waitIndex: String(start + 1) });
    expect(naive.status).toBe(400);
    expect(naive.json).toMatchObject({ errorCode: 401 });
  });

  it("resyncs when the waitIndex is older than etcd's history, then goes on with events", async () => {
    const p = uniquePrefix();
    if ((await currentIndex(url)) < 1_100) {
      await runConcurrent(1_100, 20, (i) => directSet(url, `${p}/fill/${i}`, "x"));
    }
    const before = await currentIndex(url);
    const direct = await directGet(url, `/v2/keys${encodeKey(`${p}/k`)}`, { wait: "true", waitIndex: "1" });
    expect(direct.json).toMatchObject({ errorCode: 401 });

    const key = parseKey(`${p}/k`);
    const ac = new AbortController();
    const it = client.watch(key, { waitIndex: 1, idleTimeoutMs: 300, signal: ac.signal });
    try {
      const first = await within(it.next(), 2_000);
      expect(first).toMatchObject({ value: { type: "resync" } });
      const etcdIndex = (first as IteratorResult<WatchItem>).value.etcdIndex as number;
      expect(etcdIndex).toBeGreaterThanOrEqual(before);
      const write = await client.keys.set(key, "after resync");
      expect(write.node!.modifiedIndex).toBeGreaterThan(etcdIndex);
      const rest: WatchItem[] = [];
      const deadline = Date.now() + 3_000;
      while (Date.now() < deadline && !rest.some((i) => i.type === "event")) {
        const next = await within(it.next(), 1_000);
        if (next !== "pending" && !next.done) rest.push(next.value);
      }
      expect(rest.filter((i) => i.type !== "progress")).toEqual([
        expect.objectContaining({ type: "event", index: write.node!.modifiedIndex }),
      ]);
    } finally {
      ac.abort();
      await it.return();
    }
  });

  it("ends promptly on abort, and etcd drops the watcher", async () => {
    const p = uniquePrefix();
    const watchers = async () => (await storeStats(url)).watchers!;
    // Let watchers of earlier tests finish going away.
    let before = await watchers();
    await waitFor(async () => {
      await sleep(100);
      const now = await watchers();
      const stable = now === before;
      before = now;
      return stable;
    });

    const ac = new AbortController();
    const it = client.watch(parseKey(`${p}/k`), { signal: ac.signal });
    const pending = it.next();
    expect(await waitFor(async () => (await watchers()) === before + 1)).toBe(true);

    const t0 = Date.now();
    ac.abort();
    const result = await within(pending, 1_000);
    expect(result).toEqual({ done: true, value: undefined });
    expect(Date.now() - t0).toBeLessThan(500);
    expect(await waitFor(async () => (await watchers()) === before, 3_000)).toBe(true);
  });
});

describe("watch on a 3-member cluster", () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({ size: 3 });
  });
  afterAll(async () => {
    if (cluster) await stopClusterNow(cluster);
  });

  it("delivers every acknowledged write exactly once, in order, when the watched member is killed", async () => {
    const leader = await cluster.leader();
    if (!leader) throw new Error("no leader");
    const [watched, other] = cluster.members.filter((m) => m !== leader);
    const watcher = new EtcdClient({ endpoints: [watched!.clientURL, other!.clientURL, leader.clientURL], discoverMembers: false });
    const writer = new EtcdClient({ endpoints: [leader.clientURL], discoverMembers: false });
    try {
      const p = uniquePrefix();
      const start = await currentIndex(leader.clientURL);
      const acked = new Map<number, string>(); // index -> key
      let writing = true;
      const watching = collect(
        watcher,
        parseKey(p),
        { recursive: true, waitIndex: start + 1, idleTimeoutMs: 2_000 },
        (items) => !writing && [...acked.keys()].every((i) => events(items).some((e) => e.index === i)),
        30_000,
      );

      for (const [index, key] of await writeWhileKilling(writer, p, watched!)) acked.set(index, key);
      writing = false;
      // Wake the predicate up if the last event came before `writing` turned false.
      await writer.keys.set(parseKey(`${p}/zz-end`), "end");

      const got = events(await watching.done);
      const indexes = got.map((e) => e.index);
      expect(acked.size).toBe(50);
      expect(new Set(indexes).size).toBe(indexes.length); // no duplicates
      expect([...indexes].sort((a, b) => a - b)).toEqual(indexes); // in order
      for (const [index, key] of acked) {
        const event = got.find((e) => e.index === index);
        expect(event?.event.node?.key, `event ${index}`).toBe(key);
      }
      // The watch really was on the killed member and moved on.
      const killed = watcher.transport.pool.snapshot().find((s) => s.url === watched!.clientURL);
      expect(killed?.lastError).toMatch(/closed mid-response|ECONNRESET|ECONNREFUSED/);
    } finally {
      watcher.close();
      writer.close();
    }
  });
});
