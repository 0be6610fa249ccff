// Identical reads in flight share one etcd request (lib/etcd/read-coalescer.ts), counted by a forwarder in
// front of a real etcd: and a read made after a write through the same client always sees that write.
import { describe, expect, it } from "vitest";
import { encodeKey, uniquePrefix } from "../testing/etcd-direct";
import { useProxiedClient } from "../testing/proxied-client";
import { parseKey } from "./key-path";

const setup = useProxiedClient();

describe("read coalescing", () => {
  it("50 identical reads at once reach etcd as far fewer requests, with the same answer", async () => {
    const key = parseKey(`${uniquePrefix()}/hot`);
    await setup.client.keys.set(key, "v");
    const path = `/v2/keys${encodeKey(key)}`;
    const before = setup.proxy.count(path);
    const answers = await Promise.all(Array.from({ length: 50 }, () => setup.client.keys.get(key)));
    expect(answers.every((a) => a.node?.value === "v")).toBe(true);
    expect(setup.proxy.count(path) - before).toBeLessThan(5);
  });

  it("never shares quorum reads", async () => {
    const key = parseKey(`${uniquePrefix()}/q`);
    await setup.client.keys.set(key, "v");
    const path = `/v2/keys${encodeKey(key)}`;
    const before = setup.proxy.count(path);
    await Promise.all(Array.from({ length: 10 }, () => setup.client.keys.get(key, { quorum: true })));
    expect(setup.proxy.count(path) - before).toBe(10);
  });

  it("a read after a write sees it, even while an older identical read is still in flight", async () => {
    // A listing big enough that etcd is still answering it when a one-key write has finished.
    const dir = `${uniquePrefix()}/big`;
    const setters = Array.from({ length: 2000 }, (_, i) => () => setup.client.keys.set(parseKey(`${dir}/k${String(i).padStart(4, "0")}`), "x".repeat(200)));
    for (let i = 0; i < setters.length; i += 50) await Promise.all(setters.slice(i, i + 50).map((set) => set()));
    const listing = parseKey(dir);
    for (let i = 0; i < 10; i++) {
      const inFlight = setup.client.keys.get(listing, { recursive: true, sorted: true }); // sent before the write
      await setup.client.keys.set(parseKey(`${dir}/written-${i}`), "mine");
      const after = await setup.client.keys.get(listing, { recursive: true, sorted: true });
      expect(after.node?.nodes?.some((n) => n.key === `${dir}/written-${i}`)).toBe(true);
      await inFlight;
    }
  });
});
