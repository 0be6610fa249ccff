// The dashboard's configuration, end to end: dashboards of our own (the built server, started with
// scripts/lib/dashboard.mjs) with a bad environment or config file must refuse to start and say why;
// credentials given in the environment must never come back in a response; and a dashboard whose etcd is
// down must recover by itself once etcd is up. No browser page: plain HTTP requests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DashboardHandle, StartDashboardOptions } from "../scripts/lib/dashboard.mjs";
import type { EtcdHandle } from "../scripts/lib/etcd-harness.mjs";
import { expect, expectApiError, test } from "./fixtures";

// Loaded with a native import(), as in global-setup.ts: Playwright compiles static imports to CommonJS.
const harness = () => import("../scripts/lib/etcd-harness.mjs");
const dashboards = () => import("../scripts/lib/dashboard.mjs");

/** Environment a test dashboard must not inherit from the shell running the tests. */
const CLEAN_ENV: Record<string, undefined> = {
  ETCD_ENDPOINTS: undefined,
  ETCD_USERNAME: undefined,
  ETCD_PASSWORD: undefined,
  ETCD_CA_FILE: undefined,
  ETCD_CERT_FILE: undefined,
  ETCD_KEY_FILE: undefined,
  ETCD_TIMEOUT_MS: undefined,
  ETCD_DASHBOARD_CONFIG: undefined,
};

/** Starts a dashboard that is expected to refuse to start; returns what it said (and stops it if it did start). */
async function startFailure(opts: StartDashboardOptions): Promise<string> {
  const { startDashboard } = await dashboards();
  let started: DashboardHandle | undefined;
  try {
    // opts.env is applied after ETCD_DASHBOARD_CONFIG (from opts.configFile): keep that one.
    const { ETCD_DASHBOARD_CONFIG: _keep, ...clean } = CLEAN_ENV;
    started = await startDashboard({ ...opts, env: { ...(opts.configFile ? clean : CLEAN_ENV), ...opts.env }, startTimeoutMs: 30_000 });
  } catch (error) {
    return (error as Error).message;
  } finally {
    await started?.stop();
  }
  throw new Error(`the dashboard started although its configuration is invalid; its output:\n${started?.output()}`);
}

let tempDir: string;
test.beforeAll(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-config-e2e-"));
});
test.afterAll(() => {
  fs.rmSync(tempDir, { recursive: true, force: true });
});

