// A dashboard of a spec's own on the shared e2e etcd, with a viewer ("vera") and an editor ("eddie") and the
// clusters the spec names (a read-only one, one configured without a keyspace ...): for specs that check the
// role and cluster gates of their writes. Its audit log goes to a temp dir removed on stop.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startDashboard, type DashboardHandle } from "../scripts/lib/dashboard.mjs";
import { hashPassword } from "../scripts/lib/password-hash.mjs";

export interface RolesDashboard {
  dashboard: DashboardHandle;
  /** A session cookie ("name=value") of vera (viewer) or eddie (editor). */
  logIn(user: "vera" | "eddie"): Promise<string>;
  stop(): Promise<void>;
}

const PASSWORDS = { vera: "viewer-password-1", eddie: "editor-password-2" };

/** `clusters(endpoints)`: the config file's clusters, on the shared etcd's endpoints. */
export async function startRolesDashboard(name: string, clusters: (endpoints: string[]) => object[]): Promise<RolesDashboard> {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `etcd-dashboard-${name}-`));
  // A cheap scrypt cost keeps the logins quick; the hash format and the check are those of real hashes.
  const cheap = { N: 1024, r: 8, p: 1 };
  const users = [
    { name: "vera", role: "viewer", passwordHash: await hashPassword(PASSWORDS.vera, cheap) },
    { name: "eddie", role: "editor", passwordHash: await hashPassword(PASSWORDS.eddie, cheap) },
  ];
  const configFile = path.join(tempDir, "config.json");
  fs.writeFileSync(configFile, JSON.stringify({ clusters: clusters([process.env.E2E_ETCD_URL!]), users }));
  let dashboard: DashboardHandle;
  try {
    dashboard = await startDashboard({ configFile, env: { ETCD_DASHBOARD_AUDIT_LOG: path.join(tempDir, "audit.jsonl") } });
  } catch (error) {
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
  return {
    dashboard,
    async logIn(user) {
      const response = await fetch(`${dashboard.url}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: user, password: PASSWORDS[user] }) });
      if (response.status !== 200) throw new Error(`logging in ${user}: HTTP ${response.status} ${await response.text()}`);
      return response.headers.get("set-cookie")!.split(";")[0]!;
    },
    async stop() {
      await dashboard.stop();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
