// The fault suite (`npm run test:faults`): a real 3-member etcd cluster behind the built dashboard, under
// steady load through the dashboard's API (reads, compare-and-swap writes, watch subscribers), while
// members are killed, frozen and stopped, the whole cluster goes away, and the dashboard starts with etcd
// down. Every phase is judged against etcd's own history and reported as figures (printed at the end and
// written to .tmp/faults-report.md).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDashboard, type DashboardHandle } from "../../scripts/lib/dashboard.mjs";
import { startCluster, type Cluster, type Member } from "../../scripts/lib/etcd-harness.mjs";
import { sleep, stopClusterNow, untilGone, untilStopped, waitFor } from "../../lib/testing/etcd-direct";
import { compact3 } from "./etcd-witness3";
import { v3Keyspace } from "./keyspaces";
import { DashboardApi, subscribe, type SubscriberStream } from "./load";
import { formatReport, runPhase, type PhaseFigures, type PhaseOptions } from "./phase";
import { memberServingV3, membersWatched } from "./v3-member";

/** Short deadlines, so a frozen member's cost is visible in seconds. Writes outlast etcd's own 5.2 s. */
const READ_DEADLINE_MS = 1_000;
const WRITE_DEADLINE_MS = 6_000;
/** "Recovers by itself within seconds of etcd coming back." */
const RECOVERY_LIMIT_MS = 5_000;

let cluster: Cluster;
let dashboard: DashboardHandle;
let api: DashboardApi;
let tempDir: string;
let configFile: string;
const report: PhaseFigures[] = [];
const endpoints = () => cluster.endpoints;

beforeAll(async () => {
  cluster = await startCluster({ size: 3, namePrefix: "fault" });
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-faults-"));
  configFile = path.join(tempDir, "clusters.json");
  fs.writeFileSync(
    configFile,
    JSON.stringify({ clusters: [{ name: "faults", endpoints: cluster.endpoints, requestTimeoutMs: READ_DEADLINE_MS, writeTimeoutMs: WRITE_DEADLINE_MS }] }),
  );
  dashboard = await startFaultDashboard();
  api = new DashboardApi(dashboard.url, "faults");
});

