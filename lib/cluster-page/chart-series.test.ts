import { describe, expect, it } from "vitest";
import type { ClusterSample, FollowerSample } from "@/lib/cluster-monitor/samples";
import { chartSpanMs, followerLatencyChart, latestStoreRates, storeRateChart, summarizeSeries } from "./chart-series";

const follower = (current: number): FollowerSample => ({ current, average: current, minimum: current, maximum: current, standardDeviation: 0, success: 1, fail: 0 });

describe("followerLatencyChart", () => {
  it("has one line per follower, null before it appears, named and sorted by name", () => {
    const samples: ClusterSample[] = [
      { at: 1000, followers: { b: follower(0.2) }, storeRates: {}, watchers: {} },
      { at: 2000, followers: { a: follower(0.5), b: follower(0.3) }, storeRates: {}, watchers: {} },
    ];
    const names: Record<string, string> = { a: "m3", b: "m2" };
    expect(followerLatencyChart(samples, (id) => names[id]!, 1000)).toEqual({
      times: [1, 2],
      series: [
        { label: "m2", values: [0.2, 0.3] },
        { label: "m3", values: [null, 0.5] },
      ],
      missedPolls: 0,
    });
  });

  it("breaks every line where polls got no answer instead of drawing through the silence", () => {
    const samples: ClusterSample[] = [
      { at: 1000, followers: { b: follower(0.2) }, storeRates: {}, watchers: {} },
      { at: 2000, followers: { b: follower(0.3) }, storeRates: {}, watchers: {} },
      // Polls at 3000, 4000 and 5000 failed: the monitor kept no sample of them.
      { at: 6000, followers: { b: follower(0.4) }, storeRates: {}, watchers: {} },
      { at: 7400, followers: { b: follower(0.5) }, storeRates: {}, watchers: {} },
    ];
    const chart = followerLatencyChart(samples, () => "m2", 1000);
    expect(chart.times).toEqual([1, 2, 4, 6, 7.4]);
    expect(chart.series[0]!.values).toEqual([0.2, 0.3, null, 0.4, 0.5]);
    expect(chart.missedPolls).toBe(3);
  });
});

describe("storeRateChart", () => {
  const samples: ClusterSample[] = [
    { at: 1000, followers: {}, storeRates: {}, watchers: {} },
    { at: 2000, followers: {}, storeRates: { m: { getsSuccess: 3, getsFail: 1, setsSuccess: 2, expireCount: 0.5 } }, watchers: {} },
    { at: 3000, followers: {}, storeRates: { other: { getsSuccess: 9 } }, watchers: {} },
  ];
  it("adds success and fail of an operation, null when the member has no rate", () => {
    const chart = storeRateChart(samples, "m", 1000, (operation) => `op:${operation}`);
    expect(chart.times).toEqual([1, 2, 3]);
    expect(chart.series.find((s) => s.label === "op:gets")!.values).toEqual([null, 4, null]);
    expect(chart.series.find((s) => s.label === "op:sets")!.values).toEqual([null, 2, null]);
    expect(chart.series.find((s) => s.label === "op:expires")!.values).toEqual([null, 0.5, null]);
    expect(chart.series.map((s) => s.label)).toHaveLength(8);
  });
  it("finds the latest rates of a member", () => {
    expect(latestStoreRates(samples, "m")).toMatchObject({ getsSuccess: 3 });
    expect(latestStoreRates(samples, "nobody")).toBeUndefined();
  });
});

describe("summarizeSeries", () => {
  it("latest, min, max and mean, ignoring gaps", () => {
    expect(summarizeSeries({ label: "x", values: [1, null, 3, null] })).toEqual({ label: "x", latest: 3, min: 1, max: 3, mean: 2 });
  });
  it("is empty for a line without values", () => {
    expect(summarizeSeries({ label: "x", values: [null] })).toEqual({ label: "x", latest: null, min: null, max: null, mean: null });
  });
});

describe("chartSpanMs", () => {
  it("is the time from the first sample to the last", () => {
    expect(chartSpanMs({ times: [] })).toBe(0);
    expect(chartSpanMs({ times: [5] })).toBe(0);
    expect(chartSpanMs({ times: [100, 101.5, 700] })).toBe(600_000);
  });
});
