// Types for dashboard.mjs (plain Node ESM so it runs before node_modules exists); keep in sync.
import type { ExitInfo } from "./etcd-harness.mjs";

export interface StartDashboardOptions {
  /** Passed to the server as ETCD_ENDPOINTS (comma-joined). */
  etcdEndpoints?: string[];
  /** Passed as ETCD_DASHBOARD_CONFIG, resolved to an absolute path. */
  configFile?: string;
  /** Default: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Extra environment for the server, applied last. */
  env?: Record<string, string | undefined>;
  /** The server's output goes there too (the last lines are kept in memory for errors). */
  logFile?: string;
  /** Also copy the server's output to this process's stdout/stderr. */
  echo?: boolean;
  /** Default 60000 ms. */
  startTimeoutMs?: number;
  /** `npm run dev` instead of `npm start`: no build needed, pages and routes compiled on first request. */
  dev?: boolean;
}

export interface DashboardHandle {
  /** http://HOST:PORT */
  url: string;
  port: number;
  pid: number;
  /** Resolves (never rejects) when the server process is gone. */
  exited: Promise<ExitInfo>;
  /** The last captured output lines. */
  output(): string;
  /** SIGTERM, SIGKILL after 5 s; resolves when the server has exited. */
  stop(): Promise<void>;
}

/**
 * Start the production build with `next start` and wait until GET /api/clusters answers (any
 * status). Rejects with "run `npm run build` first" when .next/BUILD_ID is missing.
 */
export function startDashboard(opts?: StartDashboardOptions): Promise<DashboardHandle>;
