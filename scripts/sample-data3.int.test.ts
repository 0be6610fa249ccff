// The demo's v3 sample data against an etcd of its own (its keys are fixed names, so not the shared one),
// checked with etcdctl: everything the seeding says it writes is there, a rerun changes nothing, and
// the leased key stays on a live lease.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { Etcd3Client } from "../lib/etcd3/client";
import { waitFor } from "../lib/testing/etcd-direct";
import { etcdctl, witnessFrom3, witnessLease3, type WitnessKv } from "../lib/testing/etcdctl3";
import { startEtcd, type EtcdHandle } from "./lib/etcd-harness.mjs";
import { BIG_DIRECTORY, BIG_DIRECTORY_SIZE, keepLeaseAlive, LEASE_TTL_SECONDS, LEASED_KEY, loadSampleData3, LOGO_PNG, MARKER_KEY3, NON_UTF8_KEY, sampleKeys3 } from "./sample-data3";

let etcd: EtcdHandle;
let client: Etcd3Client;

beforeAll(async () => {
  etcd = await startEtcd({ name: "v3-sample-data" });
  client = new Etcd3Client({ endpoints: [etcd.clientURL] });
});
afterAll(async () => {
  client?.close();
  await etcd?.stop();
});

const byKey = (kvs: WitnessKv[]) => new Map(kvs.map((kv) => [kv.key.toString("hex"), kv]));
const at = (kvs: Map<string, WitnessKv>, key: string | Buffer) => kvs.get(Buffer.from(key).toString("hex"));

describe("v3 sample data", () => {
  it("writes every sample key, the marker and the leased key, as etcd then holds them", async () => {
    const result = await loadSampleData3(client);
    const expected = sampleKeys3();
    expect(result).toMatchObject({ loaded: true, keys: expected.length });

    const held = byKey((await witnessFrom3(etcd.clientURL)).kvs);
    expect(held.size).toBe(expected.length + 2);
    for (const { key, value } of expected) expect(at(held, key)?.value.equals(value), key.toString()).toBe(true);
    expect(at(held, MARKER_KEY3)).toBeDefined();

    // What the newcomer is promised: JSON and YAML configs, keys without a leading "/", a PNG, a name
    // that is not UTF-8, a directory of thousands of children.
    expect(JSON.parse(at(held, "/apps/web/config.json")!.value.toString())).toMatchObject({ name: "web" });
    expect(parseYaml(at(held, "/apps/api/config.yaml")!.value.toString())).toMatchObject({ server: { port: 9000 } });
    expect([...held.values()].filter((kv) => kv.key[0] !== "/".charCodeAt(0)).map((kv) => kv.key.toString())).toEqual(
      expect.arrayContaining(["feature-flags", "registry/services/web/10.0.0.12:8080"]),
    );
    const png = at(held, "/assets/logo.png")!.value;
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.equals(LOGO_PNG)).toBe(true);
    const odd = at(held, NON_UTF8_KEY)!.key;
    expect(Buffer.from(odd.toString("utf8"), "utf8").equals(odd)).toBe(false);
    const children = [...held.values()].filter((kv) => kv.key.toString().startsWith(BIG_DIRECTORY));
    expect(children).toHaveLength(BIG_DIRECTORY_SIZE);
    expect(children.every((kv) => !kv.key.subarray(Buffer.byteLength(BIG_DIRECTORY)).includes("/"))).toBe(true);

    const leased = at(held, LEASED_KEY)!;
    expect(String(leased.lease)).not.toBe("0");
    expect(result.leaseId).toBeDefined();
    const lease = await witnessLease3(etcd.clientURL, result.leaseId!);
    expect(lease?.grantedTtl).toBe(LEASE_TTL_SECONDS);
    expect(lease!.ttl).toBeGreaterThan(0);
  });

  it("a rerun writes nothing: the revision stays, a value the user changed is kept, the same lease goes on", async () => {
    const first = await loadSampleData3(client);
    await etcdctl(etcd.clientURL, ["put", "/apps/web/replicas", "5"]);
    const before = await witnessFrom3(etcd.clientURL);
    const again = await loadSampleData3(client);
    expect(again).toEqual({ loaded: false, keys: 0, leaseId: first.leaseId });
    const after = await witnessFrom3(etcd.clientURL);
    expect(after.revision).toBe(before.revision);
    expect(at(byKey(after.kvs), "/apps/web/replicas")?.value.toString()).toBe("5");
  });

  it("a run that stopped before the marker is completed by the next", async () => {
    await etcdctl(etcd.clientURL, ["del", MARKER_KEY3]);
    await etcdctl(etcd.clientURL, ["del", BIG_DIRECTORY, "--prefix"]);
    const result = await loadSampleData3(client);
    expect(result).toMatchObject({ loaded: true, keys: sampleKeys3().length });
    const held = (await witnessFrom3(etcd.clientURL)).kvs;
    expect(held.filter((kv) => kv.key.toString().startsWith(BIG_DIRECTORY))).toHaveLength(BIG_DIRECTORY_SIZE);
    expect(at(byKey(held), MARKER_KEY3)).toBeDefined();
  });

  it("the leased key comes back on a new lease when its lease is revoked while the demo runs", async () => {
    const { leaseId } = await loadSampleData3(client);
    const keeper = keepLeaseAlive(client, leaseId, { intervalMs: 50 });
    try {
      await etcdctl(etcd.clientURL, ["lease", "revoke", BigInt(leaseId!).toString(16)]);
      let now: WitnessKv | undefined;
      const back = await waitFor(async () => {
        now = at(byKey((await witnessFrom3(etcd.clientURL, "/sessions/")).kvs), LEASED_KEY);
        return now !== undefined && String(now.lease) !== "0";
      });
      expect(back).toBe(true);
      const renewed = await loadSampleData3(client);
      expect(renewed.leaseId).not.toBe(leaseId);
      expect((await witnessLease3(etcd.clientURL, renewed.leaseId!))?.ttl).toBeGreaterThan(0);
    } finally {
      keeper.stop();
    }
  });
});
