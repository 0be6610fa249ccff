// One ClusterMonitor per configured cluster for the whole server process (on globalThis, like the
// clients, so every route module shares it), polling v2 or v3 as the cluster serves (snapshot-source.ts).
import "server-only";
import { client3For, clusterConnectionInfo, configuredKeyspaces } from "@/lib/clusters";
import type { EtcdClient } from "@/lib/etcd";
import { ClusterMonitor } from "./monitor";
import { snapshotSource } from "./snapshot-source";

const holder = globalThis as typeof globalThis & { __etcdDashboardMonitors?: Map<string, ClusterMonitor> };

export function clusterMonitor(name: string, client: EtcdClient): ClusterMonitor {
  holder.__etcdDashboardMonitors ??= new Map();
  let monitor = holder.__etcdDashboardMonitors.get(name);
  if (!monitor) {
    const intervalMs = clusterConnectionInfo(name)?.statsIntervalMs ?? 2_000;
    monitor = new ClusterMonitor(snapshotSource(client, () => client3For(name)!, configuredKeyspaces(name)), { intervalMs });
    holder.__etcdDashboardMonitors.set(name, monitor);
  }
  return monitor;
}
