// The configured clusters and one etcd client per cluster, created on first use and kept for the
// life of the server process (kept on globalThis so dev-mode reloads do not leak connection pools).
import "server-only";
import { loadConfiguration, type AccessSettings, type LoadedCluster } from "./config/load";
import { EtcdClient } from "./etcd";
import type { ClusterConnectionInfo } from "./api/cluster-overview";

export interface ClusterSummary {
  name: string;
  endpointCount: number;
  /** Writes to it are refused (the cluster's own setting, or the global one). */
  readOnly: boolean;
}

interface Registry {
  clusters: Map<string, LoadedCluster>;
  clients: Map<string, EtcdClient>;
  access: AccessSettings;
}

const globalRegistry = globalThis as typeof globalThis & { __etcdDashboardRegistry?: Registry };

function registry(): Registry {
  if (!globalRegistry.__etcdDashboardRegistry) {
    const { clusters, access } = loadConfiguration();
    globalRegistry.__etcdDashboardRegistry = { clusters: new Map(clusters.map((c) => [c.config.name, c])), clients: new Map(), access };
  }
  return globalRegistry.__etcdDashboardRegistry;
}

/** Validates the configuration now (at start-up), throwing a ConfigError with a clear message. */
export function initClusters(): void {
  registry();
}

export function listClusters(): ClusterSummary[] {
  return [...registry().clusters.values()].map(({ config }) => ({
    name: config.name,
    endpointCount: config.endpoints.length,
    readOnly: isReadOnly(config.name),
  }));
}

/** Who may log in, and the global read-only switch. */
export function accessSettings(): AccessSettings {
  return registry().access;
}

/** Whether writes to the cluster are refused: by its own setting or the global one. */
export function isReadOnly(name: string): boolean {
  const reg = registry();
  return reg.access.readOnly || reg.clusters.get(name)?.config.readOnly === true;
}

export function clusterConnectionInfo(name: string): ClusterConnectionInfo | undefined {
  const loaded = registry().clusters.get(name);
  if (!loaded) return undefined;
  const { config } = loaded;
  return {
    name: config.name,
    endpoints: config.endpoints,
    tls: config.endpoints.some((e) => e.startsWith("https:")),
    clientCertificate: Boolean(config.tls?.cert),
    auth: config.username !== undefined,
    requestTimeoutMs: config.requestTimeoutMs,
    writeTimeoutMs: config.writeTimeoutMs,
    statsIntervalMs: config.statsIntervalMs,
    endpointStates: clusterClient(name)!
      .transport.pool.snapshot()
      .map(({ url, inUse, learned, failedUntil, lastError }) => ({
        url,
        inUse,
        learned,
        ...(failedUntil > Date.now() ? { setAsideUntil: failedUntil, lastError } : {}),
      })),
  };
}

/** The client of a configured cluster, or undefined for an unknown name. */
export function clusterClient(name: string): EtcdClient | undefined {
  const reg = registry();
  const existing = reg.clients.get(name);
  if (existing) return existing;
  const loaded = reg.clusters.get(name);
  if (!loaded) return undefined;
  const { config, tls } = loaded;
  const client = new EtcdClient({
    endpoints: config.endpoints,
    auth: config.username !== undefined ? { username: config.username, password: config.password ?? "" } : undefined,
    tls,
    readTimeoutMs: config.requestTimeoutMs,
    writeTimeoutMs: config.writeTimeoutMs,
    discoverMembers: config.discoverMembers,
  });
  reg.clients.set(name, client);
  return client;
}
