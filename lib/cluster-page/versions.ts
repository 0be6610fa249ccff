// The cluster's versions from what its members report: during a rolling upgrade members differ.
import type { MemberOverview } from "@/lib/api/cluster-overview";

export interface ClusterVersions {
  /** Each distinct etcd server version, lowest first. */
  servers: string[];
  /** The version the cluster runs at (the lowest its members agree on), as the leader reports it. */
  cluster?: string;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(".").map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

export function clusterVersions(members: Pick<MemberOverview, "isLeader" | "version">[]): ClusterVersions {
  const servers = [...new Set(members.flatMap((m) => (m.version ? [m.version.etcdserver] : [])))].sort(compareVersions);
  const reporter = members.find((m) => m.isLeader && m.version) ?? members.find((m) => m.version);
  return reporter?.version ? { servers, cluster: reporter.version.etcdcluster } : { servers };
}
