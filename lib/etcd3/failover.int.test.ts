// Failover of the v3 client on a real 3-member cluster: a killed member (reads go to the next one), a
// frozen one (SIGSTOP: a call ends at its deadline, a read then goes on elsewhere, a write sent to it is
// of unknown outcome and never resent). The member in use is a follower, so no election starts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster, type Member } from "../../scripts/lib/etcd-harness.mjs";
import { etcdErrorOf, restoreCluster, stopClusterNow, uniquePrefix, untilGone, untilStopped, waitFor } from "../testing/etcd-direct";
import { witness3 } from "../testing/etcdctl3";
import { Etcd3Client } from "./client";

let cluster: Cluster;
const clients: Etcd3Client[] = [];

beforeAll(async () => {
  cluster = await startCluster({ size: 3 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  if (cluster) await stopClusterNow(cluster);
});
afterEach(() => restoreCluster(cluster));

/**
 * A fresh client whose calls go to a follower first, connected to it. Each test starts from this state,
 * whatever the previous test did: a member it restarted may not serve gRPC yet when /health answers, and a
 * warm-up call that failed there would set it aside (retryFailedAfterMs) and leave the client on another
 * member. So wait until the member answers a call of its own, then check the warm-up stayed on it.
 */
async function followerFirst(): Promise<{ inUse: Member; leader: Member; client: Etcd3Client }> {
  const leader = await cluster.leader();
  if (!leader) throw new Error("no leader");
  const [inUse, other] = cluster.members.filter((m) => m !== leader) as [Member, Member];
  const probe = new Etcd3Client({ endpoints: [inUse.clientURL], readTimeoutMs: 1_000 });
  clients.push(probe);
  const serving = await waitFor(() => probe.range({ key: "warm-up" }).then(() => true, () => false), 15_000);
  if (!serving) throw new Error(`${inUse.name} does not serve v3 reads`);
  const client = new Etcd3Client({ endpoints: [inUse.clientURL, other.clientURL, leader.clientURL], readTimeoutMs: 1_000, writeTimeoutMs: 1_000, retryFailedAfterMs: 60_000 });
  clients.push(client);
  // Connect the channel to the member in use first.
  await client.range({ key: "warm-up" });
  expect(client.transport.pool.snapshot().find((s) => s.inUse)?.url).toBe(inUse.clientURL);
  return { inUse, leader, client };
}

describe("v3 failover", () => {
  it("a frozen member does not hold a read past its deadline: the next member answers", async () => {
    const { inUse, client } = await followerFirst();
    const p = uniquePrefix();
    await client.put({ key: `${p}/k`, value: "v" });
    inUse.freeze();
    await untilStopped(inUse.pid);
    const started = Date.now();
    const got = await client.get(`${p}/k`);
    expect(got?.value.toString()).toBe("v");
    expect(Date.now() - started).toBeLessThan(1_000 + 1_500);
  });

  it("a write sent to a member that froze is of unknown outcome, and is not sent again elsewhere", async () => {
    const { inUse, leader, client } = await followerFirst();
    const p = uniquePrefix();
    inUse.freeze();
    await untilStopped(inUse.pid);
    const started = Date.now();
    const error = await etcdErrorOf(client.put({ key: `${p}/k`, value: "v" }));
    expect(error).toMatchObject({ kind: "timeout", outcomeUnknown: true });
    expect(Date.now() - started).toBeLessThan(1_000 + 1_500);
    // Not resent on another member: the key does not exist while the member stays frozen.
    expect(await witness3(leader.clientURL, `${p}/k`)).toBeUndefined();
  });

  it("a read goes to the next member when the first was killed", async () => {
    const { inUse, leader, client } = await followerFirst();
    const p = uniquePrefix();
    await client.put({ key: `${p}/k`, value: "v" });
    const pid = inUse.pid;
    inUse.kill("SIGKILL");
    await untilGone(pid);
    const got = await client.get(`${p}/k`);
    expect(got?.value.toString()).toBe("v");
    expect(client.transport.pool.snapshot().find((s) => s.inUse)?.url).not.toBe(inUse.clientURL);
    expect((await witness3(leader.clientURL, `${p}/k`))?.value.toString()).toBe("v");
  });

  it("a write goes to the next member when the first refuses connections (never sent)", async () => {
    const { inUse, leader, client } = await followerFirst();
    const pid = inUse.pid;
    inUse.kill("SIGKILL");
    await untilGone(pid);
    const p = uniquePrefix();
    // The broken connection is noticed by a read first (its failure may be the connection reset).
    await client.get("x").catch(() => undefined);
    await client.put({ key: `${p}/k`, value: "v" });
    expect((await witness3(leader.clientURL, `${p}/k`))?.value.toString()).toBe("v");
  });
});
