// The v3 watch hub on a real 3-member cluster while steady writes go on: the member its stream uses is
// killed, then frozen (SIGSTOP: the keepalive ends the stream), then the cluster loses quorum and regains
// it. Every subscriber gets every acknowledged write once, in order (each write a unique, increasing
// value), and is told `retrying` / `live` while the stream is down.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startCluster, type Cluster, type Member } from "../../scripts/lib/etcd-harness.mjs";
import { Etcd3Client } from "@/lib/etcd3";
import { restoreCluster, sleep, stopClusterNow, uniquePrefix, untilGone, untilStopped, waitFor } from "../testing/etcd-direct";
import type { HubItem3 } from "./frames";
import { WatchHub3 } from "./hub3";
import type { Subscription3 } from "./upstream3";
import { takeUntil3, valuesOf } from "./testing";

let cluster: Cluster;
const closers: (() => void)[] = [];

beforeAll(async () => {
  cluster = await startCluster({ size: 3 });
});
afterAll(async () => {
  for (const close of closers) close();
  if (cluster) await stopClusterNow(cluster);
});
afterEach(() => restoreCluster(cluster));

interface Setup {
  hub: WatchHub3;
  /** Three subscribers of the prefix (one upstream) and one of the key alone (another), on one stream. */
  subs: Subscription3[];
  received: HubItem3[][];
  inUse: () => Member;
  writer: Etcd3Client;
  p: string;
}

async function setUp(): Promise<Setup> {
  const leader = await cluster.leader();
  if (!leader) throw new Error("no leader");
  const followers = cluster.members.filter((m) => m !== leader);
  const client = new Etcd3Client({ endpoints: [...followers.map((m) => m.clientURL), leader.clientURL], readTimeoutMs: 1_000, retryFailedAfterMs: 60_000 });
  const writer = new Etcd3Client({ endpoints: [leader.clientURL, ...followers.map((m) => m.clientURL)], readTimeoutMs: 1_000, writeTimeoutMs: 2_000 });
  const hub = new WatchHub3({ lingerMs: 200 }, { maxBackoffMs: 500 });
  closers.push(() => hub.close(), () => client.close(), () => writer.close());
  const p = uniquePrefix();
  const subs = [0, 1, 2, 3].map((i) => hub.subscribe({ cluster: "c", client, key: Buffer.from(i < 3 ? `${p}/` : `${p}/k`), prefix: i < 3 }));
  const received: HubItem3[][] = subs.map(() => []);
  for (const [i, sub] of subs.entries()) received[i]!.push(...(await takeUntil3(sub, (got) => got.some((item) => item.type === "ready"))));
  const inUse = () => cluster.members.find((m) => m.clientURL === hub.streamEndpoint("c"))!;
  expect(inUse()).toBeDefined();
  return { hub, subs, received, inUse, writer, p };
}

/** Writes 0, 1, 2 … to one key, one at a time, until `stop()`; the values etcd acknowledged. */
function writeSteadily(writer: Etcd3Client, key: string) {
  const acked: number[] = [];
  let stopped = false;
  let next = 0;
  const done = (async () => {
    while (!stopped) {
      const value = next++;
      try {
        await writer.put({ key, value: String(value) });
        acked.push(value);
      } catch {
        // not acknowledged (no quorum, or outcome unknown): its event may come or not, but never twice
      }
      await sleep(10);
    }
  })();
  return { acked, stop: async () => ((stopped = true), await done) };
}

/** Reads every subscriber on, until each has the value `last`. */
async function readUntil(setup: Setup, last: number, timeoutMs = 30_000): Promise<void> {
  await Promise.all(
    setup.subs.map(async (sub, i) => {
      const seen = setup.received[i]!;
      const more = await takeUntil3(sub, (got) => valuesOf([...seen, ...got]).includes(String(last)), timeoutMs);
      seen.push(...more);
    }),
  );
}

/** Each subscriber: values strictly increasing (no repeat, in order) and every acknowledged one there. */
function expectEveryWriteOnceInOrder(setup: Setup, acked: number[]): void {
  for (const items of setup.received) {
    expect(items.some((i) => i.type === "resync")).toBe(false);
    const values = valuesOf(items).map(Number);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
    const got = new Set(values);
    expect(acked.filter((v) => !got.has(v))).toEqual([]);
  }
}

const statuses = (items: HubItem3[]) => items.filter((i) => i.type === "status").map((i) => (i as { state: string }).state);
/** Told it was retrying, and live again at the end (a stream may come back and fail again in between). */
const expectRetriedThenLive = (items: HubItem3[]) => {
  const seen = statuses(items);
  expect(seen[0]).toBe("retrying");
  expect(seen[seen.length - 1]).toBe("live");
};

/** Runs the writes around `fault`, then checks every subscriber. */
async function underFault(fault: (setup: Setup) => Promise<void>): Promise<Setup> {
  const setup = await setUp();
  const writes = writeSteadily(setup.writer, `${setup.p}/k`);
  await waitFor(() => writes.acked.length >= 10, 10_000);
  await fault(setup);
  // Writes acknowledged after the fault reach every subscriber.
  const after = writes.acked.length;
  expect(await waitFor(() => writes.acked.length >= after + 10, 30_000)).toBe(true);
  await writes.stop();
  await readUntil(setup, writes.acked[writes.acked.length - 1]!);
  expectEveryWriteOnceInOrder(setup, writes.acked);
  return setup;
}

describe("v3 watch hub failover", () => {
  it("the member the stream uses is killed: the stream reopens on another, no event lost or repeated", async () => {
    const setup = await underFault(async ({ inUse }) => {
      const victim = inUse();
      const pid = victim.pid;
      victim.kill("SIGKILL");
      await untilGone(pid);
    });
    expect(setup.hub.streamEndpoint("c")).toBeDefined();
    expectRetriedThenLive(setup.received[0]!);
  }, 90_000);

  it("the member the stream uses freezes: the keepalive ends the stream, which goes on elsewhere", async () => {
    let frozen: Member | undefined;
    const setup = await underFault(async ({ inUse }) => {
      frozen = inUse();
      frozen.freeze();
      await untilStopped(frozen.pid);
    });
    expect(setup.hub.streamEndpoint("c")).not.toBe(frozen!.clientURL);
    expectRetriedThenLive(setup.received[3]!);
  }, 90_000);

  it("the cluster loses quorum and regains it: retrying while it has none, then every write once", async () => {
    const setup = await underFault(async ({ inUse, subs, received }) => {
      const others = cluster.members.filter((m) => m !== inUse());
      for (const m of others) {
        const pid = m.pid;
        m.kill("SIGKILL");
        await untilGone(pid);
      }
      // `hasleader` ends the stream about 3 s later (§1.3): the subscribers hear that etcd is retrying.
      for (const [i, sub] of subs.entries()) received[i]!.push(...(await takeUntil3(sub, (got) => statuses(got).includes("retrying"), 30_000)));
      for (const m of others) await m.start({ waitHealthy: false });
      await cluster.waitHealthy({ timeoutMs: 30_000 });
    });
    for (const items of setup.received) expectRetriedThenLive(items);
  }, 120_000);
});
