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
  /** Polls that got no answer inside the charted span: each silence is a null point, a gap in every line. */
  missedPolls: number;
}

/** A silence longer than this many intervals between two samples means polls were missed. */
const MISSED_AFTER_INTERVALS = 1.5;

/**
 * The samples in time order with `undefined` in the middle of each silence (the monitor keeps no sample of a
 * poll that failed), so that the chart breaks its lines there instead of drawing through what was not measured.
 */
function withSilences(samples: readonly ClusterSample[], intervalMs: number): { points: { at: number; sample?: ClusterSample }[]; missed: number } {
  const points: { at: number; sample?: ClusterSample }[] = [];
  let missed = 0;
  samples.forEach((sample, i) => {
    const previous = samples[i - 1];
    if (previous && sample.at - previous.at > MISSED_AFTER_INTERVALS * intervalMs) {
      points.push({ at: (previous.at + sample.at) / 2 });
      missed += Math.max(1, Math.round((sample.at - previous.at) / intervalMs) - 1);
    }
    points.push({ at: sample.at, sample });
  });
  return { points, missed };
}

/** Chart data with one line per id: `valueOf` null where that line has no value in a sample. */
function chartOf(samples: readonly ClusterSample[], intervalMs: number, lines: { label: string; valueOf: (sample: ClusterSample) => number | null }[]): ChartData {
  const { points, missed } = withSilences(samples, intervalMs);
  return {
    times: points.map((p) => p.at / 1000),
    series: lines.map(({ label, valueOf }) => ({ label, values: points.map((p) => (p.sample ? valueOf(p.sample) : null)) })),
    missedPolls: missed,
  };
}

/** Current latency (ms) of each follower the leader reported, named by `nameOf`. */
export function followerLatencyChart(samples: readonly ClusterSample[], nameOf: (id: string) => string, intervalMs: number): ChartData {
  const ids = [...new Set(samples.flatMap((s) => Object.keys(s.followers)))].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return chartOf(
    samples,
    intervalMs,
    ids.map((id) => ({ label: nameOf(id), valueOf: (s) => s.followers[id]?.current ?? null })),
  );
}

/** A line of the store chart: the component words it in the page's language. */
export type StoreOperation = "gets" | "sets" | "creates" | "updates" | "deletes" | "compareAndSwaps" | "compareAndDeletes" | "expires";

/** The store counters charted together: success and fail of one operation make one line. */
const STORE_OPERATIONS: { operation: StoreOperation; counters: StoreCounter[] }[] = [
  { operation: "gets", counters: ["getsSuccess", "getsFail"] },
  { operation: "sets", counters: ["setsSuccess", "setsFail"] },
  { operation: "creates", counters: ["createSuccess", "createFail"] },
  { operation: "updates", counters: ["updateSuccess", "updateFail"] },
  { operation: "deletes", counters: ["deleteSuccess", "deleteFail"] },
  { operation: "compareAndSwaps", counters: ["compareAndSwapSuccess", "compareAndSwapFail"] },
  { operation: "compareAndDeletes", counters: ["compareAndDeleteSuccess", "compareAndDeleteFail"] },
  { operation: "expires", counters: ["expireCount"] },
];

/** Operations per second of one member's store, one line per operation, named by `nameOf`. */
export function storeRateChart(samples: readonly ClusterSample[], memberId: string, intervalMs: number, nameOf: (operation: StoreOperation) => string): ChartData {
  return chartOf(
    samples,
    intervalMs,
    STORE_OPERATIONS.map(({ operation, counters }) => ({
      label: nameOf(operation),
      valueOf: (s) => {
        const rates = s.storeRates[memberId];
        if (!rates) return null;
        return counters.reduce((sum, counter) => sum + (rates[counter] ?? 0), 0);
      },
    })),
  );
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
