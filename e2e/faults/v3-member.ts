// Which member the dashboard's v3 client talks to, seen from etcd's side: the dashboard's overview shows the v2
// client's endpoints only, and v3 traffic is gRPC, so each member's own counters (its /metrics) say where the
// reads go and which member holds watch streams.
import type { Member } from "../../scripts/lib/etcd-harness.mjs";
import { sleep } from "../../lib/testing/etcd-direct";

/** The sum of a metric's samples whose labels contain every one of `labels` (0 when the member does not answer). */
async function metric(member: Member, name: string, labels: string[] = []): Promise<number> {
  const text = await fetch(`${member.clientURL}/metrics`, { signal: AbortSignal.timeout(1_000) })
    .then((r) => r.text())
    .catch(() => "");
  let sum = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (labels.every((label) => line.includes(label))) sum += Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return sum;
}

const rangesServed = (member: Member) => metric(member, "grpc_server_started_total", ['grpc_method="Range"']);

/** The member whose v3 Range count grows most while the load runs: the one the dashboard's v3 reads go to. */
export async function memberServingV3(members: readonly Member[]): Promise<Member> {
  const before = await Promise.all(members.map(rangesServed));
  await sleep(300);
  const after = await Promise.all(members.map(rangesServed));
  const growth = after.map((n, i) => n - before[i]!);
  const most = growth.indexOf(Math.max(...growth));
  if (growth[most]! <= 0) throw new Error(`no member served v3 reads: ${growth.join(", ")}`);
  return members[most]!;
}

/** The members holding watch streams now (etcd's own gauge); the dashboard's v3 hub keeps one per cluster. */
export async function membersWatched(members: readonly Member[]): Promise<Member[]> {
  const streams = await Promise.all(members.map((m) => metric(m, "etcd_debugging_mvcc_watch_stream_total")));
  const watched = members.filter((_, i) => streams[i]! > 0);
  if (watched.length === 0) throw new Error("no member holds a watch stream");
  return watched;
}
