// The configured clusters and one etcd client per cluster, created on first use and kept for the
// life of the server process (kept on globalThis so dev-mode reloads do not leak connection pools).
// A change to the config file applies within seconds: users, roles, session lengths and the read-only
// switches at once; a cluster's connection settings (endpoints, credentials, TLS, timeouts) and the list of
// clusters only after a restart, since open connections and watches depend on them. An invalid new file
// is logged and the last valid configuration stays in force.
import "server-only";
import { isDeepStrictEqual } from "node:util";
import { watchConfigFile } from "./config/file-watch";
import { loadConfiguration, type AccessSettings, type Configuration, type LoadedCluster } from "./config/load";
import { EtcdClient } from "./etcd";
import { Etcd3Client } from "./etcd3";
import type { ClusterConnectionInfo } from "./api/cluster-overview";
import type { Keyspace } from "./keyspaces/support";

export interface ClusterSummary {
  name: string;
  endpointCount: number;
  /** Writes to it are refused (the cluster's own setting, or the global one). */
  readOnly: boolean;
}

interface Registry {
  clusters: Map<string, LoadedCluster>;
  clients: Map<string, EtcdClient>;
  /** etcd v3 (gRPC) clients, beside the v2 ones: one set of channels per cluster. */
  clients3?: Map<string, Etcd3Client>;
  access: AccessSettings;
  /** Told after a reloaded config file changed the access settings (sessions of removed users end). */
  accessListeners: Set<(access: AccessSettings) => void>;
}

const globalRegistry = globalThis as typeof globalThis & { __etcdDashboardRegistry?: Registry };

function registry(): Registry {
  if (!globalRegistry.__etcdDashboardRegistry) {
    const { clusters, access } = loadConfiguration();
    const reg: Registry = { clusters: new Map(clusters.map((c) => [c.config.name, c])), clients: new Map(), access, accessListeners: new Set() };
    globalRegistry.__etcdDashboardRegistry = reg;
    const file = process.env.ETCD_DASHBOARD_CONFIG;
    if (file) watchConfigFile(file, () => reloadInto(reg, file));
  }
  return globalRegistry.__etcdDashboardRegistry;
}

function reloadInto(reg: Registry, file: string): void {
  let fresh: Configuration;
  try {
    fresh = loadConfiguration();
  } catch (error) {
    console.error(`[etcd-dashboard] the config file ${file} changed but cannot be used; the last valid configuration stays in force.\n${(error as Error).message}`);
    return;
  }
  if (reg.access.users.length > 0 && fresh.access.users.length === 0) {
    // No users means no login (everyone an anonymous admin), which start-up allows on loopback only.
    console.error(`[etcd-dashboard] the config file ${file} changed to list no users, which would turn logins off; that needs a restart. The last valid configuration stays in force.`);
    return;
  }
  for (const { config } of fresh.clusters) {
    const current = reg.clusters.get(config.name);
    if (!current) continue;
    if (!isDeepStrictEqual({ ...current.config, readOnly: config.readOnly }, config)) {
      console.warn(`[etcd-dashboard] cluster "${config.name}": connection settings changed in ${file}; they apply after a restart (its read-only switch applies now).`);
    }
    reg.clusters.set(config.name, { ...current, config: { ...current.config, readOnly: config.readOnly } });
  }
  const names = (clusters: Iterable<string>) => [...clusters].sort().join(",");
  if (names(fresh.clusters.map((c) => c.config.name)) !== names(reg.clusters.keys())) {
    console.warn(`[etcd-dashboard] clusters were added or removed in ${file}; that applies after a restart.`);
  }
  reg.access = fresh.access;
  console.log(`[etcd-dashboard] reloaded ${file}: ${fresh.access.users.length} users${fresh.access.readOnly ? ", read-only" : ""}.`);
  for (const listener of reg.accessListeners) listener(fresh.access);
}

/** Calls `listener` whenever a reloaded config file is in force. */
export function onAccessSettingsChange(listener: (access: AccessSettings) => void): void {
  registry().accessListeners.add(listener);
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

/** The keyspaces a cluster's configuration shows (undefined: each one it serves). */
export function configuredKeyspaces(name: string): Keyspace[] | undefined {
  return registry().clusters.get(name)?.config.keyspaces;
}

/** The client of a configured cluster, or undefined for an unknown name. */
export function clusterClient(name: string): EtcdClient | undefined {
  const reg = registry();
  const existing = reg.clients.get(name);
  if (existing) return existing;
  const loaded = reg.clusters.get(name);
  if (!loaded) return undefined;
  const client = new EtcdClient({ ...connectionOptions(loaded), discoverMembers: loaded.config.discoverMembers });
  reg.clients.set(name, client);
  return client;
}

/** The etcd v3 (gRPC) client of a configured cluster, or undefined for an unknown name. */
export function client3For(name: string): Etcd3Client | undefined {
  const reg = registry();
  reg.clients3 ??= new Map();
  const existing = reg.clients3.get(name);
  if (existing) return existing;
  const loaded = reg.clusters.get(name);
  if (!loaded) return undefined;
  const client = new Etcd3Client(connectionOptions(loaded));
  reg.clients3.set(name, client);
  return client;
}

/** Closes a cluster's v3 client (its channels, calls and streams); the next client3For makes a new one. */
export function closeClient3(name: string): void {
  const reg = registry();
  reg.clients3?.get(name)?.close();
  reg.clients3?.delete(name);
}

/** What both clients of a cluster take from its configuration: endpoints, credentials, TLS, deadlines. */
function connectionOptions({ config, tls }: LoadedCluster) {
  return {
    endpoints: config.endpoints,
    auth: config.username !== undefined ? { username: config.username, password: config.password ?? "" } : undefined,
    tls,
    readTimeoutMs: config.requestTimeoutMs,
    writeTimeoutMs: config.writeTimeoutMs,
  };
}
