// Integration tests of the key operations against the real etcd started by the global setup.
// Every result is checked against etcd itself through a direct fetch (lib/testing/etcd-direct.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EtcdClient } from "./client";
import { decodeKeysResponse } from "./decode";
import { ROOT_KEY, keyFromSegments, parseKey } from "./key-path";
import { MAX_FORM_BODY_BYTES } from "./keys";
import {
  directGet,
  directGetKey,
  encodeKey,
  etcdErrorOf,
  sleep,
  uniquePrefix,
  within,
} from "../testing/etcd-direct";

const url = inject("etcdURL");
let client: EtcdClient;

beforeAll(() => {
  client = new EtcdClient({ endpoints: [url], discoverMembers: false });
});
afterAll(() => client.close());

/** The node etcd holds for `key` (read directly), or undefined when etcd says 404. */
async function witness(key: string, query: Record<string, string> = {}) {
  const res = await directGetKey(url, key, query);
  if (res.status === 404) return undefined;
  expect(res.status).toBe(200);
  return res.json.node as {
    key?: string;
    value?: string;
    dir?: boolean;
    ttl?: number;
    expiration?: string;
    nodes?: { key: string; value?: string; dir?: boolean; nodes?: unknown[] }[];
    modifiedIndex: number;
    createdIndex: number;
  };
}

describe("get", () => {
  it("reads a key, a directory one level deep, and a whole subtree recursively in sorted order", async () => {
    const p = uniquePrefix();
    // Written out of order: etcd's unsorted listings come from a Go map, sorted=true orders by key.
    for (const [k, v] of [
      ["c", "3"],
      ["a", "1"],
      ["sub/y", "y"],
      ["b", "2"],
      ["sub/x", "x"],
      ["10", "ten"],
    ]) {
      await client.keys.set(parseKey(`${p}/${k}`), v!);
    }

    const one = await client.keys.get(parseKey(`${p}/a`));
    expect(one.action).toBe("get");
    expect(one.node).toMatchObject({ key: `${p}/a`, value: "1" });
    expect(one.etcdIndex).toBeGreaterThanOrEqual(one.node!.modifiedIndex!);

    const flat = await client.keys.get(parseKey(p), { sorted: true });
    expect(flat.node?.dir).toBe(true);
    expect(flat.node?.nodes?.map((n) => n.key)).toEqual(["10", "a", "b", "c", "sub"].map((k) => `${p}/${k}`));
    const sub = flat.node?.nodes?.find((n) => n.key === `${p}/sub`);
    expect(sub?.dir).toBe(true);
    expect(sub?.nodes).toBeUndefined(); // one level only

    const deep = await client.keys.get(parseKey(p), { recursive: true, sorted: true });
    const subDeep = deep.node?.nodes?.find((n) => n.key === `${p}/sub`);
    expect(subDeep?.nodes?.map((n) => [n.key, n.value])).toEqual([
      [`${p}/sub/x`, "x"],
      [`${p}/sub/y`, "y"],
    ]);

    // The same listing straight from etcd.
    const direct = await witness(p, { recursive: "true", sorted: "true" });
    expect(direct?.nodes?.map((n) => n.key)).toEqual(deep.node?.nodes?.map((n) => n.key));
  });

  it("reads through raft with quorum=true", async () => {
    const p = uniquePrefix();
    const written = await client.keys.set(parseKey(`${p}/q`), "quorum value");
    const read = await client.keys.get(parseKey(`${p}/q`), { quorum: true });
    expect(read.node).toMatchObject({ value: "quorum value", modifiedIndex: written.node!.modifiedIndex });
  });

  it("reports a missing key as key-not-found with etcd's code, cause and index", async () => {
    const p = uniquePrefix();
    await client.keys.set(parseKey(`${p}/exists`), "x");
    const err = await etcdErrorOf(client.keys.get(parseKey(`${p}/missing`)));
    expect(err).toMatchObject({ kind: "key-not-found", etcdCode: 100, etcdCause: `${p}/missing`, status: 404 });
    expect(err.index).toBeGreaterThan(0);
  });
});

