// Leases and the raw watch stream against the real etcd of the global setup, checked with etcdctl.
import { afterAll, describe, expect, inject, it } from "vitest";
import { etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";
import { etcdctl, witness3 } from "../testing/etcdctl3";
import { Etcd3Client } from "./client";
import type { WatchResponseWire } from "./watch-wire";

const url = inject("etcdURL");
const client = new Etcd3Client({ endpoints: [url] });
afterAll(() => client.close());

describe("leases", () => {
  it("grants, attaches, tells the time to live with keys, keeps alive and revokes", async () => {
    const p = uniquePrefix();
    const lease = await client.leaseGrant(60);
    expect(lease.ttl).toBe(60);
    expect(lease.id).toMatch(/^\d+$/);
    await client.put({ key: `${p}/a`, value: "1", lease: lease.id });
    await client.put({ key: `${p}/b`, value: "2", lease: lease.id });
    expect((await client.get(`${p}/a`))!.lease).toBe(lease.id);
    const ttl = await client.leaseTimeToLive(lease.id, { keys: true });
    expect(ttl).toMatchObject({ id: lease.id, grantedTtl: 60 });
    expect(ttl.ttl).toBeGreaterThan(50);
    expect(ttl.keys.map((k) => k.toString()).sort()).toEqual([`${p}/a`, `${p}/b`]);
    expect(await client.leaseKeepAliveOnce(lease.id)).toEqual({ id: lease.id, ttl: 60 });
    expect(await client.leases()).toContain(lease.id);
    // Revoking deletes every attached key.
    await client.leaseRevoke(lease.id);
    expect(await witness3(url, `${p}/a`)).toBeUndefined();
    expect((await client.leaseTimeToLive(lease.id)).ttl).toBe(-1);
    expect(await etcdErrorOf(client.leaseKeepAliveOnce(lease.id))).toMatchObject({ kind: "lease-not-found" });
    expect(await etcdErrorOf(client.leaseRevoke(lease.id))).toMatchObject({ kind: "lease-not-found", grpcCode: 5 });
    expect(await etcdErrorOf(client.put({ key: `${p}/c`, value: "3", lease: lease.id }))).toMatchObject({ kind: "lease-not-found" });
  });

  it("keeps a lease id above 2^63 exact (the same 64 bits etcdctl shows as a negative int64)", async () => {
    const p = uniquePrefix();
    const id = "18301528819393501121";
    const lease = await client.leaseGrant(30, id);
    expect(lease.id).toBe(id);
    await client.put({ key: `${p}/k`, value: "v", lease: id });
    expect((await client.get(`${p}/k`))!.lease).toBe(id);
    expect(await etcdctl(url, ["lease", "list"])).toContain(BigInt.asIntN(64, BigInt(id)).toString(16));
    expect(await etcdErrorOf(client.leaseGrant(30, id))).toMatchObject({ kind: "conflict", grpcCode: 9 });
    await client.leaseRevoke(id);
  });

  it("a put that keeps the lease, and one that detaches it", async () => {
    const p = uniquePrefix();
    const lease = await client.leaseGrant(60);
    await client.put({ key: `${p}/k`, value: "1", lease: lease.id });
    await client.put({ key: `${p}/k`, value: "2", ignoreLease: true });
    expect((await client.get(`${p}/k`))!.lease).toBe(lease.id);
    await client.put({ key: `${p}/k`, value: "3" });
    expect((await client.get(`${p}/k`))!.lease).toBe("0");
    await client.leaseRevoke(lease.id);
  });
});

describe("raw watch stream", () => {
  it("creates a watch, gets events with their revisions, and ends on cancel", async () => {
    const p = uniquePrefix();
    const { call, endpoint } = await client.watchStream();
    expect(endpoint).toBe(url);
    const messages: WatchResponseWire[] = [];
    const errors: unknown[] = [];
    call.on("data", (m: WatchResponseWire) => messages.push(m));
    call.on("error", (e) => errors.push(e));
    const start = await client.put({ key: `${p}/before`, value: "0" });
    call.write({ create_request: { key: Buffer.from(`${p}/`), range_end: Buffer.from(`${p}0`), start_revision: start.revision, prev_kv: true } });
    await client.put({ key: `${p}/a`, value: "1" });
    await client.deleteRange({ key: `${p}/a` });
    await expect.poll(() => messages.flatMap((m) => m.events).length, { timeout: 5_000 }).toBe(3);
    expect(messages[0]).toMatchObject({ created: true, watch_id: "0" });
    const events = messages.flatMap((m) => m.events);
    expect(events.map((e) => [e.type, e.kv.key.toString()])).toEqual([
      ["PUT", `${p}/before`],
      ["PUT", `${p}/a`],
      ["DELETE", `${p}/a`],
    ]);
    expect(events[0]!.kv.mod_revision).toBe(start.revision);
    expect(events[2]!.prev_kv?.value.toString()).toBe("1");
    call.cancel();
    await expect.poll(() => errors.length).toBe(1);
  });
});
