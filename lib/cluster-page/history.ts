// The browser's copy of the chart history: the first request gets the server's whole history, later
// ones only what is newer (`since`), appended here and trimmed to the same window the server keeps.
import type { ClusterOverview } from "@/lib/api/cluster-overview";
import { trimSamples, type ClusterSample } from "@/lib/cluster-monitor/samples";

/** As long as the server keeps (lib/cluster-monitor/monitor.ts). */
const HISTORY_WINDOW_MS = 10 * 60_000;

/** The `since` to ask for: the newest sample held, or nothing (the whole history) when none is. */
export function sinceOf(samples: readonly ClusterSample[] | undefined): number | undefined {
  return samples?.length ? samples[samples.length - 1]!.at : undefined;
}

/** Held samples plus new ones, oldest first, each time once, within the window before the newest. */
export function mergeSamples(held: readonly ClusterSample[], incoming: readonly ClusterSample[], windowMs = HISTORY_WINDOW_MS): ClusterSample[] {
  if (incoming.length === 0) return held as ClusterSample[];
  const byTime = new Map<number, ClusterSample>();
  for (const sample of held) byTime.set(sample.at, sample);
  for (const sample of incoming) byTime.set(sample.at, sample);
  const merged = [...byTime.values()].sort((a, b) => a.at - b.at);
  return trimSamples(merged, merged[merged.length - 1]!.at, windowMs);
}

/** The newest overview with every sample held so far. */
export function withHistory(previous: ClusterOverview | undefined, latest: ClusterOverview, windowMs = HISTORY_WINDOW_MS): ClusterOverview {
  return { ...latest, samples: mergeSamples(previous?.samples ?? [], latest.samples, windowMs) };
}