describe("set, create, update", () => {
  it("sets a key without and with a TTL", async () => {
    const p = uniquePrefix();
    const plain = await client.keys.set(parseKey(`${p}/plain`), "v1");
    expect(plain.action).toBe("set");
    expect(plain.etcdIndex).toBe(plain.node!.modifiedIndex);
    const w1 = await witness(`${p}/plain`);
    expect(w1).toMatchObject({ value: "v1", modifiedIndex: plain.node!.modifiedIndex });
    expect(w1?.ttl).toBeUndefined();
    expect(w1?.expiration).toBeUndefined();

    const withTtl = await client.keys.set(parseKey(`${p}/ttl`), "v2", { ttl: 100 });
    expect(withTtl.node?.ttl).toBe(100);
    const w2 = await witness(`${p}/ttl`);
    expect(w2?.value).toBe("v2");
    expect(w2?.ttl).toBeGreaterThan(90);
    expect(w2?.ttl).toBeLessThanOrEqual(100);
    expect(Date.parse(w2!.expiration!)).toBeGreaterThan(Date.now() + 80_000);
  });

  it("creates only a missing key: an existing one gives key-exists (412/105) and keeps its value", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/c`);
    const created = await client.keys.create(key, "first");
    expect(created.action).toBe("create");
    expect(created.prevNode).toBeUndefined();

    const err = await etcdErrorOf(client.keys.create(key, "second"));
    expect(err).toMatchObject({ kind: "key-exists", etcdCode: 105, etcdCause: `${p}/c`, status: 412 });
    expect(await witness(`${p}/c`)).toMatchObject({ value: "first", modifiedIndex: created.node!.modifiedIndex });
  });

  it("updates only an existing key (keeping createdIndex); a missing one gives key-not-found and stays missing", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/u`);
    const first = await client.keys.set(key, "one");
    const updated = await client.keys.update(key, "two");
    expect(updated.action).toBe("update");
    expect(updated.prevNode?.value).toBe("one");
    expect(updated.node?.createdIndex).toBe(first.node!.createdIndex);
    expect(updated.node!.modifiedIndex).toBeGreaterThan(first.node!.modifiedIndex!);
    expect(await witness(`${p}/u`)).toMatchObject({ value: "two", createdIndex: first.node!.createdIndex });

    const err = await etcdErrorOf(client.keys.update(parseKey(`${p}/nope`), "x"));
    expect(err).toMatchObject({ kind: "key-not-found", etcdCode: 100, etcdCause: `${p}/nope`, status: 404 });
    expect(await witness(`${p}/nope`)).toBeUndefined();
  });

  it("creates in-order keys named after their 20-digit index, listed in order with sorted", async () => {
    const p = uniquePrefix();
    const queue = parseKey(`${p}/queue`);
    const made = [];
    for (const job of ["job1", "job2", "job3"]) made.push(await client.keys.createInOrder(queue, job));
    const names = made.map((r) => r.node!.key!.slice(`${p}/queue/`.length));
    for (const [i, name] of names.entries()) {
      expect(name).toMatch(/^\d{20}$/);
      expect(Number(name)).toBe(made[i]!.node!.createdIndex); // the name is the index of the write
      expect(made[i]!.action).toBe("create");
    }
    expect([...names].sort()).toEqual(names);

    const listed = await client.keys.get(queue, { sorted: true });
    expect(listed.node?.nodes?.map((n) => n.value)).toEqual(["job1", "job2", "job3"]);
    const direct = await witness(`${p}/queue`, { sorted: "true" });
    expect(direct?.nodes?.map((n) => n.key)).toEqual(made.map((r) => r.node!.key));
  });

  it("creates an in-order key with a TTL", async () => {
    const p = uniquePrefix();
    const made = await client.keys.createInOrder(parseKey(`${p}/q`), "expiring", { ttl: 50 });
    const w = await witness(made.node!.key!);
    expect(w?.value).toBe("expiring");
    expect(w?.ttl).toBeGreaterThan(40);
  });
});

