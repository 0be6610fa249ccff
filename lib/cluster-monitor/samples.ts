// Pure figures derived from successive cluster polls: per-member store operation rates and a bounded
// history of samples for the Cluster page's charts.
import type { LeaderStats, StoreStats } from "@/lib/etcd/wire";

/** Store counters whose per-second rate the page charts (watchers is a level, not a counter). */
export const STORE_COUNTERS = [
  "getsSuccess",
  "getsFail",
  "setsSuccess",
  "setsFail",
  "deleteSuccess",
  "deleteFail",
  "updateSuccess",
  "updateFail",
  "createSuccess",
  "createFail",
  "compareAndSwapSuccess",
  "compareAndSwapFail",
  "compareAndDeleteSuccess",
  "compareAndDeleteFail",
  "expireCount",
] as const;
export type StoreCounter = (typeof STORE_COUNTERS)[number];

export interface FollowerSample {
  current: number;
  average: number;
  minimum: number;
  maximum: number;
  standardDeviation: number;
  success: number;
  fail: number;
}

export interface ClusterSample {
  /** ms since the epoch. */
  at: number;
  /** Follower id -> latency (ms) and counts, from the leader. */
  followers: Record<string, FollowerSample>;
  /** Member id -> operations per second since the previous poll (absent on a member's first poll or after its restart). */
  storeRates: Record<string, Partial<Record<StoreCounter, number>>>;
  /** Member id -> etcd's watcher count. */
  watchers: Record<string, number>;
}

/**
 * Operations per second between two readings of a member's store counters; undefined when the member
 * restarted in between (its counters went back) or no time passed.
 */
export function storeRates(previous: { at: number; store: StoreStats } | undefined, at: number, store: StoreStats): Partial<Record<StoreCounter, number>> | undefined {
  if (!previous) return undefined;
  const seconds = (at - previous.at) / 1000;
  if (seconds <= 0) return undefined;
  const rates: Partial<Record<StoreCounter, number>> = {};
  for (const counter of STORE_COUNTERS) {
    const delta = store[counter] - previous.store[counter];
    if (delta < 0) return undefined;
    rates[counter] = delta / seconds;
  }
  return rates;
}

export function followerSamples(stats: LeaderStats | undefined): Record<string, FollowerSample> {
  const out: Record<string, FollowerSample> = {};
  for (const [id, follower] of Object.entries(stats?.followers ?? {})) {
    out[id] = { ...follower.latency, success: follower.counts.success, fail: follower.counts.fail };
  }
  return out;
}

/** Keeps samples newer than `windowMs` before `now`, oldest first. */
export function trimSamples(samples: ClusterSample[], now: number, windowMs: number): ClusterSample[] {
  const from = now - windowMs;
  let first = 0;
  while (first < samples.length && samples[first]!.at < from) first++;
  return first === 0 ? samples : samples.slice(first);
}
