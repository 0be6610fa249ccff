// An etcd and a dashboard of a spec's own, for specs that change what every other spec relies on (enabling
// etcd auth, for one): the dashboard reads a config file the spec writes from the etcd's URL, and its audit
// log goes to a temp dir removed on stop. `direct` talks to that etcd without the dashboard.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startDashboard, type DashboardHandle } from "../scripts/lib/dashboard.mjs";
import { startEtcd, type EtcdHandle } from "../scripts/lib/etcd-harness.mjs";

export interface DirectAnswer {
  status: number;
  json: any;
}

export interface OwnEtcd {
  etcd: EtcdHandle;
  dashboard: DashboardHandle;
  auditLog: string;
  /** A request straight to etcd: a form `value` for keys, HTTP Basic credentials when given. */
  direct(method: string, urlPath: string, opts?: { value?: string; auth?: [string, string] }): Promise<DirectAnswer>;
  stop(): Promise<void>;
}

/** `config`: more of the config file than its clusters (users, for one); `etcdArgs`: flags for etcd (`--enable-v2=false`). */
export async function startOwnEtcd(
  name: string,
  clusters: (etcdURL: string) => object[],
  dashboardEnv: Record<string, string> = {},
  config: object = {},
  etcdArgs: string[] = [],
): Promise<OwnEtcd> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `etcd-dashboard-${name}-`));
  const auditLog = path.join(tempDir, "audit.jsonl");
  const etcd = await startEtcd({ name, extraArgs: etcdArgs });
  let dashboard: DashboardHandle;
  try {
    const configFile = path.join(tempDir, "clusters.json");
    fs.writeFileSync(configFile, JSON.stringify({ ...config, clusters: clusters(etcd.clientURL) }));
    dashboard = await startDashboard({ configFile, env: { ETCD_DASHBOARD_AUDIT_LOG: auditLog, ETCD_ENDPOINTS: undefined, ...dashboardEnv } });
  } catch (error) {
    await etcd.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
  return {
    etcd,
    dashboard,
    auditLog,
    async direct(method, urlPath, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.value !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
      if (opts.auth) headers.authorization = `Basic ${Buffer.from(opts.auth.join(":"), "utf8").toString("base64")}`;
      const response = await fetch(`${etcd.clientURL}${urlPath}`, {
        method,
        headers,
        body: opts.value === undefined ? undefined : new URLSearchParams({ value: opts.value }).toString(),
        redirect: "manual",
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    },
    async stop() {
      await Promise.allSettled([dashboard.stop(), etcd.stop()]);
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