describe("compare-and-swap", () => {
  it("swaps on prevValue, on prevIndex and on both", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/cas`);
    const v1 = await client.keys.set(key, "one");

    const byValue = await client.keys.compareAndSwap(key, "two", { prevValue: "one" });
    expect(byValue.action).toBe("compareAndSwap");
    expect(byValue.node?.createdIndex).toBe(v1.node!.createdIndex);

    const byIndex = await client.keys.compareAndSwap(key, "three", { prevIndex: byValue.node!.modifiedIndex! });
    expect(byIndex.action).toBe("compareAndSwap");

    const byBoth = await client.keys.compareAndSwap(key, "four", {
      prevValue: "three",
      prevIndex: byIndex.node!.modifiedIndex!,
    });
    expect(byBoth.prevNode?.value).toBe("three");
    expect(await witness(`${p}/cas`)).toMatchObject({ value: "four", modifiedIndex: byBoth.node!.modifiedIndex });
  });

  it("refuses a mismatch with compare-failed (412/101), etcd's cause, and the key unchanged", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/cas`);
    const cur = await client.keys.set(key, "one");
    const idx = cur.node!.modifiedIndex!;

    const badValue = await etcdErrorOf(client.keys.compareAndSwap(key, "x", { prevValue: "two" }));
    expect(badValue).toMatchObject({ kind: "compare-failed", etcdCode: 101, etcdCause: "[two != one]", status: 412 });

    const badIndex = await etcdErrorOf(client.keys.compareAndSwap(key, "x", { prevIndex: idx - 1 }));
    expect(badIndex).toMatchObject({ kind: "compare-failed", etcdCode: 101, etcdCause: `[${idx - 1} != ${idx}]` });

    const badBoth = await etcdErrorOf(client.keys.compareAndSwap(key, "x", { prevValue: "two", prevIndex: idx - 1 }));
    expect(badBoth.etcdCause).toBe(`[two != one] [${idx - 1} != ${idx}]`);

    // One side matching is not enough.
    const halfMatch = await etcdErrorOf(client.keys.compareAndSwap(key, "x", { prevValue: "one", prevIndex: idx - 1 }));
    expect(halfMatch.kind).toBe("compare-failed");

    expect(await witness(`${p}/cas`)).toMatchObject({ value: "one", modifiedIndex: idx });
  });

  it("plays the etcd docs example: set one, create three fails, CAS one -> two", async () => {
    const p = uniquePrefix();
    const foo = parseKey(`${p}/foo`);
    await client.keys.set(foo, "one");
    const exists = await etcdErrorOf(client.keys.create(foo, "three"));
    expect(exists).toMatchObject({ kind: "key-exists", etcdCode: 105 });
    const swapped = await client.keys.compareAndSwap(foo, "two", { prevValue: "one" });
    expect(swapped).toMatchObject({ action: "compareAndSwap", node: { value: "two" }, prevNode: { value: "one" } });
    expect((await witness(`${p}/foo`))?.value).toBe("two");
  });
});

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

