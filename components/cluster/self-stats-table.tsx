"use client";
import { useFormatter, useTranslations } from "use-intl";
import type { MemberOverview } from "@/lib/api/cluster-overview";
import { formatBytesPerSecond, formatPerSecond, formatRaftState, formatTimestamp, formatUptime } from "@/lib/cluster-page/format";
import { formatHelpers } from "@/lib/i18n/format";
import { useMemberLabel } from "./use-member-label";
import { CELL, DataTable, MONO_CELL } from "./table";

const rate = (value: number | undefined, format: (n: number) => string) => (value === undefined ? "–" : format(value));

/** Each member's own /v2/stats/self: raft state, start time, leader uptime, append traffic. */
export function SelfStatsTable({ members }: { members: MemberOverview[] }) {
  const t = useTranslations("cluster.self");
  const memberLabel = useMemberLabel();
  const format = useFormatter();
  const { dateTime, duration, number } = formatHelpers(format);
  return (
    <DataTable
      caption={t("caption")}
      columns={[t("member"), t("state"), t("started"), t("leaderUptime"), t("appendsReceived"), t("appendsSent"), t("receiveRate"), t("receiveBandwidth"), t("sendRate"), t("sendBandwidth")]}
    >
      {members.map((member) => {
        const self = member.self;
        return (
          <tr key={member.id}>
            <th scope="row" className={`${CELL} font-medium`}>
              {memberLabel(member)}
            </th>
            {self ? (
              <>
                <td className={CELL}>{t("raftState", { state: self.state, fallback: formatRaftState(self.state) })}</td>
                <td className={MONO_CELL}>{formatTimestamp(self.startTime, dateTime)}</td>
                <td className={MONO_CELL}>{formatUptime(self.leaderInfo.uptime, duration)}</td>
                <td className={MONO_CELL}>{number(self.recvAppendRequestCnt)}</td>
                <td className={MONO_CELL}>{number(self.sendAppendRequestCnt)}</td>
                <td className={MONO_CELL}>{rate(self.recvPkgRate, (n) => formatPerSecond(n, format))}</td>
                <td className={MONO_CELL}>{rate(self.recvBandwidthRate, (n) => formatBytesPerSecond(n, format))}</td>
                <td className={MONO_CELL}>{rate(self.sendPkgRate, (n) => formatPerSecond(n, format))}</td>
                <td className={MONO_CELL}>{rate(self.sendBandwidthRate, (n) => formatBytesPerSecond(n, format))}</td>
              </>
            ) : (
              <td colSpan={9} className={`${CELL} text-muted`}>
                {t("noStats", { reason: member.statsError?.message ?? member.reason ?? t("noAnswer") })}
              </td>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
