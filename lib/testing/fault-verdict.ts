// What the fault suite (e2e/faults) concludes from what its clients saw and what etcd holds: pure
// functions, so the rules themselves are unit-tested. etcd's own event history, read straight from a
// member after each phase, is the witness; the dashboard's answers and streams are what is judged.
// One judge for both keyspaces: an "index" is etcd's modifiedIndex on v2 and the event's mod revision on v3
// (the v3 load writes one key per transaction, so a revision names one event, as an index does).

/** How the dashboard answered a write. */
export type WriteOutcome = "acknowledged" | "failed" | "unknown";

export interface WriteRecord {
  key: string;
  /** Unique per write, so etcd's history says whether this very write landed. */
  value: string;
  outcome: WriteOutcome;
  /** The modifiedIndex (v3: revision) the dashboard reported for an acknowledged write. */
  index?: number;
  /** When the acknowledgement arrived (performance.now()), for delivery latencies. */
  ackedAt?: number;
  /** HTTP status and error code of the answer (absent when the connection to the dashboard failed). */
  status?: number;
  code?: string;
}

/** One event of etcd's history (a set, compareAndSwap, delete ...; on v3 a put or a delete at a revision). */
export interface HistoryEvent {
  index: number;
  key: string;
  /** The value the event wrote; absent for deletes and directories. */
  value?: string;
}

export interface WriteVerdict {
  tried: number;
  acknowledged: number;
  failed: number;
  unknown: number;
  /** Of the unknown ones, those etcd did apply. */
  unknownApplied: number;
  /** Acknowledged, yet not in etcd's history at the reported index with its value: a lost write. */
  lost: WriteRecord[];
  /** Reported as failed, yet etcd applied it: a failure that was a success. */
  failedButApplied: WriteRecord[];
}

/** Checks every write the dashboard answered against etcd's history of the same keys. */
export function judgeWrites(writes: readonly WriteRecord[], history: readonly HistoryEvent[]): WriteVerdict {
  const byIndex = new Map(history.map((event) => [event.index, event]));
  const applied = new Set(history.filter((event) => event.value !== undefined).map((event) => `${event.key}\u0000${event.value}`));
  const verdict: WriteVerdict = { tried: writes.length, acknowledged: 0, failed: 0, unknown: 0, unknownApplied: 0, lost: [], failedButApplied: [] };
  for (const write of writes) {
    const landed = applied.has(`${write.key}\u0000${write.value}`);
    if (write.outcome === "acknowledged") {
      verdict.acknowledged += 1;
      const event = write.index === undefined ? undefined : byIndex.get(write.index);
      if (!event || event.key !== write.key || event.value !== write.value) verdict.lost.push(write);
    } else if (write.outcome === "failed") {
      verdict.failed += 1;
      if (landed) verdict.failedButApplied.push(write);
    } else {
      verdict.unknown += 1;
      if (landed) verdict.unknownApplied += 1;
    }
  }
  return verdict;
}

/** What a watch subscriber received, in order: events by index, and resyncs with the index (v3: revision) they restart at. */
export type ReceivedItem = { type: "event"; index: number } | { type: "resync"; etcdIndex: number };

export interface DeliveryVerdict {
  /** Events of etcd's history in the subscriber's span. */
  expected: number;
  /** Events received, duplicates included. */
  received: number;
  /** Received more than once. */
  duplicates: number[];
  /** Received after a higher index. */
  outOfOrder: number[];
  /** Expected and never received, and not covered by a resync either. */
  missing: number[];
  /** Not received, but announced as missed by a resync (the subscriber was told to reload). */
  coveredByResync: number;
  resyncs: number;
  /** Received but not in etcd's history: an event that never happened. */
  invented: number[];
}

/**
 * Judges one subscriber. `history` holds every event below the watched prefix; `from` is the first index
 * the subscriber was owed (its ready frame's index + 1) and `until` the last index that must have arrived.
 * A resync to index R excuses the events after the last one received before it, up to R.
 */
export function judgeDelivery(received: readonly ReceivedItem[], history: readonly HistoryEvent[], from: number, until: number): DeliveryVerdict {
  const owed = history.map((event) => event.index).filter((index) => index >= from && index <= until);
  const known = new Set(history.map((event) => event.index));
  const verdict: DeliveryVerdict = { expected: owed.length, received: 0, duplicates: [], outOfOrder: [], missing: [], coveredByResync: 0, resyncs: 0, invented: [] };
  const seen = new Set<number>();
  const excused: [number, number][] = [];
  let position = from - 1;
  for (const item of received) {
    if (item.type === "resync") {
      verdict.resyncs += 1;
      if (item.etcdIndex > position) excused.push([position + 1, item.etcdIndex]);
      position = Math.max(position, item.etcdIndex);
      continue;
    }
    verdict.received += 1;
    if (seen.has(item.index)) verdict.duplicates.push(item.index);
    else if (item.index < position) verdict.outOfOrder.push(item.index);
    if (!known.has(item.index)) verdict.invented.push(item.index);
    seen.add(item.index);
    position = Math.max(position, item.index);
  }
  for (const index of owed) {
    if (seen.has(index)) continue;
    if (excused.some(([low, high]) => index >= low && index <= high)) verdict.coveredByResync += 1;
    else verdict.missing.push(index);
  }
  return verdict;
}

/**
 * How long after its acknowledgement each acknowledged write reached a subscriber, in ms: `receivedAt`
 * maps an event's index to when the subscriber got it. Writes the subscriber never got are left out
 * (judgeDelivery reports them).
 */
export function deliveryLatencies(writes: readonly WriteRecord[], receivedAt: ReadonlyMap<number, number>): number[] {
  const latencies: number[] = [];
  for (const write of writes) {
    if (write.outcome !== "acknowledged" || write.index === undefined || write.ackedAt === undefined) continue;
    const at = receivedAt.get(write.index);
    if (at !== undefined) latencies.push(Math.max(0, at - write.ackedAt));
  }
  return latencies;
}

/** p-th percentile (0-100) of the values, nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
