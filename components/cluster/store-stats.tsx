"use client";
import { useCallback, useId, useMemo, useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import type { MemberOverview } from "@/lib/api/cluster-overview";
import type { ClusterSample } from "@/lib/cluster-monitor/samples";
import { latestStoreRates, storeRateChart } from "@/lib/cluster-page/chart-series";
import { formatPerSecond } from "@/lib/cluster-page/format";
import { useMemberLabel } from "./use-member-label";
import { storeGroups, type StoreGroup } from "@/lib/cluster-page/store-groups";
import { CELL, DataTable, MONO_CELL } from "./table";
import { TimeChart } from "./time-chart";

export interface StoreStatsProps {
  members: MemberOverview[];
  samples: ClusterSample[];
  /** Charted first: the leader applies every write. */
  leaderId?: string;
  /** The poll interval: a longer silence between samples is a gap in the chart. */
  intervalMs: number;
}

/**
 * Each member's store in groups (reads, writes, compare-and-swap, expiries, watchers) with successes, failures
 * and the rate since the previous poll, and one member's operations per second over time (counters are per
 * member: summing them would count each write once per member).
 */
export function StoreStats({ members, samples, leaderId, intervalMs }: StoreStatsProps) {
  const t = useTranslations("cluster.store");
  const memberLabel = useMemberLabel();
  const format = useFormatter();
  const perSecond = useCallback((rate: number) => formatPerSecond(rate, format), [format]);
  const withStore = members.filter((m) => m.store);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const selectId = useId();
  const chartedId = picked && withStore.some((m) => m.id === picked) ? picked : (withStore.find((m) => m.id === leaderId) ?? withStore[0])?.id;
  const chart = useMemo(() => (chartedId ? storeRateChart(samples, chartedId, intervalMs, (operation) => t(`chartLines.${operation}`)) : undefined), [samples, chartedId, intervalMs, t]);
  const groups = useMemo(() => new Map(withStore.map((m) => [m.id, storeGroups(m.store!, latestStoreRates(samples, m.id))])), [samples, withStore]);
  if (withStore.length === 0) return <p className="text-sm text-muted">{t("noMember")}</p>;
  const charted = withStore.find((m) => m.id === chartedId)!;
  const groupNames = groups.get(withStore[0]!.id)!.map((g) => g.name);
  return (
    <div className="space-y-3">
      <DataTable caption={t("caption")} columns={[t("operation"), ...withStore.map(memberLabel)]}>
        {groupNames.map((name, row) => (
          <tr key={name}>
            <th scope="row" className={`${CELL} font-normal`}>
              {t(`groups.${name}`)}
            </th>
            {withStore.map((m) => (
              <td key={m.id} className={MONO_CELL}>
                <GroupFigures group={groups.get(m.id)![row]!} />
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
      <p className="text-xs text-muted">{t("note")}</p>
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor={selectId}>{t("chartOf")}</label>
        <select id={selectId} value={charted.id} onChange={(e) => setPicked(e.target.value)} className="rounded-md border border-line-strong bg-surface px-2 py-1">
          {withStore.map((m) => (
            <option key={m.id} value={m.id}>
              {memberLabel(m)}
            </option>
          ))}
        </select>
      </div>
      {chart ? <TimeChart title={t("chartTitle", { member: memberLabel(charted) })} data={chart} format={perSecond} /> : null}
    </div>
  );
}

function GroupFigures({ group }: { group: StoreGroup }) {
  const t = useTranslations("cluster.store");
  const format = useFormatter();
  const count = format.number(group.success);
  const figures =
    group.name === "watchers"
      ? t("watching", { count })
      : group.fail === undefined
        ? t("expired", { count: group.success })
        : t("successFail", { success: count, fail: format.number(group.fail) });
  return (
    <>
      <span className="block">{figures}</span>
      {group.perSecond !== undefined ? <span className="block text-muted">{formatPerSecond(group.perSecond, format)}</span> : null}
    </>
  );
}
