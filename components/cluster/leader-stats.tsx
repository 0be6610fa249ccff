"use client";
import { useCallback, useMemo } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { ErrorSummary, MemberOverview } from "@/lib/api/cluster-overview";
import type { ClusterSample } from "@/lib/cluster-monitor/samples";
import type { LeaderStatsData } from "@/lib/api/cluster-overview";
import { followerLatencyChart } from "@/lib/cluster-page/chart-series";
import { formatLatency } from "@/lib/cluster-page/format";
import { useMemberLabel } from "./use-member-label";
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
  const t = useTranslations("cluster.leader");
  const memberLabel = useMemberLabel();
  const format = useFormatter();
  const latency = useCallback((ms: number) => formatLatency(ms, format), [format]);
  const names = useMemo(() => new Map(members.map((m) => [m.id, memberLabel(m)])), [members, memberLabel]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const chart = useMemo(() => followerLatencyChart(samples, (id) => names.get(id) ?? id, intervalMs), [samples, names, intervalMs]);
  const leader = stats ? nameOf(stats.leader) : undefined;
  const followers = Object.entries(stats?.followers ?? {}).sort(([a], [b]) => nameOf(a).localeCompare(nameOf(b)));
  return (
    <div className="space-y-2">
      {error ? (
        <p className="text-sm text-warning">{t("unavailable", { message: error.message })}</p>
      ) : !stats ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <>
          <p className="text-sm">{t.rich("is", { name: leader ?? "", strong: (chunks) => <span className="font-medium">{chunks}</span> })}</p>
          {followers.length === 0 ? (
            <p className="text-sm text-muted">{t("noFollowers")}</p>
          ) : (
            <DataTable caption={t("caption")} columns={[t("follower"), t("current"), t("average"), t("minimum"), t("maximum"), t("stdDev"), t("successes"), t("failures")]}>
              {followers.map(([id, f]) => (
                <tr key={id}>
                  <th scope="row" className={`${CELL} font-medium`}>
                    {nameOf(id)}
                  </th>
                  <td className={MONO_CELL}>{latency(f.latency.current)}</td>
                  <td className={MONO_CELL}>{latency(f.latency.average)}</td>
                  <td className={MONO_CELL}>{latency(f.latency.minimum)}</td>
                  <td className={MONO_CELL}>{latency(f.latency.maximum)}</td>
                  <td className={MONO_CELL}>{latency(f.latency.standardDeviation)}</td>
                  <td className={MONO_CELL}>{format.number(f.counts.success)}</td>
                  <td className={MONO_CELL}>{format.number(f.counts.fail)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
      <p className="text-xs text-muted">{t("note")}</p>
      <TimeChart title={t("chartTitle")} data={chart} format={latency} />
    </div>
  );
}
