"use client";
import { useMemo } from "react";
import type { ErrorSummary, MemberOverview } from "@/lib/api/cluster-overview";
import type { ClusterSample } from "@/lib/cluster-monitor/samples";
import type { LeaderStatsData } from "@/lib/api/cluster-overview";
import { followerLatencyChart } from "@/lib/cluster-page/chart-series";
import { formatCount, formatLatency } from "@/lib/cluster-page/format";
import { memberLabel } from "@/lib/cluster-page/member-label";
import { CELL, DataTable, MONO_CELL } from "./table";
import { TimeChart } from "./time-chart";

export interface LeaderStatsProps {
  stats?: LeaderStatsData;
  error?: ErrorSummary;
  members: MemberOverview[];
  samples: ClusterSample[];
  /** The poll interval: a longer silence between samples is a gap in the chart. */
  intervalMs: number;
}

/** The leader's view of each follower: latency and append counts, and the latency over time. */
export function LeaderStats({ stats, error, members, samples, intervalMs }: LeaderStatsProps) {
  const names = useMemo(() => new Map(members.map((m) => [m.id, memberLabel(m)])), [members]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const chart = useMemo(() => followerLatencyChart(samples, (id) => names.get(id) ?? id, intervalMs), [samples, names, intervalMs]);
  const leader = stats ? nameOf(stats.leader) : undefined;
  const followers = Object.entries(stats?.followers ?? {}).sort(([a], [b]) => nameOf(a).localeCompare(nameOf(b)));
  return (
    <div className="space-y-2">
      {error ? (
        <p className="text-sm text-warning">Leader stats unavailable: {error.message}</p>
      ) : !stats ? (
        <p className="text-sm text-muted">No leader: no member reports itself leader.</p>
      ) : (
        <>
          <p className="text-sm">
            Leader: <span className="font-medium">{leader}</span>
          </p>
          {followers.length === 0 ? (
            <p className="text-sm text-muted">A single-member cluster has no followers.</p>
          ) : (
            <DataTable caption="Followers as the leader sees them" columns={["Follower", "Current", "Average", "Minimum", "Maximum", "Std deviation", "Successes", "Failures"]}>
              {followers.map(([id, f]) => (
                <tr key={id}>
                  <th scope="row" className={`${CELL} font-medium`}>
                    {nameOf(id)}
                  </th>
                  <td className={MONO_CELL}>{formatLatency(f.latency.current)}</td>
                  <td className={MONO_CELL}>{formatLatency(f.latency.average)}</td>
                  <td className={MONO_CELL}>{formatLatency(f.latency.minimum)}</td>
                  <td className={MONO_CELL}>{formatLatency(f.latency.maximum)}</td>
                  <td className={MONO_CELL}>{formatLatency(f.latency.standardDeviation)}</td>
                  <td className={MONO_CELL}>{formatCount(f.counts.success)}</td>
                  <td className={MONO_CELL}>{formatCount(f.counts.fail)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
      <p className="text-xs text-muted">
        etcd&apos;s latency is the time the leader takes to send an append message, not a round trip; a stopped follower&apos;s figures freeze rather than fail, so health above comes from each member&apos;s
        own /health.
      </p>
      <TimeChart title="Follower latency (current)" data={chart} format={formatLatency} />
    </div>
  );
}
