// One shared view of each cluster for the Cluster page. However many browsers look, etcd is asked at most
// once per interval per cluster (concurrent viewers share the poll in flight and its result), and nothing
// is asked while no one looks. Each poll adds a sample to a short history for the charts.
import type { ClusterSnapshot, EtcdClient, StoreStats } from "@/lib/etcd";
import { followerSamples, storeRates, trimSamples, type ClusterSample } from "./samples";
import type { SnapshotSource } from "./snapshot-source";

export interface Poll {
  /** When the poll finished, ms since the epoch. */
  at: number;
  snapshot?: ClusterSnapshot;
  /** The poll failed as a whole (no member list: etcd unreachable, v2 disabled on a v2-only cluster, refused credentials). */
  error?: unknown;
}

export interface MonitorOptions {
  intervalMs: number;
  /** History kept for the charts. */
  historyMs?: number;
  /** A poll never takes longer than this (a frozen member answers nothing). */
  pollTimeoutMs?: number;
  now?: () => number;
}

export class ClusterMonitor {
  private last: Poll | undefined;
  private inFlight: Promise<Poll> | undefined;
  private samples: ClusterSample[] = [];
  private previousStore = new Map<string, { at: number; store: StoreStats }>();
  /** etcd polls made, for tests and diagnostics. */
  polls = 0;
  private readonly snapshot: SnapshotSource;

  /** `source`: a v2 client (its snapshot), or snapshot-source.ts's choice between v2 and v3. */
  constructor(
    source: EtcdClient | SnapshotSource,
    readonly options: MonitorOptions,
  ) {
    this.snapshot = typeof source === "function" ? source : (signal) => source.cluster.snapshot(signal);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /**
   * The latest poll, made now if the last one is older than `maxAgeMs` (shared with concurrent callers). The
   * interval by default; a reader that refreshes less often (the sidebar's badge) accepts an older one.
   */
  current(maxAgeMs = this.options.intervalMs): Promise<Poll> {
    if (this.last && this.now() - this.last.at < maxAgeMs) return Promise.resolve(this.last);
    this.inFlight ??= this.poll().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** Samples taken after `since` (ms since the epoch), oldest first. */
  history(since = 0): ClusterSample[] {
    return this.samples.filter((s) => s.at > since);
  }

  private async poll(): Promise<Poll> {
    this.polls += 1;
    const signal = AbortSignal.timeout(this.options.pollTimeoutMs ?? Math.max(5_000, this.options.intervalMs));
    let poll: Poll;
    try {
      const snapshot = await this.snapshot(signal);
      poll = { at: this.now(), snapshot };
      this.record(poll.at, snapshot);
    } catch (error) {
      poll = { at: this.now(), error };
    }
    this.last = poll;
    return poll;
  }

  private record(at: number, snapshot: ClusterSnapshot): void {
    const sample: ClusterSample = { at, followers: followerSamples(snapshot.leaderStats), storeRates: {}, watchers: {} };
    for (const member of snapshot.members) {
      if (!member.store) continue;
      const rates = storeRates(this.previousStore.get(member.id), at, member.store);
      if (rates) sample.storeRates[member.id] = rates;
      sample.watchers[member.id] = member.store.watchers;
      this.previousStore.set(member.id, { at, store: member.store });
    }
    this.samples.push(sample);
    this.samples = trimSamples(this.samples, at, this.options.historyMs ?? 10 * 60_000);
  }
}
