// The v3 keys and leases operations behind the routes, against the real etcd of the global setup, with etcdctl as
// the witness of what etcd holds.
import { afterAll, describe, expect, inject, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { Etcd3Client } from "@/lib/etcd3";
import { uniquePrefix } from "@/lib/testing/etcd-direct";
import { etcdctl, witness3 } from "@/lib/testing/etcdctl3";
import { deleteKey3, putKey3, readKey3 } from "./key-ops";
import { readLease3, refreshLease3, revokeLease3 } from "./leases";
import { listDir3 } from "./list-dir";

const url = inject("etcdURL");
const client = new Etcd3Client({ endpoints: [url] });
afterAll(() => client.close());

const bytes = (text: string) => Buffer.from(text);

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("listDir3: one level through the v3 client", () => {
  it("lists leaves with revisions and directories in the tree's order, at one revision, names as display forms", async () => {
    const p = uniquePrefix();
    const binary = Buffer.concat([bytes(`${p}/`), Buffer.from([0xff, 0x00])]);
    await client.put({ key: `${p}/b`, value: "1" });
    await client.put({ key: `${p}/a/x`, value: "2" });
    await client.put({ key: `${p}/a!`, value: "3" });
    await client.put({ key: `${p}/b/deep/er`, value: "4" });
    await client.put({ key: binary, value: "5" });
    const listing = await listDir3(client, bytes(`${p}/`));
    expect(listing.children.map((c) => [c.kind, c.name])).toEqual([
      ["leaf", "a!"],
      ["dir", "a/"],
      ["leaf", "b"],
      ["dir", "b/"],
      ["leaf", "\\xff\\x00"],
    ]);
    const b = listing.children.find((c) => c.kind === "leaf" && c.name === "b")!;
    expect(b).toMatchObject({ key: `${p}/b`, version: "1", lease: "0" });
    const witnessed = await witness3(url, `${p}/b`);
    expect(b.kind === "leaf" && b.modRevision).toBe(String(witnessed!.mod_revision));
    expect(listing.children.find((c) => c.kind === "dir" && c.name === "a/")).toMatchObject({ key: `${p}/a/` });
    expect(listing.truncated).toBe(false);
    // A write after the listing's revision is not seen when reading at that revision.
    await client.put({ key: `${p}/c`, value: "later" });
    const again = await listDir3(client, bytes(`${p}/`), { revision: listing.revision });
    expect(again.children.map((c) => c.name)).toEqual(listing.children.map((c) => c.name));
  });

  it("cuts a long listing with a resume key that goes on at the same revision", async () => {
    const p = uniquePrefix();
    for (const k of ["a", "b", "c", "d"]) await client.put({ key: `${p}/${k}`, value: k });
    const first = await listDir3(client, bytes(`${p}/`), { maxChildren: 3 });
    expect(first.children.map((c) => c.name)).toEqual(["a", "b", "c"]);
    expect(first).toMatchObject({ truncated: true, resumeKey: `${p}/d` });
    const rest = await listDir3(client, bytes(`${p}/`), { revision: first.revision, from: bytes(first.resumeKey!) });
    expect(rest.children.map((c) => c.name)).toEqual(["d"]);
  });
});

describe("readKey3", () => {
  it("gives the value as base64 and text, revisions, and no lease", async () => {
    const p = uniquePrefix();
    const put = await client.put({ key: `${p}/k`, value: "héllo" });
    expect(await readKey3(client, bytes(`${p}/k`))).toMatchObject({
      keyspace: "v3",
      key: `${p}/k`,
      value: { base64: bytes("héllo").toString("base64"), text: "héllo" },
      createRevision: put.revision,
      modRevision: put.revision,
      version: "1",
      lease: null,
    });
  });

  it("gives the lease's granted TTL and time left", async () => {
    const p = uniquePrefix();
    const lease = await client.leaseGrant(60);
    await client.put({ key: `${p}/k`, value: "v", lease: lease.id });
    const read = await readKey3(client, bytes(`${p}/k`));
    expect(read.lease).toMatchObject({ id: lease.id, grantedTtl: 60 });
    expect(read.lease!.ttl).toBeGreaterThan(50);
    await client.leaseRevoke(lease.id);
  });

  it("refuses a missing key with key_not_found", async () => {
    expect((await refusal(readKey3(client, bytes(`${uniquePrefix()}/none`)))).code).toBe("key_not_found");
  });
});

describe("putKey3", () => {
  it("creates only if absent; on an existing key refuses with key_exists and the current value", async () => {
    const p = uniquePrefix();
    const key = bytes(`${p}/k`);
    const created = await putKey3(client, key, { text: "one", create: true });
    expect(created).toMatchObject({ keyspace: "v3", key: `${p}/k`, lease: "0" });
    const error = await refusal(putKey3(client, key, { text: "two", create: true }));
    expect(error.code).toBe("key_exists");
    expect(error.body.current).toMatchObject({ value: { text: "one" }, modRevision: created.revision });
    expect((await witness3(url, key))!.value.toString()).toBe("one");
  });

  it("saves with compare-and-swap on the mod revision; a stale one is compare_failed with the current key", async () => {
    const p = uniquePrefix();
    const key = bytes(`${p}/k`);
    const first = await client.put({ key, value: "one" });
    const saved = await putKey3(client, key, { text: "two", modRevision: first.revision });
    expect((await witness3(url, key))!.value.toString()).toBe("two");
    const error = await refusal(putKey3(client, key, { text: "three", modRevision: first.revision }));
    expect(error.code).toBe("compare_failed");
    expect(error.body.current).toMatchObject({ key: `${p}/k`, value: { text: "two" }, modRevision: saved.revision, version: "2" });
    expect((await witness3(url, key))!.value.toString()).toBe("two");
  });

  it("a save of a key deleted meanwhile is compare_failed with current null", async () => {
    const p = uniquePrefix();
    const first = await client.put({ key: `${p}/k`, value: "one" });
    await client.deleteRange({ key: `${p}/k` });
    const error = await refusal(putKey3(client, bytes(`${p}/k`), { text: "two", modRevision: first.revision }));
    expect(error.code).toBe("compare_failed");
    expect(error.body.current).toBeNull();
    expect(await witness3(url, `${p}/k`)).toBeUndefined();
  });

  it("stores base64 values byte for byte", async () => {
    const p = uniquePrefix();
    const value = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await putKey3(client, bytes(`${p}/bin`), { base64: value.toString("base64"), create: true });
    expect((await witness3(url, `${p}/bin`))!.value).toEqual(value);
    expect((await readKey3(client, bytes(`${p}/bin`))).value).toEqual({ base64: value.toString("base64") });
  });

  it("ttl grants a lease and attaches the key; a save without ttl keeps it; ttl null detaches it", async () => {
    const p = uniquePrefix();
    const key = bytes(`${p}/k`);
    const created = await putKey3(client, key, { text: "one", create: true, ttl: 120 });
    expect(created.lease).toMatch(/^[1-9]\d*$/);
    const witnessed = await etcdctl(url, ["lease", "timetolive", BigInt(created.lease!).toString(16), "--keys"]);
    expect(witnessed).toContain(`${p}/k`);
    const kept = await putKey3(client, key, { text: "two", modRevision: created.revision });
    expect(kept.lease).toBeUndefined();
    expect((await client.get(key))!.lease).toBe(created.lease);
    const detached = await putKey3(client, key, { text: "three", modRevision: kept.revision, ttl: null });
    expect(detached.lease).toBe("0");
    expect((await client.get(key))!.lease).toBe("0");
    await client.leaseRevoke(created.lease!);
    expect((await witness3(url, key))!.value.toString()).toBe("three");
  });

  it("a refused write with a ttl revokes the lease it granted", async () => {
    const p = uniquePrefix();
    await client.put({ key: `${p}/k`, value: "one" });
    const before = new Set(await client.leases());
    await refusal(putKey3(client, bytes(`${p}/k`), { text: "two", create: true, ttl: 300 }));
    const after = (await client.leases()).filter((id) => !before.has(id));
    expect(after).toEqual([]);
  });
});

describe("deleteKey3", () => {
  it("deletes on the mod revision loaded; a stale one is compare_failed with the current key", async () => {
    const p = uniquePrefix();
    const key = bytes(`${p}/k`);
    const first = await client.put({ key, value: "one" });
    const second = await client.put({ key, value: "two" });
    const error = await refusal(deleteKey3(client, key, first.revision));
    expect(error.code).toBe("compare_failed");
    expect(error.body.current).toMatchObject({ modRevision: second.revision, value: { text: "two" } });
    expect(await witness3(url, key)).toBeDefined();
    const deleted = await deleteKey3(client, key, second.revision);
    expect(deleted.revision).toMatch(/^\d+$/);
    expect(await witness3(url, key)).toBeUndefined();
  });
});

describe("leases", () => {
  it("lists every key attached, refreshes once, revokes (deleting the keys), then is lease_not_found", async () => {
    const p = uniquePrefix();
    const lease = await client.leaseGrant(30);
    // Attached in reverse: etcd answers them in its map's (random) order, the dashboard in key order.
    const names = ["a", "b", "c", "d", "e", "f", "g", "h"];
    for (const k of [...names].reverse()) await client.put({ key: `${p}/${k}`, value: k, lease: lease.id });
    const read = await readLease3(client, lease.id);
    expect(read).toMatchObject({ id: lease.id, grantedTtl: 30 });
    expect(read.keys).toEqual(names.map((k) => `${p}/${k}`));
    expect(await refreshLease3(client, lease.id)).toEqual({ id: lease.id, ttl: 30 });
    const revoked = await revokeLease3(client, lease.id);
    expect(revoked.revision).toMatch(/^\d+$/);
    expect(await witness3(url, `${p}/a`)).toBeUndefined();
    expect(await witness3(url, `${p}/b`)).toBeUndefined();
    await expect(readLease3(client, lease.id)).rejects.toMatchObject({ code: "lease_not_found" });
    await expect(refreshLease3(client, lease.id)).rejects.toMatchObject({ kind: "lease-not-found" });
    await expect(revokeLease3(client, lease.id)).rejects.toMatchObject({ kind: "lease-not-found" });
  });
});