describe("delete", () => {
  it("deletes a key", async () => {
    const p = uniquePrefix();
    await client.keys.set(parseKey(`${p}/k`), "v");
    const res = await client.keys.delete(parseKey(`${p}/k`));
    expect(res).toMatchObject({ action: "delete", prevNode: { value: "v" } });
    expect(await witness(`${p}/k`)).toBeUndefined();
    const again = await etcdErrorOf(client.keys.delete(parseKey(`${p}/k`)));
    expect(again).toMatchObject({ kind: "key-not-found", etcdCode: 100 });
  });

  it("compare-and-deletes on prevValue and prevIndex; a mismatch leaves the key in place", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/cad`);
    const set = await client.keys.set(key, "one");
    const idx = set.node!.modifiedIndex!;

    const badValue = await etcdErrorOf(client.keys.delete(key, { prevValue: "other" }));
    expect(badValue).toMatchObject({ kind: "compare-failed", etcdCode: 101, etcdCause: "[other != one]" });
    const badIndex = await etcdErrorOf(client.keys.delete(key, { prevIndex: idx + 1000 }));
    expect(badIndex).toMatchObject({ kind: "compare-failed", etcdCode: 101, etcdCause: `[${idx + 1000} != ${idx}]` });
    expect(await witness(`${p}/cad`)).toMatchObject({ value: "one", modifiedIndex: idx });

    const byValue = await client.keys.delete(key, { prevValue: "one" });
    expect(byValue.action).toBe("compareAndDelete");
    expect(await witness(`${p}/cad`)).toBeUndefined();

    const again = await client.keys.set(key, "two");
    const byIndex = await client.keys.delete(key, { prevIndex: again.node!.modifiedIndex! });
    expect(byIndex.action).toBe("compareAndDelete");
    expect(await witness(`${p}/cad`)).toBeUndefined();
  });

  it("deletes an empty dir with dir:true, refuses a non-empty one, and deletes a subtree recursively", async () => {
    const p = uniquePrefix();
    await client.keys.mkdir(parseKey(`${p}/empty`));
    const emptyGone = await client.keys.delete(parseKey(`${p}/empty`), { dir: true });
    expect(emptyGone.action).toBe("delete");
    expect(await witness(`${p}/empty`)).toBeUndefined();

    await client.keys.set(parseKey(`${p}/full/a/b`), "deep");
    await client.keys.set(parseKey(`${p}/full/c`), "shallow");

    const notFile = await etcdErrorOf(client.keys.delete(parseKey(`${p}/full`)));
    expect(notFile).toMatchObject({ kind: "not-a-file", etcdCode: 102 });
    const notEmpty = await etcdErrorOf(client.keys.delete(parseKey(`${p}/full`), { dir: true }));
    expect(notEmpty).toMatchObject({ kind: "directory-not-empty", etcdCode: 108, etcdCause: `${p}/full` });
    expect((await witness(`${p}/full/a/b`))?.value).toBe("deep");

    const gone = await client.keys.delete(parseKey(`${p}/full`), { recursive: true });
    expect(gone.action).toBe("delete");
    expect(await witness(`${p}/full`)).toBeUndefined();
    expect(await witness(`${p}/full/a/b`)).toBeUndefined();
  });

  it("treats the root as read-only, as etcd does", async () => {
    expect((await etcdErrorOf(() => client.keys.put(ROOT_KEY, { value: "x" }))).kind).toBe("root-read-only");
    expect((await etcdErrorOf(() => client.keys.delete(ROOT_KEY, { recursive: true }))).kind).toBe("root-read-only");
    // etcd's own answer maps to the same kind (sent through the transport, bypassing the client's check).
    const res = await client.transport.request({ method: "DELETE", path: "/v2/keys/", query: { recursive: true }, idempotent: false });
    expect(res.status).toBe(400);
    expect(await etcdErrorOf(() => decodeKeysResponse(res))).toMatchObject({ kind: "root-read-only", etcdCode: 107, etcdCause: "/" });
    const root = await client.keys.get(ROOT_KEY);
    expect(root.node?.dir).toBe(true);
    // etcd sends the root without a key; the client names it "/", as every other node is named.
    expect(root.node?.key).toBe("/");
  });
});

describe("encoding: values", () => {
  const values: [string, string][] = [
    ["form metacharacters", "a&b=c+d%20e%zz&value=evil"],
    ["plus and spaces", "a+b c"],
    ["newlines and tabs", "line1\nline2\r\n\tend\n"],
    ["unicode", "日本語 😀 ünïcödé \u2028"],
    ["NUL and control characters", "before\u0000after\u0001\u001f"],
    ["JSON-looking text", '{"errorCode":100,"message":"not really"}'],
    ["HTML", "<script>alert('x')</script>"],
    ["empty string", ""],
  ];

  it.each(values)("stores a value with %s intact", async (_label, value) => {
    const p = uniquePrefix();
    await client.keys.set(parseKey(`${p}/v`), value);
    expect((await witness(`${p}/v`))?.value).toBe(value);
    expect((await client.keys.get(parseKey(`${p}/v`))).node?.value).toBe(value);
  });

  it("stores a 1 MiB value", async () => {
    const p = uniquePrefix();
    const value = "0123456789abcdef".repeat(65_536);
    await client.keys.set(parseKey(`${p}/big`), value);
    const w = await witness(`${p}/big`);
    expect(w?.value?.length).toBe(1_048_576);
    expect(w?.value === value).toBe(true);
  });

  it("stores a value just under the 10 MiB form limit and refuses one over it before sending", async () => {
    const p = uniquePrefix();
    const key = parseKey(`${p}/huge`);
    const formOverhead = "value=".length;
    const largest = "a".repeat(MAX_FORM_BODY_BYTES - formOverhead);
    await client.keys.set(key, largest);
    const stored = await witness(`${p}/huge`);
    expect(stored?.value?.length).toBe(largest.length);

    // One byte more: refused by the client, and etcd's store is unchanged.
    // (An error etcd itself sent would carry etcd's code and HTTP status.)
    const refusedBeforeSending = { kind: "invalid-request", etcdCode: undefined, status: undefined };
    expect(await etcdErrorOf(client.keys.set(key, largest + "a"))).toMatchObject(refusedBeforeSending);
    // Percent-encoding counts: 3.5 M "&" characters are 10.5 MB once encoded.
    expect(await etcdErrorOf(client.keys.set(key, "&".repeat(3_500_000)))).toMatchObject(refusedBeforeSending);
    expect(await etcdErrorOf(client.keys.createInOrder(parseKey(`${p}/q`), largest + "a"))).toMatchObject(refusedBeforeSending);
    const after = await witness(`${p}/huge`);
    expect(after?.modifiedIndex).toBe(stored?.modifiedIndex);
    expect(await witness(`${p}/q`)).toBeUndefined();

    // The client's limit is etcd's: sent directly, the same body is refused with 210.
    const direct = await fetch(`${url}/v2/keys${encodeKey(`${p}/huge`)}`, {
      method: "PUT",
      body: new URLSearchParams({ value: largest + "a" }),
    });
    expect(direct.status).toBe(400);
    expect(await direct.json()).toMatchObject({ errorCode: 210 });
  });
});

describe("encoding: keys", () => {
  // [name, how it must be encoded in the URL]
  const names: [string, string][] = [
    ["a b", "a%20b"],
    ["日本😀", "%E6%97%A5%E6%9C%AC%F0%9F%98%80"],
    ["100%", "100%25"],
    ["what?", "what%3F"],
    ["hash#tag", "hash%23tag"],
    ["a+b", "a%2Bb"],
    ["x&y=z", "x%26y%3Dz"],
    ["<tag>", "%3Ctag%3E"],
    ["%2E%2E", "%252E%252E"],
    ["...", "..."],
    [".dot", ".dot"],
  ];

  it.each(names)("round-trips the key %j", async (name, encoded) => {
    const p = uniquePrefix();
    const key = keyFromSegments([p.slice(1), "dir", name]);
    const set = await client.keys.set(key, `value of ${name}`);
    expect(set.node?.key).toBe(`${p}/dir/${name}`);

    const direct = await directGet(url, `/v2/keys${p}/dir/${encoded}`);
    expect(direct.status).toBe(200);
    expect(direct.json.node).toMatchObject({ key: `${p}/dir/${name}`, value: `value of ${name}` });

    const listing = await directGet(url, `/v2/keys${p}/dir`);
    expect(listing.json.node.nodes.map((n: { key: string }) => n.key)).toEqual([`${p}/dir/${name}`]);
    expect((await client.keys.get(parseKey(`${p}/dir/${name}`))).node?.value).toBe(`value of ${name}`);
    await client.keys.delete(key);
    expect((await directGet(url, `/v2/keys${p}/dir/${encoded}`)).status).toBe(404);
  });

  it("rejects keys with empty, '.' or '..' segments before anything is sent", async () => {
    const p = uniquePrefix();
    const bad = [`${p}//b`, `${p}/./b`, `${p}/../b`, `${p}/b/..`, `${p}/b/`, `${p}/.`];
    for (const input of bad) {
      const err = await etcdErrorOf(() => parseKey(input));
      expect(err.kind, input).toBe("invalid-request");
    }
    for (const segments of [[p.slice(1), "", "b"], [p.slice(1), "."], [p.slice(1), ".."], [p.slice(1), "a/b"]]) {
      const err = await etcdErrorOf(() => keyFromSegments(segments));
      expect(err.kind, JSON.stringify(segments)).toBe("invalid-request");
    }
    expect(await witness(p)).toBeUndefined();
    expect(await witness("/b")).toBeUndefined();
  });

  it("hides _keys from listings but reads them directly", async () => {
    const p = uniquePrefix();
    await client.keys.set(parseKey(`${p}/_hidden`), "secret");
    await client.keys.set(parseKey(`${p}/_hdir/child`), "deep secret");
    await client.keys.set(parseKey(`${p}/visible`), "plain");
    const listing = await client.keys.get(parseKey(p), { recursive: true });
    expect(listing.node?.nodes?.map((n) => n.key)).toEqual([`${p}/visible`]);
    expect((await client.keys.get(parseKey(`${p}/_hidden`))).node?.value).toBe("secret");
    expect((await client.keys.get(parseKey(`${p}/_hdir/child`))).node?.value).toBe("deep secret");
    expect((await witness(`${p}/_hidden`))?.value).toBe("secret");
  });

  it("refuses a request whose URL would exceed 4 KB before sending", async () => {
    const p = uniquePrefix();
    const refusedBeforeSending = { kind: "invalid-request", etcdCode: undefined, status: undefined };
    // A key that long is not a key the client takes (the one key rule, lib/key-path.ts).
    expect(() => keyFromSegments([p.slice(1), "k".repeat(4_000)])).toThrow(/too long/);
    // A key that fits, with a query that does not.
    const nearLimit = keyFromSegments([p.slice(1), "k".repeat(3_780 - p.length)]);
    expect(await etcdErrorOf(client.keys.get(nearLimit, { recursive: true, sorted: true, quorum: true }))).toMatchObject(refusedBeforeSending);
    // A long prevValue goes in the query string too.
    await client.keys.set(parseKey(`${p}/short`), "x");
    const cas = await etcdErrorOf(client.keys.compareAndSwap(parseKey(`${p}/short`), "y", { prevValue: "v".repeat(4_000) }));
    expect(cas).toMatchObject(refusedBeforeSending);
    expect((await witness(`${p}/short`))?.value).toBe("x");
    expect((await witness(p))?.nodes?.map((n) => n.key)).toEqual([`${p}/short`]);
  });

  it("sends a key right under the URL limit, on a fresh connection", async () => {
    const p = uniquePrefix();
    // "/v2/keys" + "/" + p + "/" + name = 3800 bytes, the client's limit (etcd's is 4096 for the whole line).
    const name = "k".repeat(3_800 - "/v2/keys".length - p.length - 1);
    const fresh = new EtcdClient({ endpoints: [url], discoverMembers: false });
    try {
      const set = await fresh.keys.set(keyFromSegments([p.slice(1), name]), "long key");
      expect(set.node?.key).toBe(`${p}/${name}`);
    } finally {
      fresh.close();
    }
    expect((await witness(`${p}/${name}`))?.value).toBe("long key");
  });
});

