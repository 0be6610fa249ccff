// Failover of the transport on a real 3-member cluster: a stopped member (connection refused), a frozen
// one (SIGSTOP: connects, never answers), a restarted one, members learned from /v2/members, and a
// non-idempotent write whose outcome is unknown. The member "in use" is a follower, put first in the
// client's endpoint list, so that stopping or freezing it never starts an election (writes during an
// election hang for etcd's request timeout, which is not what these tests are about).
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster, type Member as HarnessMember } from "../../scripts/lib/etcd-harness.mjs";
import { EtcdClient } from "./client";
import { parseKey } from "./key-path";
import { directGetKey, directSet, etcdErrorOf, restoreCluster, sleep, stopClusterNow, uniquePrefix, untilStopped, waitFor } from "../testing/etcd-direct";

let cluster: Cluster;
const clients: EtcdClient[] = [];

beforeAll(async () => {
  cluster = await startCluster({ size: 3 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  if (cluster) await stopClusterNow(cluster);
});
afterEach(() => restoreCluster(cluster));

function makeClient(endpoints: string[], options: { readTimeoutMs?: number; writeTimeoutMs?: number; discoverMembers?: boolean } = {}) {
  const client = new EtcdClient({ endpoints, retryFailedAfterMs: 500, discoverMembers: false, ...options });
  clients.push(client);
  return client;
}

/** [follower in use, other follower, leader]. */
async function roles(): Promise<{ inUse: HarnessMember; other: HarnessMember; leader: HarnessMember }> {
  const leader = await cluster.leader();
  if (!leader) throw new Error("no leader");
  const [inUse, other] = cluster.members.filter((m) => m !== leader);
  return { inUse: inUse!, other: other!, leader };
}

/** Writes `key` through the leader and waits until every running member serves it locally. */
async function seed(leader: HarnessMember, key: string, value: string) {
  expect((await directSet(leader.clientURL, key, value)).status).toBeLessThan(300);
  const everywhere = await waitFor(async () => {
    const reads = await Promise.all(cluster.members.map((m) => directGetKey(m.clientURL, key)));
    return reads.every((r) => r.json?.node?.value === value);
  });
  expect(everywhere).toBe(true);
}

/** What a linearizable read through the leader says about `key` (the independent witness). */
async function truth(leader: HarnessMember, key: string, query: Record<string, string> = {}) {
  return directGetKey(leader.clientURL, key, { quorum: "true", ...query });
}

function stateOf(client: EtcdClient, endpoint: string) {
  return client.transport.pool.snapshot().find((s) => s.url === endpoint)!;
}

describe("a stopped member", () => {
  it("reads, idempotent writes and in-order creates go on through another member", async () => {
    const { inUse, other, leader } = await roles();
    const p = uniquePrefix();
    await seed(leader, `${p}/k`, "before");
    const endpoints = [inUse.clientURL, other.clientURL, leader.clientURL];

    await inUse.stop();

    // Each operation from a fresh client, so each is the first to meet the stopped member.
    const reader = makeClient(endpoints);
    expect(reader.transport.pool.order()[0]).toBe(inUse.clientURL);
    expect((await reader.keys.get(parseKey(`${p}/k`))).node?.value).toBe("before");
    expect(stateOf(reader, inUse.clientURL).failedUntil).toBeGreaterThan(0);
    expect(stateOf(reader, inUse.clientURL).lastError).toMatch(/ECONNREFUSED/);
    expect(reader.transport.pool.order()[0]).not.toBe(inUse.clientURL);

    const writer = makeClient(endpoints);
    await writer.keys.set(parseKey(`${p}/w`), "after");
    expect(stateOf(writer, inUse.clientURL).lastError).toMatch(/ECONNREFUSED/);
    expect((await truth(leader, `${p}/w`)).json.node.value).toBe("after");

    // A POST is never retried when it may have reached etcd, but a refused connection was never sent.
    const poster = makeClient(endpoints);
    const made = await poster.keys.createInOrder(parseKey(`${p}/queue`), "job");
    expect(stateOf(poster, inUse.clientURL).lastError).toMatch(/ECONNREFUSED/);
    const queue = await truth(leader, `${p}/queue`);
    expect(queue.json.node.nodes.map((n: { key: string; value: string }) => [n.key, n.value])).toEqual([[made.node!.key, "job"]]);
  });

  it("uses the member again once it is back and retryFailedAfterMs has passed", async () => {
    const { inUse, other, leader } = await roles();
    const p = uniquePrefix();
    await seed(leader, `${p}/k`, "v");
    const client = makeClient([inUse.clientURL, other.clientURL, leader.clientURL]);
    await client.keys.get(parseKey(`${p}/k`));
    expect(client.transport.pool.order()[0]).toBe(inUse.clientURL);

    await inUse.stop();
    await client.keys.get(parseKey(`${p}/k`));
    // Set aside: tried last while its retryFailedAfterMs runs.
    expect(client.transport.pool.order()).toEqual([other.clientURL, leader.clientURL, inUse.clientURL]);

    await inUse.start();
    await sleep(600);
    // Eligible again, in its configured place after the endpoint that answered last.
    expect(client.transport.pool.order()).toEqual([other.clientURL, inUse.clientURL, leader.clientURL]);

    // The endpoint in use goes away: the restarted member is tried next and answers.
    await other.stop();
    expect((await client.keys.get(parseKey(`${p}/k`))).node?.value).toBe("v");
    expect(stateOf(client, inUse.clientURL)).toMatchObject({ failedUntil: 0, lastError: undefined });
    expect(client.transport.pool.order()[0]).toBe(inUse.clientURL);
    await client.keys.set(parseKey(`${p}/k2`), "through the restarted member");
    expect((await truth(leader, `${p}/k2`)).json.node.value).toBe("through the restarted member");
  });

  it("learns the other members from /v2/members and fails over to them", async () => {
    const { inUse, leader } = await roles();
    const p = uniquePrefix();
    await seed(leader, `${p}/k`, "learned");
    const client = makeClient([inUse.clientURL], { discoverMembers: true });
    await client.transport.discover();
    const snapshot = client.transport.pool.snapshot();
    expect(snapshot.map((s) => s.url).sort()).toEqual([...cluster.endpoints].sort());
    expect(snapshot.filter((s) => s.learned).map((s) => s.url).sort()).toEqual(
      cluster.endpoints.filter((e) => e !== inUse.clientURL).sort(),
    );

    await inUse.stop();
    expect((await client.keys.get(parseKey(`${p}/k`))).node?.value).toBe("learned");
    await client.keys.set(parseKey(`${p}/k`), "still writable");
    expect((await truth(leader, `${p}/k`)).json.node.value).toBe("still writable");
  });
});

describe("a frozen member", () => {
  it("costs a read about one deadline, then another member answers", async () => {
    const { inUse, other, leader } = await roles();
    const p = uniquePrefix();
    await seed(leader, `${p}/k`, "v");
    // A keep-alive socket to the member in use. A member that has just been restarted (by the previous
    // test's clean-up) can fail a first read, which sets it aside: then this test would never meet it, so
    // warm up with fresh clients until the member in use has served the read.
    let client = makeClient([inUse.clientURL, other.clientURL, leader.clientURL], { readTimeoutMs: 1_000 });
    for (let attempt = 1; ; attempt++) {
      await client.keys.get(parseKey(`${p}/k`));
      const warm = stateOf(client, inUse.clientURL);
      if (!warm.lastError) break;
      if (attempt === 10) throw new Error(`the member in use kept failing its first read: ${warm.lastError}`);
      await sleep(300);
      client = makeClient([inUse.clientURL, other.clientURL, leader.clientURL], { readTimeoutMs: 1_000 });
    }

    inUse.freeze();
    // SIGSTOP lands when the kernel next schedules the process: on a loaded machine etcd may still
    // answer one more read unless the test waits until it is really stopped.
    await untilStopped(inUse.pid);
    const t0 = Date.now();
    expect((await client.keys.get(parseKey(`${p}/k`))).node?.value).toBe("v");
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(2_000);
    expect(stateOf(client, inUse.clientURL).lastError).toMatch(/within 1000 ms/);
    // Set aside: the next read does not wait again.
    const t1 = Date.now();
    await client.keys.get(parseKey(`${p}/k`));
    expect(Date.now() - t1).toBeLessThan(500);
  });

  it("retries an idempotent write on another member after the deadline", async () => {
    const { inUse, other, leader } = await roles();
    const p = uniquePrefix();
    const client = makeClient([inUse.clientURL, other.clientURL, leader.clientURL], { writeTimeoutMs: 1_000 });
    inUse.freeze();
    await untilStopped(inUse.pid);
    const t0 = Date.now();
    await client.keys.set(parseKey(`${p}/k`), "idempotent");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect((await truth(leader, `${p}/k`)).json.node.value).toBe("idempotent");
  });

  it("reports a non-idempotent write as outcome unknown and does not send it elsewhere", async () => {
    const { inUse, other, leader } = await roles();
    const p = uniquePrefix();
    // One fresh client per write, run together: after a failure the member is set aside, so each
    // write must be the first to meet it.
    const fresh = () => makeClient([inUse.clientURL, other.clientURL, leader.clientURL], { writeTimeoutMs: 1_000 });
    inUse.freeze();
    await untilStopped(inUse.pid);

    const t0 = Date.now();
    const [post, create, del] = await Promise.all([
      etcdErrorOf(fresh().keys.createInOrder(parseKey(`${p}/queue`), "job")),
      etcdErrorOf(fresh().keys.create(parseKey(`${p}/created`), "once")),
      etcdErrorOf(fresh().keys.delete(parseKey(`${p}/whatever`))),
    ]);
    expect(Date.now() - t0).toBeLessThan(1_900); // one deadline each, no second attempt
    expect(post).toMatchObject({ kind: "timeout", outcomeUnknown: true });
    expect(create).toMatchObject({ kind: "timeout", outcomeUnknown: true });
    expect(del).toMatchObject({ kind: "timeout", outcomeUnknown: true });

    // While the member is frozen, nothing reached the cluster through any other member.
    expect((await truth(leader, `${p}/queue`)).status).toBe(404);
    expect((await truth(leader, `${p}/created`)).status).toBe(404);
  });
});
