"use client";
import { useId, useMemo, useState } from "react";
import type { MemberOverview } from "@/lib/api/cluster-overview";
import { STORE_COUNTERS, type ClusterSample } from "@/lib/cluster-monitor/samples";
import { latestStoreRates, storeRateChart } from "@/lib/cluster-page/chart-series";
import { formatCount, formatPerSecond } from "@/lib/cluster-page/format";
import { memberLabel } from "@/lib/cluster-page/member-label";
import { CELL, DataTable, MONO_CELL } from "./table";
import { TimeChart } from "./time-chart";

export interface StoreStatsProps {
  members: MemberOverview[];
  samples: ClusterSample[];
  /** Charted first: the leader applies every write. */
  leaderId?: string;
}

/**
 * Every store counter of every member with its rate since the previous poll, and one member's operations
 * per second over time (counters are per member: summing them would count each write once per member).
 */
export function StoreStats({ members, samples, leaderId }: StoreStatsProps) {
  const withStore = members.filter((m) => m.store);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const selectId = useId();
  const chartedId = picked && withStore.some((m) => m.id === picked) ? picked : (withStore.find((m) => m.id === leaderId) ?? withStore[0])?.id;
  const chart = useMemo(() => (chartedId ? storeRateChart(samples, chartedId) : undefined), [samples, chartedId]);
  const rates = useMemo(() => new Map(withStore.map((m) => [m.id, latestStoreRates(samples, m.id)])), [samples, withStore]);
  if (withStore.length === 0) return <p className="text-sm text-zinc-500">No member answered its store stats.</p>;
  const charted = withStore.find((m) => m.id === chartedId)!;
  return (
    <div className="space-y-3">
      <DataTable caption="Store counters of each member (rate since the previous poll)" columns={["Counter", ...withStore.map(memberLabel)]}>
        {[...STORE_COUNTERS, "watchers" as const].map((counter) => (
          <tr key={counter}>
            <th scope="row" className={`${CELL} font-mono text-xs font-normal`}>
              {counter}
            </th>
            {withStore.map((m) => {
              const rate = counter === "watchers" ? undefined : rates.get(m.id)?.[counter];
              return (
                <td key={m.id} className={MONO_CELL}>
                  {formatCount(m.store![counter])}
                  {rate !== undefined ? <span className="ml-2 text-zinc-500">{formatPerSecond(rate)}</span> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </DataTable>
      <p className="text-xs text-zinc-500">Counters are per member and start again at 0 when a member restarts; every /v2/keys request adds one to getsFail (etcd&apos;s auth check).</p>
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor={selectId}>Chart the store of</label>
        <select
          id={selectId}
          value={charted.id}
          onChange={(e) => setPicked(e.target.value)}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {withStore.map((m) => (
            <option key={m.id} value={m.id}>
              {memberLabel(m)}
            </option>
          ))}
        </select>
      </div>
      {chart ? <TimeChart title={`Store operations per second on ${memberLabel(charted)}`} data={chart} format={formatPerSecond} /> : null}
    </div>
  );
}
