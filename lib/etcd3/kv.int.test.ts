// The v3 client's key operations against the real etcd of the global setup, checked with etcdctl.
import { afterAll, describe, expect, inject, it } from "vitest";
import { etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";
import { witness3 } from "../testing/etcdctl3";
import { Etcd3Client } from "./client";

const url = inject("etcdURL");
const client = new Etcd3Client({ endpoints: [url] });
afterAll(() => client.close());

describe("range, put, delete", () => {
  it("puts and reads a key, with zero values filled and revisions as strings", async () => {
    const p = uniquePrefix();
    const put = await client.put({ key: `${p}/a`, value: "one" });
    expect(put.revision).toMatch(/^\d+$/);
    const got = await client.range({ key: `${p}/a` });
    expect(got.kvs).toHaveLength(1);
    expect(got.kvs[0]).toMatchObject({ createRevision: put.revision, modRevision: put.revision, version: "1", lease: "0" });
    expect(got.kvs[0]!.value.toString()).toBe("one");
    expect(got.more).toBe(false);
    expect(got.count).toBe("1");
    const w = await witness3(url, `${p}/a`);
    expect(w?.value.toString()).toBe("one");
    expect(String(w?.mod_revision)).toBe(put.revision);
  });

  it("a missing key is no error; an empty value comes back as an empty Buffer", async () => {
    const p = uniquePrefix();
    expect(await client.get(`${p}/none`)).toBeUndefined();
    await client.put({ key: `${p}/empty`, value: "" });
    expect((await client.get(`${p}/empty`))!.value).toEqual(Buffer.alloc(0));
  });

  it("keeps binary keys and values byte for byte", async () => {
    const p = uniquePrefix();
    const key = Buffer.concat([Buffer.from(`${p}/`), Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x2f])]);
    const value = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await client.put({ key, value });
    const listed = await client.range({ key: `${p}/`, prefix: true });
    expect(listed.kvs.map((kv) => kv.key)).toEqual([key]);
    expect(listed.kvs[0]!.value).toEqual(value);
  });

  it("lists a prefix in key order with a limit, and deletes it with prev_kvs", async () => {
    const p = uniquePrefix();
    for (const k of ["c", "a", "b"]) await client.put({ key: `${p}/${k}`, value: k });
    const page = await client.range({ key: `${p}/`, prefix: true, limit: 2, keysOnly: true });
    expect(page.kvs.map((kv) => kv.key.toString())).toEqual([`${p}/a`, `${p}/b`]);
    expect(page.kvs[0]!.value).toEqual(Buffer.alloc(0));
    expect(page.more).toBe(true);
    expect(page.count).toBe("3");
    const counted = await client.range({ key: `${p}/`, prefix: true, countOnly: true });
    expect(counted).toMatchObject({ count: "3", kvs: [] });
    const deleted = await client.deleteRange({ key: `${p}/`, prefix: true, prevKv: true });
    expect(deleted.deleted).toBe("3");
    expect(deleted.prevKvs.map((kv) => kv.value.toString()).sort()).toEqual(["a", "b", "c"]);
    expect(await witness3(url, `${p}/a`)).toBeUndefined();
  });

  it("reads at a past revision", async () => {
    const p = uniquePrefix();
    const first = await client.put({ key: `${p}/k`, value: "v1" });
    await client.put({ key: `${p}/k`, value: "v2" });
    const old = await client.range({ key: `${p}/k`, revision: first.revision });
    expect(old.kvs[0]!.value.toString()).toBe("v1");
  });

  it("reads a range larger than grpc-js's default 4 MiB limit", async () => {
    const p = uniquePrefix();
    const value = Buffer.alloc(1024 * 1024, 0x61); // 5 keys of 1 MiB (each put below etcd's 1.5 MiB limit)
    for (let i = 0; i < 5; i += 1) await client.put({ key: `${p}/big${i}`, value });
    const all = await client.range({ key: `${p}/`, prefix: true });
    expect(all.kvs).toHaveLength(5);
    expect(all.kvs.every((kv) => kv.value.equals(value))).toBe(true);
    await client.deleteRange({ key: `${p}/`, prefix: true });
  });
});

