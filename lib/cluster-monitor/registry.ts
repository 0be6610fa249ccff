// One ClusterMonitor per configured cluster for the whole server process (on globalThis, like the
// clients, so every route module shares it).
import "server-only";
import { clusterConnectionInfo } from "@/lib/clusters";
import type { EtcdClient } from "@/lib/etcd";
import { ClusterMonitor } from "./monitor";

const holder = globalThis as typeof globalThis & { __etcdDashboardMonitors?: Map<string, ClusterMonitor> };

export function clusterMonitor(name: string, client: EtcdClient): ClusterMonitor {
  holder.__etcdDashboardMonitors ??= new Map();
  let monitor = holder.__etcdDashboardMonitors.get(name);
  if (!monitor) {
    const intervalMs = clusterConnectionInfo(name)?.statsIntervalMs ?? 2_000;
    monitor = new ClusterMonitor(client, { intervalMs });
    holder.__etcdDashboardMonitors.set(name, monitor);
  }
  return monitor;
}
