// One phase of the fault suite: steady load through the dashboard, a fault in the middle, then etcd's
// history read directly and every client's record judged against it. The figures go into a report row.
import { deliveryLatencies, judgeDelivery, judgeWrites, percentile, type DeliveryVerdict, type WriteVerdict } from "../../lib/testing/fault-verdict";
import { sleep } from "../../lib/testing/etcd-direct";
import { startWitness2 } from "./etcd-witness";
import { startWitness3 } from "./etcd-witness3";
import { v2Keyspace } from "./keyspaces";
import { startLoad, subscribe, type DashboardApi, type LoadOptions, type ReadRecord, type Subscriber, type SubscriberStream } from "./load";

export interface PhaseFigures {
  phase: string;
  reads: { tried: number; failed: number; p50: number; p99: number; max: number; failures: ReadRecord[] };
  writes: WriteVerdict;
  events: DeliveryVerdict & { subscribers: number; notReachedEnd: number; reconnects: number; retryingFrames: number; latency: { p50: number; p99: number; max: number } };
  /** What the fault step measured (recovery times and the like), for the report. */
  notes: Record<string, number | string>;
  subscribers: Subscriber[];
}

export interface PhaseOptions extends Partial<LoadOptions> {
  /** Load before the fault starts. */
  warmupMs?: number;
  /** Load after the fault step returned. */
  settleMs?: number;
  /** How long subscribers get to reach the phase's closing event. */
  deliveryTimeoutMs?: number;
}

/** What a phase's fault step may use besides its prefix. */
export interface PhaseContext {
  prefix: string;
  /** The phase's first position (its `stable` key, written straight to etcd before the load started). */
  from: number;
  /** Reads etcd's history so far, before a compaction would hide it (v3 only); the revision it reached. */
  recordHistory(): Promise<number>;
  /** One more subscriber, judged with the others (`from`: watching from that position on). */
  subscribe(from?: number): Promise<SubscriberStream>;
}

/** Runs `fault` under load below `/faults/<name>` (v3: `/faults3/<name>/`) and returns the judged figures. */
export async function runPhase(
  api: DashboardApi,
  endpoints: () => readonly string[],
  name: string,
  fault: (phase: PhaseContext) => Promise<Record<string, number | string> | void>,
  options: PhaseOptions = {},
): Promise<PhaseFigures> {
  const { warmupMs = 600, settleMs = 800, deliveryTimeoutMs = 15_000, keyspace = v2Keyspace, ...loadOptions } = options;
  const prefix = `/${keyspace.name === "v3" ? "faults3" : "faults"}/${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
  const witness = await (keyspace.name === "v3" ? startWitness3 : startWitness2)(endpoints, prefix);
  const from = witness.from;
  const load = await startLoad(api, { prefix, keyspace, ...loadOptions });
  await sleep(warmupMs);
  const notes =
    (await fault({
      prefix,
      from,
      recordHistory: witness.record,
      subscribe: async (start) => {
        const stream = await subscribe(api, prefix, { keyspace, from: start });
        load.streams.push(stream);
        return stream;
      },
    })) ?? {};
  await sleep(settleMs);
  await load.stop();
  const { history, endIndex } = await witness.close();
  const reachedEnd = await Promise.all(load.streams.map((s) => s.reached(endIndex, deliveryTimeoutMs)));
  load.close();

  const { reads, writes, subscribers } = load.result();
  const ms = reads.map((r) => r.ms);
  const deliveries = subscribers.map((s) => judgeDelivery(s.items, history, (s.readyIndex ?? from) + 1, endIndex));
  const latencies = subscribers.flatMap((s) => deliveryLatencies(writes, s.receivedAt));
  const sum = (pick: (d: DeliveryVerdict) => number) => deliveries.reduce((n, d) => n + pick(d), 0);
  const all = (pick: (d: DeliveryVerdict) => number[]) => deliveries.flatMap(pick);
  return {
    phase: name,
    reads: { tried: reads.length, failed: reads.filter((r) => !r.ok).length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: Math.max(0, ...ms), failures: reads.filter((r) => !r.ok) },
    writes: judgeWrites(writes, history),
    events: {
      subscribers: subscribers.length,
      expected: sum((d) => d.expected),
      received: sum((d) => d.received),
      duplicates: all((d) => d.duplicates),
      outOfOrder: all((d) => d.outOfOrder),
      missing: all((d) => d.missing),
      invented: all((d) => d.invented),
      coveredByResync: sum((d) => d.coveredByResync),
      resyncs: sum((d) => d.resyncs),
      notReachedEnd: reachedEnd.filter((reached) => !reached).length,
      reconnects: subscribers.reduce((n, s) => n + s.reconnects, 0),
      retryingFrames: subscribers.reduce((n, s) => n + s.retryingFrames, 0),
      latency: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(0, ...latencies) },
    },
    notes,
    subscribers,
  };
}

/** The report: one row per phase, the figures the issue asks for. */
export function formatReport(rows: readonly PhaseFigures[]): string {
  const head = ["phase", "reads ok/tried", "read p50/p99/max ms", "writes tried", "acked", "failed", "unknown (landed)", "lost", "failed but landed", "events expected x subs", "received", "resync-covered", "missing/dup/disorder", "delivery p50/p99/max ms", "notes"];
  const lines = rows.map((r) => [
    r.phase,
    `${r.reads.tried - r.reads.failed}/${r.reads.tried}`,
    `${r.reads.p50.toFixed(1)}/${r.reads.p99.toFixed(0)}/${r.reads.max.toFixed(0)}`,
    String(r.writes.tried),
    String(r.writes.acknowledged),
    String(r.writes.failed),
    `${r.writes.unknown} (${r.writes.unknownApplied})`,
    String(r.writes.lost.length),
    String(r.writes.failedButApplied.length),
    `${r.events.expected}`,
    String(r.events.received),
    String(r.events.coveredByResync),
    `${r.events.missing.length}/${r.events.duplicates.length}/${r.events.outOfOrder.length}`,
    `${r.events.latency.p50.toFixed(0)}/${r.events.latency.p99.toFixed(0)}/${r.events.latency.max.toFixed(0)}`,
    Object.entries(r.notes)
      .map(([k, v]) => `${k}=${v}`)
      .join(", "),
  ]);
  return [head, head.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
