// One etcd and one built dashboard for the whole Playwright run. The dashboard is configured with a
// config file (ETCD_DASHBOARD_CONFIG) naming three clusters: `default` and `second` (the same etcd,
// to show several clusters) and `down` (a loopback port where nothing listens).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DashboardHandle } from "../scripts/lib/dashboard.mjs";

/** A password that must never reach a browser: the tests look for it in every cluster listing. */
export const SECRET_PASSWORD = "e2e-secret-password-7f3a";
export const SECRET_USERNAME = "e2e-secret-user";

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Loaded with a native import(): Playwright compiles statically imported files to CommonJS, which
  // breaks the harness's .mjs modules ("exports is not defined in ES module scope").
  const { ensureEtcdInstalled, freePort, startEtcd } = await import("../scripts/lib/etcd-harness.mjs");
  const { startDashboard } = await import("../scripts/lib/dashboard.mjs");
  await ensureEtcdInstalled();
  const etcd = await startEtcd();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-e2e-"));
  const auditLog = path.join(tempDir, "audit.jsonl");
  let dashboard: DashboardHandle | undefined;
  // The server's output, for a failing run and for specs that look for logged errors (.tmp/ is gitignored).
  const logFile = path.resolve(".tmp", "e2e-dashboard.log");
  try {
    const downPort = await freePort();
    const configFile = path.join(tempDir, "clusters.json");
    const config = {
      clusters: [
        { name: "default", endpoints: [etcd.clientURL] },
        { name: "second", endpoints: [etcd.clientURL] },
        {
          name: "down",
          endpoints: [`http://127.0.0.1:${downPort}`],
          // Credentials nobody may see: /api/clusters must not show them (etcd never gets to check them).
          username: SECRET_USERNAME,
          password: SECRET_PASSWORD,
          requestTimeoutMs: 1000,
        },
      ],
    };
    fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    fs.rmSync(logFile, { force: true });
    dashboard = await startDashboard({ configFile, logFile, env: { ETCD_DASHBOARD_AUDIT_LOG: auditLog, ETCD_DASHBOARD_TEST_PAGES: "true" } });
  } catch (error) {
    await etcd.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }

  // Inherited by the workers, which Playwright starts after global setup.
  process.env.E2E_BASE_URL = dashboard.url;
  process.env.E2E_ETCD_URL = etcd.clientURL;
  process.env.E2E_AUDIT_LOG = auditLog;
  process.env.E2E_DASHBOARD_LOG = logFile;

  const started = dashboard;
  return async () => {
    await Promise.allSettled([started.stop(), etcd.stop()]);
    fs.rmSync(tempDir, { recursive: true, force: true });
  };
}