function writeConfig(name: string, config: unknown): string {
  const file = path.join(tempDir, name);
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

test.describe("start-up with an invalid configuration", () => {
  test.setTimeout(60_000);

  test("ETCD_ENDPOINTS=not-a-url stops the server with a message naming the variable and the value", async () => {
    const said = await startFailure({ env: { ETCD_ENDPOINTS: "not-a-url" } });
    expect(said).toMatch(/exited during start-up \(code 1/);
    expect(said).toContain("Invalid configuration");
    expect(said).toContain("ETCD_");
    expect(said).toContain('"not-a-url" is not a URL');
  });

  test("a config file with a username but no password stops the server, naming the file and the problem", async () => {
    const file = writeConfig("no-password.json", {
      clusters: [{ name: "prod", endpoints: ["http://127.0.0.1:2379"], username: "only-a-user" }],
    });
    const said = await startFailure({ configFile: file });
    expect(said).toMatch(/exited during start-up \(code 1/);
    expect(said).toContain(`Invalid configuration in ${file}`);
    expect(said).toContain("username and password go together");
  });

  test("an https cluster whose CA file is missing stops the server, naming the cluster and the CA file", async () => {
    const missingCa = path.join(tempDir, "no-such-dir", "ca.pem");
    const file = writeConfig("missing-ca.json", {
      clusters: [{ name: "secure", endpoints: ["https://127.0.0.1:2379"], tls: { ca: missingCa } }],
    });
    const said = await startFailure({ configFile: file });
    expect(said).toMatch(/exited during start-up \(code 1/);
    expect(said).toContain("Invalid configuration");
    expect(said).toContain('cluster "secure"');
    expect(said).toContain(`cannot read the TLS CA file ${missingCa}`);
  });

  test("a config file that does not exist stops the server, naming ETCD_DASHBOARD_CONFIG and the path", async () => {
    const missing = path.join(tempDir, "nope.json");
    const said = await startFailure({ configFile: missing });
    expect(said).toContain("Invalid configuration in ETCD_DASHBOARD_CONFIG");
    expect(said).toContain(`cannot read ${missing}`);
  });
});

test.describe("listening beyond loopback", () => {
  test.setTimeout(60_000);

  // Only the refusal is tried for real: the tests never listen beyond loopback themselves
  // (scripts/lib/bind-policy.test.ts covers ETCD_DASHBOARD_ALLOW_ANONYMOUS=true).
  test("without a login, any address but loopback stops the server, saying why and how to allow it", async () => {
    const said = await startFailure({ host: "0.0.0.0", env: { ETCD_DASHBOARD_ALLOW_ANONYMOUS: undefined } });
    expect(said).toMatch(/exited during start-up \(code 1/);
    expect(said).toContain("refusing to listen on 0.0.0.0: no login is configured");
    expect(said).toContain("ETCD_DASHBOARD_ALLOW_ANONYMOUS=true");
  });
});

test.describe("credentials from the environment", () => {
  test.setTimeout(60_000);
  const USERNAME = "env-user-9c41d7e2";
  const PASSWORD = "env-pässword-0b7f3a61";
  let dashboard: DashboardHandle | undefined;

  test.beforeAll(async () => {
    const etcdURL = process.env.E2E_ETCD_URL;
    if (!etcdURL) throw new Error("E2E_ETCD_URL is not set: run the tests through playwright.config.ts.");
    const { startDashboard } = await dashboards();
    dashboard = await startDashboard({
      env: { ...CLEAN_ENV, ETCD_ENDPOINTS: etcdURL, ETCD_USERNAME: USERNAME, ETCD_PASSWORD: PASSWORD },
    });
  });
  test.afterAll(async () => {
    await dashboard?.stop();
  });

  test("never appear in the cluster list, the version, an error response or the page", async ({ request }) => {
    const base = dashboard!.url;
    const secrets = [USERNAME, PASSWORD, encodeURIComponent(PASSWORD), Buffer.from(`${USERNAME}:${PASSWORD}`).toString("base64")];
    const seen: string[] = [];

    const clusters = await request.get(`${base}/api/clusters`);
    expect(clusters.status()).toBe(200);
    expect(await clusters.json()).toEqual({ clusters: [{ name: "default", endpointCount: 1, readOnly: false }] });
    seen.push(await clusters.text(), JSON.stringify(clusters.headers()));

    // etcd runs without auth here, so it ignores the credentials: the requests succeed.
    const version = await request.get(`${base}/api/clusters/default/version`);
    expect(version.status()).toBe(200);
    expect(((await version.json()) as { etcdserver: string }).etcdserver).toMatch(/^3\./);
    seen.push(await version.text(), JSON.stringify(version.headers()));

    const missing = await request.get(`${base}/api/clusters/default/keys/e2e-config-missing-${Date.now()}`);
    await expectApiError(missing, 404, "key_not_found");
    seen.push(await missing.text(), JSON.stringify(missing.headers()));

    const page = await request.get(`${base}/`);
    expect(page.status()).toBe(200);
    seen.push(await page.text());

    for (const text of seen) for (const secret of secrets) expect(text).not.toContain(secret);
    // Nor in the server's own output.
    for (const secret of secrets) expect(dashboard!.output()).not.toContain(secret);
  });
});

test.describe("etcd down at start-up", () => {
  test.setTimeout(90_000);
  let dashboard: DashboardHandle | undefined;
  let etcd: EtcdHandle | undefined;

  test.afterAll(async () => {
    await Promise.allSettled([dashboard?.stop(), etcd?.stop()]);
  });

  test("answers 503 etcd_unavailable, then 200 once etcd is up, without a restart", async ({ request }) => {
    const { freePort, startEtcd } = await harness();
    const { startDashboard } = await dashboards();
    const port = await freePort();
    dashboard = await startDashboard({ env: { ...CLEAN_ENV, ETCD_ENDPOINTS: `http://127.0.0.1:${port}` } });
    const versionURL = `${dashboard.url}/api/clusters/default/version`;

    const started = Date.now();
    const down = await expectApiError(await request.get(versionURL), 503, "etcd_unavailable");
    expect(down.message).toMatch(/etcd cannot be reached/);
    expect(Date.now() - started).toBeLessThan(5_000); // refused at once, not a timeout
    // Still down on a second try (the endpoint is now set aside as failed).
    await expectApiError(await request.get(versionURL), 503, "etcd_unavailable");

    etcd = await startEtcd({ clientPort: port, name: "late" });
    expect(etcd.clientURL).toBe(`http://127.0.0.1:${port}`);
    const upAt = Date.now();
    let status = 0;
    let body: { etcdserver?: string } = {};
    while (Date.now() - upAt < 10_000) {
      const response = await request.get(versionURL);
      status = response.status();
      if (status === 200) {
        body = (await response.json()) as { etcdserver?: string };
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
    expect(Date.now() - upAt).toBeLessThan(5_000);
    expect(body.etcdserver).toMatch(/^3\./);
    // The same dashboard process answered: it is still running, never restarted.
    expect(await Promise.race([dashboard.exited.then(() => "exited"), Promise.resolve("running")])).toBe("running");
  });
});
