// TTLs: set, refreshed without a watch event, removed, on directories, dropped by a write without ttl;
// against the real etcd started by the global setup, every result checked against etcd itself.
import { describe, expect, inject, it } from "vitest";
import { encodeKey, etcdErrorOf, sleep, uniquePrefix, within } from "../testing/etcd-direct";
import { keysTestClient, witness } from "../testing/keys-fixture";
import { parseKey } from "./key-path";

const url = inject("etcdURL");
const client = keysTestClient();

describe("TTLs", () => {
  it("refreshes a TTL: value unchanged, modifiedIndex bumped, and no watcher sees an event", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/r`);
    const set = await client.keys.set(key, "keep me", { ttl: 100 });
    const setIndex = set.node!.modifiedIndex!;

    // A live long-poll on the key, registered before the refresh.
    const ac = new AbortController();
    const poll = fetch(`${url}/v2/keys${encodeKey(`${p}/r`)}?wait=true&waitIndex=${setIndex + 1}`, { signal: ac.signal })
      .then((res) => res.json());
    poll.catch(() => {});
    await sleep(100);

    const refreshed = await client.keys.refreshTtl(key, 500);
    expect(refreshed.action).toBe("update");
    expect(refreshed.node?.value).toBe("keep me");
    expect(refreshed.node!.modifiedIndex).toBeGreaterThan(setIndex);
    expect(refreshed.node?.createdIndex).toBe(set.node!.createdIndex);
    const w = await witness(`${p}/r`);
    expect(w).toMatchObject({ value: "keep me", modifiedIndex: refreshed.node!.modifiedIndex });
    expect(w?.ttl).toBeGreaterThan(400);

    // The client's own watch, started after the refresh from the same index, sees no event either.
    const watchAc = new AbortController();
    const items: string[] = [];
    const watching = (async () => {
      for await (const item of client.watch(key, { waitIndex: setIndex + 1, idleTimeoutMs: 200, signal: watchAc.signal })) {
        items.push(item.type === "event" ? `event:${item.index}` : item.type);
        if (item.type === "event") break;
      }
    })();

    expect(await within(poll, 600)).toBe("pending");
    expect(items.filter((i) => i.startsWith("event"))).toEqual([]);

    // A real change is delivered to both: they were listening all along.
    const changed = await client.keys.set(key, "changed");
    const event = await within(poll, 2_000);
    expect(event).toMatchObject({ action: "set", node: { value: "changed", modifiedIndex: changed.node!.modifiedIndex } });
    await within(watching, 2_000);
    watchAc.abort();
    ac.abort();
    expect(items.at(-1)).toBe(`event:${changed.node!.modifiedIndex}`);
    expect(items.slice(0, -1).every((i) => i === "progress")).toBe(true);
  });

  it("removes a TTL and keeps the value", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/k`);
    const set = await client.keys.set(key, "stays", { ttl: 100 });
    const removed = await client.keys.removeTtl(key, { value: "stays", prevIndex: set.node!.modifiedIndex! });
    expect(removed.node?.ttl).toBeUndefined();
    const w = await witness(`${p}/k`);
    expect(w?.value).toBe("stays");
    expect(w?.ttl).toBeUndefined();
    expect(w?.expiration).toBeUndefined();
  });

  it("creates a directory with a TTL, refreshes it and makes it permanent", async () => {
    const p = uniquePrefix();
    const dir = parseKey(`${p}/d`);
    const made = await client.keys.mkdir(dir, { ttl: 100 });
    expect(made.action).toBe("create");
    let w = await witness(`${p}/d`);
    expect(w?.dir).toBe(true);
    expect(w?.ttl).toBeGreaterThan(90);

    await client.keys.refreshTtl(dir, 300);
    w = await witness(`${p}/d`);
    expect(w?.dir).toBe(true);
    expect(w?.ttl).toBeGreaterThan(290);

    await client.keys.removeTtl(dir, { dir: true });
    w = await witness(`${p}/d`);
    expect(w?.dir).toBe(true);
    expect(w?.ttl).toBeUndefined();

    // A second mkdir on the same path is refused.
    const again = await etcdErrorOf(client.keys.mkdir(dir));
    expect(again.kind).toBe("key-exists");
    expect(again.etcdCode).toBe(105);
  });

  it("drops an existing TTL on a write without ttl (etcd behaviour) and keeps it when ttl is re-sent", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/t`);
    await client.keys.set(key, "a", { ttl: 100 });
    await client.keys.set(key, "b", { ttl: 100 });
    expect((await witness(`${p}/t`))?.ttl).toBeGreaterThan(90);

    await client.keys.set(key, "c");
    expect((await witness(`${p}/t`))?.ttl).toBeUndefined();

    await client.keys.set(key, "d", { ttl: 100 });
    await client.keys.update(key, "e");
    expect((await witness(`${p}/t`))?.ttl).toBeUndefined();

    await client.keys.set(key, "f", { ttl: 100 });
    await client.keys.compareAndSwap(key, "g", { prevValue: "f" });
    expect((await witness(`${p}/t`))?.ttl).toBeUndefined();

    await client.keys.set(key, "h", { ttl: 100 });
    await client.keys.compareAndSwap(key, "i", { prevValue: "h" }, { ttl: 100 });
    const w = await witness(`${p}/t`);
    expect(w).toMatchObject({ value: "i" });
    expect(w?.ttl).toBeGreaterThan(90);
  });
});
