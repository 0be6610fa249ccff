// `npm run screenshots`: the README's pictures of the main pages, light and dark, taken from the demo data.
// Starts its own etcd (a throw-away data dir, free ports) with the demo's sample keyspace, makes a few
// edits through the dashboard so the audit log and the home page have recent writes, then drives Debian's
// Chromium through Playwright over each page in both themes and writes docs/screenshots/<page>-<theme>.png.
// Needs a build (it makes one if there is none, as `npm run demo` does).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { startDashboard } from "./lib/dashboard.mjs";
import { ensureBuild, ensureEtcdInstalled, ensureNodeModules } from "./lib/ensure.mjs";
import { startEtcd } from "./lib/etcd-harness.mjs";
import { fromRoot } from "./lib/paths.mjs";
import { loadSampleData } from "./sample-data.mjs";

const OUT_DIR = fromRoot("docs", "screenshots");
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** What a picture shows: a page, and what "ready" looks like there (a role and name, as a person would see). */
const SHOTS = [
  { name: "home", path: "/", ready: { role: "heading", name: /default/i } },
  { name: "keys-directory", path: "/keys/apps/web", ready: { role: "heading", name: /\/apps\/web/ } },
  { name: "keys-value", path: "/keys/apps/web/config.json", ready: { role: "heading", name: /config\.json/ } },
  { name: "cluster", path: "/cluster", ready: { role: "heading", name: /^Cluster/ } },
  { name: "watch", path: "/watch?w=r@1/apps", ready: { role: "heading", name: /^Watch/ } },
  { name: "audit", path: "/audit", ready: { role: "heading", name: /^Audit/ } },
];
const PHONE_SHOTS = [
  { name: "phone-keys", path: "/keys/apps/web/config.json", ready: { role: "heading", name: /config\.json/ } },
];

/** A few ordinary edits through the dashboard's own API (same origin), so the pages have recent writes. */
async function makeRecentWrites(page, baseURL) {
  await page.goto(`${baseURL}/`);
  await page.evaluate(async () => {
    const put = (key, value) =>
      fetch(`/api/clusters/default/keys${key}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ value }) });
    await put("/apps/web/replicas", "4");
    await put("/apps/api/feature-flags/beta", "true");
    await put("/services/cache/host", "cache.internal");
  });
}

async function shoot(browser, baseURL, shots, viewport, theme) {
  const context = await browser.newContext({ viewport, colorScheme: theme, reducedMotion: "reduce", locale: "en-US" });
  const page = await context.newPage();
  for (const shot of shots) {
    await page.goto(`${baseURL}${shot.path}`);
    await page.getByRole(shot.ready.role, { name: shot.ready.name }).first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle").catch(() => {}); // a live stream never idles: best effort
    const file = path.join(OUT_DIR, `${shot.name}-${theme}.png`);
    await page.screenshot({ path: file });
    console.log(`screenshots: ${path.relative(fromRoot(), file)}`);
  }
  await context.close();
}

async function main() {
  await ensureNodeModules();
  await ensureEtcdInstalled();
  await ensureBuild();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-dashboard-shots-"));
  const etcd = await startEtcd({ name: "screenshots" }); // free ports, a temporary data dir removed on stop
  let dashboard;
  let browser;
  try {
    await loadSampleData(etcd.clientURL);
    dashboard = await startDashboard({ etcdEndpoints: [etcd.clientURL], env: { ETCD_DASHBOARD_AUDIT_LOG: path.join(work, "audit.jsonl") } });
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    const setup = await browser.newPage();
    await makeRecentWrites(setup, dashboard.url);
    await setup.close();
    for (const theme of ["light", "dark"]) {
      await shoot(browser, dashboard.url, SHOTS, DESKTOP, theme);
      await shoot(browser, dashboard.url, PHONE_SHOTS, PHONE, theme);
    }
  } finally {
    await browser?.close();
    await dashboard?.stop();
    await etcd.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`screenshots: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
