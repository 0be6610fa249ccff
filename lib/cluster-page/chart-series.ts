// Chart data from samples: one time axis (seconds, as uPlot expects) and one series per line, with null
// where a line has no value (a follower not yet known, a member that restarted).
import type { ClusterSample, StoreCounter } from "@/lib/cluster-monitor/samples";

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

export interface ChartData {
  /** Seconds since the epoch. */
  times: number[];
  series: ChartSeries[];
}

/** Current latency (ms) of each follower the leader reported, named by `nameOf`. */
export function followerLatencyChart(samples: readonly ClusterSample[], nameOf: (id: string) => string): ChartData {
  const ids = [...new Set(samples.flatMap((s) => Object.keys(s.followers)))].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return {
    times: samples.map((s) => s.at / 1000),
    series: ids.map((id) => ({ label: nameOf(id), values: samples.map((s) => s.followers[id]?.current ?? null) })),
  };
}

/** The store counters charted together: success and fail of one operation make one line. */
const STORE_OPERATIONS: { label: string; counters: StoreCounter[] }[] = [
  { label: "gets", counters: ["getsSuccess", "getsFail"] },
  { label: "sets", counters: ["setsSuccess", "setsFail"] },
  { label: "creates", counters: ["createSuccess", "createFail"] },
  { label: "updates", counters: ["updateSuccess", "updateFail"] },
  { label: "deletes", counters: ["deleteSuccess", "deleteFail"] },
  { label: "compare-and-swaps", counters: ["compareAndSwapSuccess", "compareAndSwapFail"] },
  { label: "compare-and-deletes", counters: ["compareAndDeleteSuccess", "compareAndDeleteFail"] },
  { label: "expires", counters: ["expireCount"] },
];

/** Operations per second of one member's store, one line per operation. */
export function storeRateChart(samples: readonly ClusterSample[], memberId: string): ChartData {
  return {
    times: samples.map((s) => s.at / 1000),
    series: STORE_OPERATIONS.map(({ label, counters }) => ({
      label,
      values: samples.map((s) => {
        const rates = s.storeRates[memberId];
        if (!rates) return null;
        return counters.reduce((sum, counter) => sum + (rates[counter] ?? 0), 0);
      }),
    })),
  };
}

/** The latest rate of every store counter of a member, for the table beside the chart. */
export function latestStoreRates(samples: readonly ClusterSample[], memberId: string): Partial<Record<StoreCounter, number>> | undefined {
  for (let i = samples.length - 1; i >= 0; i--) {
    const rates = samples[i]!.storeRates[memberId];
    if (rates) return rates;
  }
  return undefined;
}

export interface SeriesSummary {
  label: string;
  latest: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** A line in numbers, for screen readers and the chart's text alternative. */
export function summarizeSeries(series: ChartSeries): SeriesSummary {
  const values = series.values.filter((v): v is number => v !== null);
  if (values.length === 0) return { label: series.label, latest: null, min: null, max: null, mean: null };
  let latest: number | null = null;
  for (let i = series.values.length - 1; i >= 0 && latest === null; i--) latest = series.values[i]!;
  return {
    label: series.label,
    latest,
    min: Math.min(...values),
    max: Math.max(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
  };
}

/** How much time a chart covers, ms. */
export function chartSpanMs(data: Pick<ChartData, "times">): number {
  return data.times.length > 1 ? (data.times[data.times.length - 1]! - data.times[0]!) * 1000 : 0;
}
