// The v3 watch hub against an etcd with auth on and a 2 s token TTL: a running watch outlives its stream's
// token (§9: only creates are checked), so a watch added later on the same stream is refused as
// unauthenticated; the stream renews the token and reopens, and both watches go on without a loss.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { Etcd3Client } from "@/lib/etcd3";
import { sleep, uniquePrefix } from "../testing/etcd-direct";
import { etcdctl } from "../testing/etcdctl3";
import { WatchHub3 } from "./hub3";
import { takeUntil3, valuesOf } from "./testing";

let etcd: EtcdHandle;
const closers: (() => void)[] = [];

beforeAll(async () => {
  etcd = await startEtcd({ name: "v3-watch-auth", extraArgs: ["--auth-token-ttl", "2"] });
  await etcdctl(etcd.clientURL, ["user", "add", "root:rootpw", "--interactive=false"]);
  await etcdctl(etcd.clientURL, ["user", "grant-role", "root", "root"]);
  await etcdctl(etcd.clientURL, ["auth", "enable"]);
});
afterAll(async () => {
  for (const close of closers) close();
  await etcd?.stop();
});

describe("v3 watch hub with etcd auth", () => {
  it("renews an expired token when a new watch is refused, reopens the stream, and every watch goes on", async () => {
    const client = new Etcd3Client({ endpoints: [etcd.clientURL], auth: { username: "root", password: "rootpw" } });
    const writer = new Etcd3Client({ endpoints: [etcd.clientURL], auth: { username: "root", password: "rootpw" } });
    const hub = new WatchHub3({ lingerMs: 200 });
    closers.push(() => hub.close(), () => client.close(), () => writer.close());
    let renewals = 0;
    const renew = client.transport.renewToken.bind(client.transport);
    client.transport.renewToken = async (stale) => {
      renewals += 1;
      return renew(stale);
    };
    const p = uniquePrefix();
    const first = hub.subscribe({ cluster: "c", client, key: Buffer.from(`${p}/a`), prefix: false });
    await takeUntil3(first, (got) => got.some((i) => i.type === "ready"));
    await writer.put({ key: `${p}/a`, value: "a1" });
    expect(valuesOf(await takeUntil3(first, (got) => valuesOf(got).includes("a1")))).toEqual(["a1"]);
    // The stream's token expires unused (the TTL is 2 s and slides only with use).
    await sleep(3_500);
    await writer.put({ key: `${p}/a`, value: "a2" });
    const second = hub.subscribe({ cluster: "c", client, key: Buffer.from(`${p}/b`), prefix: false });
    const secondItems = await takeUntil3(second, (got) => got.some((i) => i.type === "ready"));
    expect(secondItems.some((i) => i.type === "ready")).toBe(true);
    expect(renewals).toBeGreaterThanOrEqual(1);
    await writer.put({ key: `${p}/b`, value: "b1" });
    await writer.put({ key: `${p}/a`, value: "a3" });
    expect(valuesOf(await takeUntil3(second, (got) => valuesOf(got).includes("b1")))).toEqual(["b1"]);
    expect(valuesOf(await takeUntil3(first, (got) => valuesOf(got).includes("a3")))).toEqual(["a2", "a3"]);
    first.close();
    second.close();
  });
});
