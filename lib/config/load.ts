// Reads and validates the configuration: at start-up (instrumentation.ts) or first use, and again whenever
// the config file changes (lib/config/file-watch.ts, applied by lib/clusters.ts).
import "server-only";
import fs from "node:fs";
import { ConfigError, configFileSchema, envSchema, resolveClusters, type ClusterConfig, type ConfigFile, type DashboardUser } from "./schema";

export interface LoadedCluster {
  config: ClusterConfig;
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer };
}

function readTlsFile(cluster: string, what: string, path: string | undefined): Buffer | undefined {
  if (!path) return undefined;
  try {
    return fs.readFileSync(path);
  } catch (error) {
    throw new ConfigError(`cluster "${cluster}"`, `cannot read the TLS ${what} file ${path}: ${(error as Error).message}`);
  }
}

function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(`ETCD_DASHBOARD_CONFIG`, `cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = configFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(path, parsed.error);
  return parsed.data;
}

/** Who may log in and what they may change: from the config file, and ETCD_DASHBOARD_READ_ONLY. */
export interface AccessSettings {
  /** Empty: no login; anonymous users get every role (the server only listens on loopback then, see scripts/lib/bind-policy.mjs). */
  users: DashboardUser[];
  /** Every write through the dashboard refused, on every cluster. */
  readOnly: boolean;
  sessionHours: number;
  sessionIdleMinutes: number;
}

const DEFAULT_SESSION_HOURS = 12;
const DEFAULT_SESSION_IDLE_MINUTES = 30;

export interface Configuration {
  clusters: LoadedCluster[];
  access: AccessSettings;
}

export function loadConfiguration(environment: NodeJS.ProcessEnv = process.env): Configuration {
  const env = envSchema.safeParse(environment);
  if (!env.success) throw new ConfigError("the environment", env.error);
  const file = env.data.ETCD_DASHBOARD_CONFIG ? readConfigFile(env.data.ETCD_DASHBOARD_CONFIG) : undefined;
  const access: AccessSettings = {
    users: file?.users ?? [],
    readOnly: file?.readOnly === true || env.data.ETCD_DASHBOARD_READ_ONLY === "true",
    sessionHours: file?.sessionHours ?? DEFAULT_SESSION_HOURS,
    sessionIdleMinutes: file?.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES,
  };
  const clusters = resolveClusters(env.data, file).map((config) => ({
    config,
    tls: config.tls
      ? {
          ca: readTlsFile(config.name, "CA", config.tls.ca),
          cert: readTlsFile(config.name, "certificate", config.tls.cert),
          key: readTlsFile(config.name, "key", config.tls.key),
        }
      : undefined,
  }));
  return { clusters, access };
}