describe("transactions", () => {
  it("compare-and-swap succeeds on the loaded mod revision, and a conflict returns the current value", async () => {
    const p = uniquePrefix();
    const loaded = await client.put({ key: `${p}/k`, value: "one" });
    const ok = await client.compareAndPut({ key: `${p}/k`, value: "two" }, loaded.revision);
    expect(ok.succeeded).toBe(true);
    const stale = await client.compareAndPut({ key: `${p}/k`, value: "three" }, loaded.revision);
    expect(stale.succeeded).toBe(false);
    if (stale.succeeded) return;
    expect(stale.current?.value.toString()).toBe("two");
    expect(stale.current?.modRevision).toBe(ok.revision);
    expect((await witness3(url, `${p}/k`))?.value.toString()).toBe("two");
  });

  it("creates only if absent", async () => {
    const p = uniquePrefix();
    expect((await client.createIfAbsent({ key: `${p}/k`, value: "first" })).succeeded).toBe(true);
    const second = await client.createIfAbsent({ key: `${p}/k`, value: "second" });
    expect(second).toMatchObject({ succeeded: false });
    expect(!second.succeeded && second.current?.value.toString()).toBe("first");
    expect((await witness3(url, `${p}/k`))?.value.toString()).toBe("first");
  });

  it("compare-and-delete refuses a changed key and deletes an unchanged one", async () => {
    const p = uniquePrefix();
    const v1 = await client.put({ key: `${p}/k`, value: "1" });
    const v2 = await client.put({ key: `${p}/k`, value: "2" });
    expect((await client.compareAndDelete(`${p}/k`, v1.revision)).succeeded).toBe(false);
    expect((await client.compareAndDelete(`${p}/k`, v2.revision)).succeeded).toBe(true);
    expect(await witness3(url, `${p}/k`)).toBeUndefined();
  });

  it("runs ops in order in one revision and returns each op's result", async () => {
    const p = uniquePrefix();
    const res = await client.txn({ success: [{ put: { key: `${p}/a`, value: "x" } }, { put: { key: `${p}/b`, value: "y" } }, { range: { key: `${p}/`, prefix: true } }] });
    expect(res.succeeded).toBe(true);
    const last = res.responses[2]!;
    expect("range" in last && last.range.kvs.map((kv) => kv.modRevision)).toEqual([res.revision, res.revision]);
  });
});

describe("errors keep the gRPC code and etcd's message", () => {
  it("an empty key is invalid-request", async () => {
    const error = await etcdErrorOf(client.range({ key: "" }));
    expect(error).toMatchObject({ kind: "invalid-request", grpcCode: 3, etcdCause: "etcdserver: key is not provided" });
  });

  it("a future revision and a compacted one", async () => {
    const p = uniquePrefix();
    const put = await client.put({ key: `${p}/k`, value: "1" });
    expect(await etcdErrorOf(client.range({ key: `${p}/k`, revision: String(BigInt(put.revision) + 1000n) }))).toMatchObject({ kind: "future-revision", grpcCode: 11 });
    const later = await client.put({ key: `${p}/k`, value: "2" });
    await client.compact(later.revision);
    expect(await etcdErrorOf(client.range({ key: `${p}/k`, revision: put.revision }))).toMatchObject({ kind: "compacted", grpcCode: 11 });
  });

  it("too many ops and a duplicate key in a txn", async () => {
    const p = uniquePrefix();
    const ops = Array.from({ length: 129 }, (_, i) => ({ put: { key: `${p}/${i}`, value: "v" } }));
    expect(await etcdErrorOf(client.txn({ success: ops }))).toMatchObject({ kind: "invalid-request", grpcCode: 3 });
    const dup = await etcdErrorOf(client.txn({ success: [{ put: { key: `${p}/d`, value: "1" } }, { put: { key: `${p}/d`, value: "2" } }] }));
    expect(dup.etcdCause).toMatch(/duplicate key/);
  });

  it("a request too large, in both of etcd's ways", async () => {
    const p = uniquePrefix();
    expect(await etcdErrorOf(client.put({ key: `${p}/k`, value: Buffer.alloc(1_600_000) }))).toMatchObject({ kind: "request-too-large", grpcCode: 3 });
    expect(await etcdErrorOf(client.put({ key: `${p}/k`, value: Buffer.alloc(2_200_000) }))).toMatchObject({ kind: "request-too-large", grpcCode: 8 });
  });
});
