import type { MemberOverview } from "@/lib/api/cluster-overview";
import { formatBytesPerSecond, formatCount, formatPerSecond, formatRaftState, formatTimestamp, formatUptime } from "@/lib/cluster-page/format";
import { memberLabel } from "@/lib/cluster-page/member-label";
import { CELL, DataTable, MONO_CELL } from "./table";

const rate = (value: number | undefined, format: (n: number) => string) => (value === undefined ? "–" : format(value));

/** Each member's own /v2/stats/self: raft state, start time, leader uptime, append traffic. */
export function SelfStatsTable({ members }: { members: MemberOverview[] }) {
  return (
    <DataTable
      caption="Self stats of each member"
      columns={["Member", "State", "Started", "Leader uptime", "Appends received", "Appends sent", "Receive rate", "Receive bandwidth", "Send rate", "Send bandwidth"]}
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
                <td className={CELL}>{formatRaftState(self.state)}</td>
                <td className={MONO_CELL}>{formatTimestamp(self.startTime)}</td>
                <td className={MONO_CELL}>{formatUptime(self.leaderInfo.uptime)}</td>
                <td className={MONO_CELL}>{formatCount(self.recvAppendRequestCnt)}</td>
                <td className={MONO_CELL}>{formatCount(self.sendAppendRequestCnt)}</td>
                <td className={MONO_CELL}>{rate(self.recvPkgRate, formatPerSecond)}</td>
                <td className={MONO_CELL}>{rate(self.recvBandwidthRate, formatBytesPerSecond)}</td>
                <td className={MONO_CELL}>{rate(self.sendPkgRate, formatPerSecond)}</td>
                <td className={MONO_CELL}>{rate(self.sendBandwidthRate, formatBytesPerSecond)}</td>
              </>
            ) : (
              <td colSpan={9} className={`${CELL} text-muted`}>
                No stats: {member.statsError?.message ?? member.reason ?? "the member did not answer"}
              </td>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
