// Identical reads in flight share one etcd request (lib/etcd/read-coalescer.ts), counted by a forwarder in
// front of a real etcd: and a read made after a write through the same client always sees that write.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startCountingProxy, type CountingProxy } from "../testing/counting-proxy";
import { encodeKey, uniquePrefix } from "../testing/etcd-direct";
import { EtcdClient } from "./client";
import { parseKey } from "./key-path";

const url = inject("etcdURL");
let proxy: CountingProxy;
let client: EtcdClient;

beforeAll(async () => {
  proxy = await startCountingProxy(url);
  client = new EtcdClient({ endpoints: [proxy.url], discoverMembers: false });
});
afterAll(async () => {
  client.close();
  await proxy.close();
});

describe("read coalescing", () => {
  it("50 identical reads at once reach etcd as far fewer requests, with the same answer", async () => {
    const key = parseKey(`${uniquePrefix()}/hot`);
    await client.keys.set(key, "v");
    const path = `/v2/keys${encodeKey(key)}`;
    const before = proxy.count(path);
    const answers = await Promise.all(Array.from({ length: 50 }, () => client.keys.get(key)));
    expect(answers.every((a) => a.node?.value === "v")).toBe(true);
    expect(proxy.count(path) - before).toBeLessThan(5);
  });

  it("never shares quorum reads", async () => {
    const key = parseKey(`${uniquePrefix()}/q`);
    await client.keys.set(key, "v");
    const path = `/v2/keys${encodeKey(key)}`;
    const before = proxy.count(path);
    await Promise.all(Array.from({ length: 10 }, () => client.keys.get(key, { quorum: true })));
    expect(proxy.count(path) - before).toBe(10);
  });

  it("a read after a write sees it, even while an older identical read is still in flight", async () => {
    // A listing big enough that etcd is still answering it when a one-key write has finished.
    const dir = `${uniquePrefix()}/big`;
    const setters = Array.from({ length: 2000 }, (_, i) => () => client.keys.set(parseKey(`${dir}/k${String(i).padStart(4, "0")}`), "x".repeat(200)));
    for (let i = 0; i < setters.length; i += 50) await Promise.all(setters.slice(i, i + 50).map((set) => set()));
    const listing = parseKey(dir);
    for (let i = 0; i < 10; i++) {
      const inFlight = client.keys.get(listing, { recursive: true, sorted: true }); // sent before the write
      await client.keys.set(parseKey(`${dir}/written-${i}`), "mine");
      const after = await client.keys.get(listing, { recursive: true, sorted: true });
      expect(after.node?.nodes?.some((n) => n.key === `${dir}/written-${i}`)).toBe(true);
      await inFlight;
    }
  });
});