afterAll(async () => {
  const table = formatReport(report);
  fs.mkdirSync(".tmp", { recursive: true });
  fs.writeFileSync(".tmp/faults-report.md", `${table}\n`);
  console.log(`\nFault suite figures (also in .tmp/faults-report.md):\n${table}\n`);
  await dashboard?.stop();
  if (cluster) await stopClusterNow(cluster);
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

afterEach(async () => {
  // Whatever a phase did, or where it failed, the next one starts with every member running and healthy.
  for (const member of cluster.members) if (member.frozen) member.thaw();
  await Promise.all(cluster.members.filter((m) => !m.running).map((m) => m.start()));
  await cluster.waitHealthy();
});

function startFaultDashboard(): Promise<DashboardHandle> {
  return startDashboard({
    configFile,
    logFile: path.resolve(".tmp", "faults-dashboard.log"),
    env: { ETCD_ENDPOINTS: undefined, ETCD_DASHBOARD_AUDIT_LOG: path.join(tempDir, "audit.jsonl") },
  });
}

/** The member the dashboard sends its requests to now (the Cluster page shows the same). */
async function memberInUse(): Promise<Member> {
  const answer = await api.overview();
  const url = answer.body?.connection?.endpointStates?.find((s: { inUse: boolean }) => s.inUse)?.url;
  const member = cluster.members.find((m) => m.clientURL === url);
  if (!member) throw new Error(`no member in use in ${JSON.stringify(answer.body?.connection?.endpointStates)}`);
  return member;
}

function dashboardAlive(): boolean {
  try {
    process.kill(dashboard.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The invariants every phase must keep, whatever the fault. */
function expectNothingLost(figures: PhaseFigures) {
  report.push(figures);
  expect(figures.writes.lost, "acknowledged writes missing from etcd").toEqual([]);
  expect(figures.writes.failedButApplied, "writes reported failed that etcd applied").toEqual([]);
  expect(figures.events.missing, "events neither delivered nor announced by a resync").toEqual([]);
  expect(figures.events.duplicates, "events delivered twice").toEqual([]);
  expect(figures.events.outOfOrder, "events out of index order").toEqual([]);
  expect(figures.events.invented, "events etcd never had").toEqual([]);
  expect(figures.events.notReachedEnd, "subscribers that never got the phase's last event").toBe(0);
  expect(figures.writes.acknowledged, "the load made progress").toBeGreaterThan(0);
  expect(dashboardAlive(), "the dashboard process is still running").toBe(true);
}

function expectReadsNeverFailed(figures: PhaseFigures) {
  expect(figures.reads.failures.slice(0, 5), "reads that failed while quorum held").toEqual([]);
}

/** Until `attempt` succeeds; the time it took, in ms (fails the test after `limitMs` more). */
async function timeUntil(attempt: () => Promise<boolean>, limitMs = 30_000): Promise<number> {
  const started = performance.now();
  while (!(await attempt())) {
    if (performance.now() - started > limitMs) throw new Error(`not recovered after ${limitMs} ms`);
    await sleep(50);
  }
  return Math.round(performance.now() - started);
}

/** etcd answered a read through the dashboard (a missing key is an answer too). */
const readWorks = async () => {
  const answer = await api.get("/faults");
  return answer.status === 200 || answer.body?.error?.code === "key_not_found";
};
const writeWorks = async () => [200, 201].includes((await api.put("/faults/probe", { value: String(Date.now()) })).status ?? 0);
const writeWorks3 = async () => (await api.putV3(`/faults3/probe/${Date.now()}`, { text: "probe", create: true })).status === 201;

/** Two members stopped for 6 s under load, then started again: nothing lost, and writes work again within the limit. */
async function noQuorumPhase(name: string, options: PhaseOptions, probeWrite: () => Promise<boolean>): Promise<void> {
  let recovery: Record<string, number> = {};
  const figures = await runPhase(
    api,
    endpoints,
    name,
    async () => {
      const keep = (await cluster.leader())!;
      const stopped = cluster.members.filter((m) => m !== keep);
      await Promise.all(stopped.map((m) => m.stop()));
      // Longer than etcd's own request timeout (5 s + 2 election timeouts; v3: etcd-v3-api.md §0.14) and the
      // dashboard's write deadline: writes waiting for a quorum fail or say their outcome is unknown.
      await sleep(6_000);
      const backAt = performance.now();
      await Promise.all(stopped.map((m) => m.start()));
      const healthyMs = Math.round(performance.now() - backAt);
      recovery = { "members healthy ms": healthyMs, "write ok ms": await timeUntil(probeWrite) };
      return recovery;
    },
    { ...options, settleMs: 1_500 },
  );
  expectNothingLost(figures);
  expect(recovery["write ok ms"]).toBeLessThan(RECOVERY_LIMIT_MS);
}

describe("a 3-member cluster behind the dashboard", () => {
  it("no fault: the baseline", async () => {
    const figures = await runPhase(api, endpoints, "baseline", async () => void (await sleep(1_500)));
    expectNothingLost(figures);
    expectReadsNeverFailed(figures);
    expect(figures.writes.unknown + figures.writes.failed).toBe(0);
  });

  for (const which of ["in use", "leader", "last one"] as const) {
    it(`kill -9 of the member ${which === "last one" ? "not killed yet" : which}, then a restart`, async () => {
      const killed = new Set<string>();
      const figures = await runPhase(api, endpoints, `kill ${which}`, async () => {
        const victim =
          which === "in use"
            ? await memberInUse()
            : which === "leader"
              ? (await cluster.leader())!
              : cluster.members.find((m) => !report.some((r) => r.notes.killed === m.name))!;
        killed.add(victim.name);
        const pid = victim.pid;
        victim.kill("SIGKILL");
        await untilGone(pid);
        await sleep(1_500);
        const restartedAt = performance.now();
        await victim.start();
        return { killed: victim.name, "restart ms": Math.round(performance.now() - restartedAt) };
      });
      expectNothingLost(figures);
      expectReadsNeverFailed(figures);
    });
  }

  it("a frozen member (SIGSTOP) costs at most one deadline before traffic moves away from it", async () => {
    // Changes written straight to a member that is not frozen during the freeze: the dashboard's watches
    // must bring them while the member they were waiting on never answers.
    const directWrites: { index: number; ackedAt: number }[] = [];
    const figures = await runPhase(api, endpoints, "freeze in use", async ({ prefix }) => {
      const victim = await memberInUse();
      const other = cluster.members.find((m) => m !== victim)!;
      const pid = victim.pid;
      const frozenAt = performance.now();
      victim.freeze();
      await untilStopped(pid);
      for (let i = 0; performance.now() - frozenAt < 4 * READ_DEADLINE_MS; i++) {
        // While the frozen member was the leader, a write forwarded to it waits for etcd's own timeout (5 s);
        // such writes are given up on here (their events, if any, are judged with the rest of the history).
        const answer = await fetch(`${other.clientURL}/v2/keys${prefix}/direct`, {
          method: "PUT",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: `value=${i}`,
          signal: AbortSignal.timeout(300),
        })
          .then((r) => r.json())
          .catch(() => undefined);
        if (answer?.node) directWrites.push({ index: answer.node.modifiedIndex, ackedAt: performance.now() });
        await sleep(100);
      }
      victim.thaw();
      return { frozen: victim.name, "frozen ms": Math.round(performance.now() - frozenAt) };
    });
    expectNothingLost(figures);
    expectReadsNeverFailed(figures);
    // One deadline, plus the failover, at most.
    expect(figures.reads.max).toBeLessThan(READ_DEADLINE_MS + 500);
    // The same for changes: watch streams move to another member too, instead of waiting for the thaw
    // (lib/etcd/long-poll-liveness.ts probes every quarter deadline).
    const latencies = figures.subscribers.flatMap((s) => directWrites.map((w) => (s.receivedAt.get(w.index) ?? Infinity) - w.ackedAt));
    figures.notes["direct writes"] = directWrites.length;
    figures.notes["their delivery max ms"] = Math.round(Math.max(...latencies));
    expect(directWrites.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(READ_DEADLINE_MS + 750);
  });

  it("two members stopped (no quorum): writes fail or say their outcome is unknown; then the cluster is back", async () => {
    await noQuorumPhase("no quorum", {}, writeWorks);
  });

  it("the whole cluster stopped: 503 with a clear message, streams say they retry, and all recovers on its own", async () => {
    let recovery: Record<string, number> = {};
    const figures = await runPhase(
      api,
      endpoints,
      "cluster down",
      async () => {
        await Promise.all(cluster.members.map((m) => m.stop()));
        await sleep(2_500);
        const down = await api.get("/faults");
        expect(down.status).toBe(503);
        expect(down.body.error.code).toBe("etcd_unavailable");
        expect(down.body.error.message).toMatch(/etcd cannot be reached/);
        const backAt = performance.now();
        await Promise.all(cluster.members.map((m) => m.start()));
        const healthyMs = Math.round(performance.now() - backAt);
        recovery = { "members healthy ms": healthyMs, "read ok ms": await timeUntil(readWorks), "write ok ms": await timeUntil(writeWorks) };
        return recovery;
      },
      { settleMs: 1_500 },
    );
    expectNothingLost(figures);
    expect(figures.reads.failures.every((r) => r.status === 503 && r.code === "etcd_unavailable")).toBe(true);
    expect(figures.events.retryingFrames).toBeGreaterThanOrEqual(figures.events.subscribers);
    expect(recovery["read ok ms"]).toBeLessThan(RECOVERY_LIMIT_MS);
    expect(recovery["write ok ms"]).toBeLessThan(RECOVERY_LIMIT_MS);
  });

  it("the dashboard started while etcd is down serves 503s, then works once etcd starts", async () => {
    await dashboard.stop();
    await Promise.all(cluster.members.map((m) => m.stop()));
    dashboard = await startFaultDashboard();
    api = new DashboardApi(dashboard.url, "faults");
    const down = await api.get("/faults");
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe("etcd_unavailable");
    const early = await Promise.all([subscribe(api, "/faults/early", { waitReadyMs: 0 }), subscribe(api, "/faults/early", { waitReadyMs: 0 })]);
    // Streams opened while etcd is down say so.
    expect(await waitFor(() => early.every((stream) => stream.state.retryingFrames > 0), 10_000)).toBe(true);
    const backAt = performance.now();
    await Promise.all(cluster.members.map((m) => m.start()));
    const recovery = { "members healthy ms": Math.round(performance.now() - backAt), "read ok ms": await timeUntil(readWorks), "write ok ms": await timeUntil(writeWorks) };
    // ...and go live on their own.
    for (const stream of early) expect(await stream.ready(10_000)).toBe(true);
    const first = await api.put("/faults/early/k", { value: "after start" });
    const index: number = first.body.node.modifiedIndex;
    for (const stream of early) {
      expect(await stream.reached(index, 10_000)).toBe(true);
      expect(stream.state.items).toContainEqual({ type: "event", index });
      stream.close();
    }
    const figures = await runPhase(api, endpoints, "dashboard started with etcd down", async () => {
      await sleep(1_000);
      return recovery;
    });
    expectNothingLost(figures);
    expectReadsNeverFailed(figures);
    expect(recovery["read ok ms"]).toBeLessThan(RECOVERY_LIMIT_MS);
  });
});

describe("the same cluster through the v3 routes", () => {
  const v3 = { keyspace: v3Keyspace };

  it("v3, no fault: the baseline", async () => {
    const figures = await runPhase(api, endpoints, "v3 baseline", async () => void (await sleep(1_500)), v3);
    expectNothingLost(figures);
    expectReadsNeverFailed(figures);
    expect(figures.writes.unknown + figures.writes.failed).toBe(0);
    // Every event frame's data is a v3 event of the revision its id names (keyspaces.ts checkEvent).
    expect(figures.subscribers.flatMap((s) => s.failures)).toEqual([]);
  });

  it("v3: kill -9 of the member serving v3, then a restart", async () => {
    const figures = await runPhase(
      api,
      endpoints,
      "v3 kill in use",
      async () => {
        const victim = await memberServingV3(cluster.members);
        const watched = await membersWatched(cluster.members);
        const pid = victim.pid;
        victim.kill("SIGKILL");
        await untilGone(pid);
        await sleep(1_500);
        await victim.start();
        return { killed: victim.name, "watch streams on": watched.map((m) => m.name).join(" ") };
      },
      v3,
    );
    expectNothingLost(figures);
    expectReadsNeverFailed(figures);
  });

  // The v3 client's reads and its watch stream can be on different members: each is frozen in turn.
  for (const which of ["reads", "watch stream"] as const) {
    it(`v3: the member serving the ${which} frozen (SIGSTOP): reads cost at most one deadline, nothing lost`, async () => {
      const figures = await runPhase(
        api,
        endpoints,
        `v3 freeze ${which}`,
        async () => {
          const victim = which === "reads" ? await memberServingV3(cluster.members) : (await membersWatched(cluster.members))[0]!;
          const watched = await membersWatched(cluster.members);
          const pid = victim.pid;
          const frozenAt = performance.now();
          victim.freeze();
          await untilStopped(pid);
          await sleep(4 * READ_DEADLINE_MS);
          victim.thaw();
          return { frozen: victim.name, "watch streams on": watched.map((m) => m.name).join(" "), "frozen ms": Math.round(performance.now() - frozenAt) };
        },
        v3,
      );
      expectNothingLost(figures);
      expectReadsNeverFailed(figures);
      expect(figures.reads.max).toBeLessThan(READ_DEADLINE_MS + 500);
    });
  }

  it("v3: two members stopped (no quorum): writes fail or say their outcome is unknown; then the cluster is back", async () => {
    await noQuorumPhase("v3 no quorum", v3, writeWorks3);
  });

  it("v3: compaction under live watches: subscribers behind it get a resync, then the events again", async () => {
    let behind: SubscriberStream[] = [];
    const figures = await runPhase(
      api,
      endpoints,
      "v3 compaction",
      async ({ from, recordHistory, subscribe: addSubscriber }) => {
        await sleep(500);
        // The witness reads the history first: after the compaction, etcd no longer has it.
        const compactedAt = await recordHistory();
        await compact3(endpoints(), compactedAt);
        // Subscribers from the phase's start, now below the compaction: the dashboard cannot replay those
        // revisions from etcd (§6.4), so each must be told to reload (a resync), then get every change after it.
        behind = await Promise.all([addSubscriber(from), addSubscriber(from)]);
        await sleep(1_000);
        return { "compacted at": compactedAt };
      },
      v3,
    );
    expectNothingLost(figures);
    expectReadsNeverFailed(figures);
    for (const stream of behind) {
      const resync = stream.state.items.findIndex((item) => item.type === "resync");
      expect(resync, "a subscriber behind the compaction is told to reload").toBeGreaterThanOrEqual(0);
      expect(stream.state.items.slice(resync).some((item) => item.type === "event"), "events again after the resync").toBe(true);
    }
    // The live subscribers went on through the compaction without a resync.
    expect(figures.subscribers.filter((s) => s.items.some((item) => item.type === "resync"))).toHaveLength(behind.length);
  });
});
