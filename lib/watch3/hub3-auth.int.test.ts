// The v3 watch hub against an etcd with auth on and a 2 s token TTL: a running watch outlives its stream's
// token (§9: only creates are checked), so a watch added later on the same stream is refused as
// unauthenticated; the stream renews the token and reopens, and both watches go on without a loss.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { Etcd3Client } from "@/lib/etcd3";
import { sleep, uniquePrefix } from "../testing/etcd-direct";
import { etcdctl } from "../testing/etcdctl3";
import { WatchHub3, watchRange } from "./hub3";
import { checkWideWatch } from "./wide-watch-check";
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

  it("a watch to the end of the keyspace is opened only where a Range of it is allowed (the 3.4 hole of §9)", async () => {
    // alice may read the one key "\0" (granted through the JSON gateway: etcdctl cannot pass a NUL byte).
    const root = (await (await fetch(`${etcd.clientURL}/v3/auth/authenticate`, { method: "POST", body: JSON.stringify({ name: "root", password: "rootpw" }) })).json()) as { token: string };
    const gateway = async (path: string, body: object) => {
      const response = await fetch(`${etcd.clientURL}/v3/${path}`, { method: "POST", headers: { authorization: root.token }, body: JSON.stringify(body) });
      expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
    };
    await gateway("auth/role/add", { name: "nul-reader" });
    await gateway("auth/role/grant", { name: "nul-reader", perm: { permType: "READ", key: "AA==" } });
    await gateway("auth/user/add", { name: "alice", password: "alicepw" });
    await gateway("auth/user/grant", { user: "alice", role: "nul-reader" });
    const alice = new Etcd3Client({ endpoints: [etcd.clientURL], auth: { username: "alice", password: "alicepw" } });
    const rootClient = new Etcd3Client({ endpoints: [etcd.clientURL], auth: { username: "root", password: "rootpw" } });
    const hub = new WatchHub3({ lingerMs: 200 });
    closers.push(() => hub.close(), () => alice.close(), () => rootClient.close());
    const p = uniquePrefix();

    // The hole itself, in this etcd: alice's watch of every key delivers a key she may not read.
    const leak = hub.subscribe({ cluster: "c", client: alice, key: new Uint8Array(0), prefix: true });
    await takeUntil3(leak, (got) => got.some((i) => i.type === "ready"));
    await rootClient.put({ key: `${p}/secret`, value: "root-only" });
    expect(valuesOf(await takeUntil3(leak, (got) => valuesOf(got).includes("root-only")))).toContain("root-only");
    leak.close();
    await expect(alice.range({ key: `${p}/secret` })).rejects.toMatchObject({ grpcCode: 7 });

    // The check refuses it for alice, as a Range of the same keys is refused, and lets root's through.
    await expect(checkWideWatch(alice, watchRange(new Uint8Array(0), true))).rejects.toMatchObject({ grpcCode: 7 });
    await expect(checkWideWatch(rootClient, watchRange(new Uint8Array(0), true))).resolves.toBeUndefined();
    // A prefix watch ends before "\0": etcd checks it whole, no Range needed.
    await expect(checkWideWatch(alice, watchRange(Buffer.from(`${p}/`), true))).resolves.toBeUndefined();
  });
});