describe("guards against etcd's surprises", () => {
  it("refuses put dir:true + prevExist:true on a file (etcd would blank it)", async () => {
    const p = uniquePrefix();
    const file = parseKey(`${p}/file`);
    const set = await client.keys.set(file, "precious");
    const err = await etcdErrorOf(client.keys.put(file, { dir: true, prevExist: true, ttl: 100 }));
    expect(err.kind).toBe("not-a-directory");
    expect(await witness(`${p}/file`)).toMatchObject({ value: "precious", modifiedIndex: set.node!.modifiedIndex });
  });

  it("never follows a redirect: an unclean path gets a 301 and nothing is written", async () => {
    const p = uniquePrefix();
    for (const path of [`/v2/keys${p}//b`, `/v2/keys${p}/x/../b`, `/v2/keys${p}/./b`]) {
      const res = await client.transport.request({ method: "PUT", path, form: { value: "x" }, idempotent: true });
      expect(res.status, path).toBe(301);
      expect(String(res.headers.location)).toContain(`${p}/b`);
      const err = await etcdErrorOf(() => decodeKeysResponse(res));
      expect(err.kind).toBe("protocol");
    }
    expect(await witness(`${p}/b`)).toBeUndefined();
    expect(await witness(p)).toBeUndefined();
  });
});
