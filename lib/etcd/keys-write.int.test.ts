// Setting, creating, updating and compare-and-swapping keys, and the guards against etcd's surprises on
// writes, against the real etcd started by the global setup; every result is checked against etcd itself.
import { describe, expect, it } from "vitest";
import { etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";
import { keysTestClient, witness } from "../testing/keys-fixture";
import { decodeKeysResponse } from "./decode";
import { parseKey } from "./key-path";

const client = keysTestClient();

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
