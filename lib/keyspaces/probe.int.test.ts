// What a cluster serves, probed against real etcds: 3.4 with v2 on (the harness's default), 3.4 started with
// --enable-v2=false (Go's flag package keeps the last value), and one that stopped answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { EtcdClient } from "../etcd";
import { cachedKeyspaceProbe, probeKeyspaces } from "./probe";
import { keyspaceSupport } from "./support";

describe("probing which keyspaces a cluster serves", () => {
  let withV2: EtcdHandle;
  let withoutV2: EtcdHandle;
  const clients: EtcdClient[] = [];
  const clientOf = (etcd: EtcdHandle) => {
    const client = new EtcdClient({ endpoints: [etcd.clientURL], discoverMembers: false, readTimeoutMs: 2_000 });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    [withV2, withoutV2] = await Promise.all([startEtcd({ name: "keyspaces-v2" }), startEtcd({ name: "keyspaces-v3", extraArgs: ["--enable-v2=false"] })]);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all([withV2?.stop(), withoutV2?.stop()]);
  });

  it("etcd 3.4 with --enable-v2=true: both keyspaces, v2 by default", async () => {
    const probe = await probeKeyspaces(clientOf(withV2));
    expect(probe).toEqual({ versions: { etcdserver: expect.stringMatching(/^3\.4\./), etcdcluster: expect.stringMatching(/^3\.4\./) }, v2: "on" });
    expect(keyspaceSupport(undefined, probe)).toMatchObject({ offered: ["v2", "v3"], default: "v2" });
  });

  it("etcd 3.4 without v2: v3 alone, v2 said to be disabled", async () => {
    const probe = await probeKeyspaces(clientOf(withoutV2));
    expect(probe.v2).toBe("off");
    expect(probe.versions?.etcdserver).toMatch(/^3\.4\./);
    expect(keyspaceSupport(undefined, probe)).toMatchObject({ offered: ["v3"], default: "v3", v2Absence: "disabled" });
  });

  it("an etcd that does not answer: unknown, asked again after a short while rather than kept", async () => {
    const gone = await startEtcd({ name: "keyspaces-gone" });
    const client = clientOf(gone);
    await gone.stop();
    const probe = await cachedKeyspaceProbe("keyspaces-gone", client, 1_000);
    expect(probe).toEqual({ v2: "unknown" });
    // Within the short retry interval the same answer; after it, a new probe.
    expect(await cachedKeyspaceProbe("keyspaces-gone", client, 2_000)).toBe(probe);
    const again = cachedKeyspaceProbe("keyspaces-gone", client, 4_000);
    expect(await again).not.toBe(probe);
  });

  it("a known answer is kept and shared: concurrent callers get one probe", async () => {
    const client = clientOf(withV2);
    const [a, b] = await Promise.all([cachedKeyspaceProbe("keyspaces-shared", client, 10_000), cachedKeyspaceProbe("keyspaces-shared", client, 10_001)]);
    expect(a).toBe(b);
    expect(await cachedKeyspaceProbe("keyspaces-shared", client, 30_000)).toBe(a);
    expect(await cachedKeyspaceProbe("keyspaces-shared", client, 40_001)).not.toBe(a);
  });
});
