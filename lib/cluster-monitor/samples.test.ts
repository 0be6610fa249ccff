import { describe, expect, it } from "vitest";
import type { StoreStats } from "@/lib/etcd";
import { STORE_COUNTERS, followerSamples, storeRates, trimSamples, type ClusterSample } from "./samples";

const store = (gets: number, sets: number): StoreStats => ({ ...Object.fromEntries(STORE_COUNTERS.map((c) => [c, 0])), getsSuccess: gets, setsSuccess: sets, watchers: 3 }) as StoreStats;

describe("storeRates", () => {
  it("divides each counter's growth by the seconds between readings", () => {
    const rates = storeRates({ at: 1_000, store: store(10, 4) }, 3_000, store(30, 5))!;
    expect(rates.getsSuccess).toBe(10);
    expect(rates.setsSuccess).toBe(0.5);
    expect(rates.expireCount).toBe(0);
    expect(rates).not.toHaveProperty("watchers");
  });
  it("has no rate on the first reading, when no time passed, or after a restart reset the counters", () => {
    expect(storeRates(undefined, 1_000, store(1, 1))).toBeUndefined();
    expect(storeRates({ at: 1_000, store: store(1, 1) }, 1_000, store(2, 2))).toBeUndefined();
    expect(storeRates({ at: 1_000, store: store(50, 1) }, 2_000, store(3, 2))).toBeUndefined();
  });
});

describe("followerSamples", () => {
  it("flattens each follower's latency and counts", () => {
    const latency = { current: 1, average: 2, standardDeviation: 3, minimum: 0.5, maximum: 9 };
    expect(followerSamples({ leader: "a", followers: { b: { latency, counts: { success: 7, fail: 1 } } } })).toEqual({ b: { ...latency, success: 7, fail: 1 } });
    expect(followerSamples(undefined)).toEqual({});
  });
});

describe("trimSamples", () => {
  const sample = (at: number): ClusterSample => ({ at, followers: {}, storeRates: {}, watchers: {} });
  it("drops samples older than the window and keeps the array when nothing is old", () => {
    const samples = [sample(1), sample(5), sample(9)];
    expect(trimSamples(samples, 10, 6).map((s) => s.at)).toEqual([5, 9]);
    expect(trimSamples(samples, 10, 100)).toBe(samples);
  });
});
