// Encoding of values (size limits) and keys (segments, hidden keys, the 4 KB URL limit), against the
// real etcd started by the global setup; every result is checked against etcd itself.
import { describe, expect, inject, it } from "vitest";
import { directGet, encodeKey, etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";
import { keysTestClient, witness } from "../testing/keys-fixture";
import { EtcdClient } from "./client";
import { keyFromSegments, parseKey } from "./key-path";
import { MAX_FORM_BODY_BYTES } from "./keys";

const url = inject("etcdURL");
const client = keysTestClient();

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
