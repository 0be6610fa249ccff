// `npm run dev` serves what `npm start` serves: the same server script (scripts/server.mjs --dev) in front of
// Next.js's dev server, started here against the integration etcd. It is an integration test rather than an
// e2e spec because it needs no build and no browser, and the integration step runs its files one at a time:
// the dev server's on-demand compiles then do not compete with Playwright's workers for the CPU.
// Next.js allows one dev server per checkout (.next/dev/lock): this fails while `npm run dev` runs here.
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { rawJson, rawRequest } from "../e2e/raw-http";
import { startDashboard, type DashboardHandle } from "./lib/dashboard.mjs";
import { fromRoot } from "./lib/paths.mjs";

const PREFIX = `/server-dev-test-${process.pid}`;
const CHILDREN = ["alpha", "beta", "gamma"];

let dashboard: DashboardHandle;

async function putKey(key: string, value: string): Promise<void> {
  const response = await fetch(`${inject("etcdURL")}/v2/keys${key}`, { method: "PUT", body: new URLSearchParams({ value }) });
  if (!response.ok) throw new Error(`PUT ${key}: HTTP ${response.status}`);
}

/** Sends a WebSocket handshake and resolves with the status it got (101 when the upgrade is taken). */
function upgradeStatus(baseURL: string, path: string): Promise<number> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: hostname,
      port: Number(port),
      path,
      agent: false,
      headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==" },
    });
    request.setTimeout(20_000, () => request.destroy(new Error("no answer to the upgrade")));
    request.on("upgrade", (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  for (const child of CHILDREN) await putKey(`${PREFIX}/dir/${child}`, child);
  // The first start compiles the readiness probe's route: generous on a loaded machine.
  dashboard = await startDashboard({ dev: true, etcdEndpoints: [inject("etcdURL")], env: { ETCD_DASHBOARD_CONFIG: undefined }, startTimeoutMs: 180_000 });
}, 200_000);

afterAll(async () => {
  await dashboard?.stop();
  // The route types the dev server wrote: tsconfig.json includes them, and once a route is renamed or removed
  // they would fail the next type check (its compile cache in .next/dev stays, to start faster next time).
  fs.rmSync(fromRoot(".next", "dev", "types"), { recursive: true, force: true });
  await fetch(`${inject("etcdURL")}/v2/keys${PREFIX}?recursive=true&dir=true`, { method: "DELETE" }).catch(() => undefined);
});

describe("npm run dev", () => {
  it("is this server with the dev switch", () => {
    const { scripts } = JSON.parse(fs.readFileSync(fromRoot("package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.dev).toBe("node scripts/server.mjs --dev");
  });

  it("refuses what the guard refuses, as JSON", async () => {
    const trace = await rawRequest(dashboard.url, { method: "TRACE", path: "/keys" });
    expect(trace.status).toBe(405);
    expect(rawJson(trace).error.code).toBe("method_not_allowed");
    const emptySegment = await rawRequest(dashboard.url, { path: "/api/clusters/default/keys/a//b" });
    expect(emptySegment.status).toBe(400);
    expect(emptySegment.headers["content-type"]).toBe("application/json");
    expect(rawJson(emptySegment).error.code).toBe("invalid_input");
    expect(emptySegment.headers["content-security-policy"]).toMatch(/^default-src 'none';/);
  });

  it("reads a key through the fast path", async () => {
    const response = await rawRequest(dashboard.url, { path: `/api/clusters/default/keys${PREFIX}/dir/alpha` });
    expect(response.status).toBe(200);
    expect((JSON.parse(response.body) as { node: { value: string } }).node.value).toBe("alpha");
    // The fast path's own answer: a content length and no Vary (Next.js's route streams it, with Vary).
    expect(response.headers["content-length"]).toBe(String(Buffer.byteLength(response.body)));
    expect(response.headers.vary).toBeUndefined();
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toMatch(/^default-src 'none';/);
  });

  it("renders a linked directory's first rows into the page, under the security headers and a nonce", async () => {
    const page = await rawRequest(dashboard.url, { path: `/keys${PREFIX}/dir`, headers: { "sec-fetch-dest": "document" } });
    expect(page.status).toBe(200);
    for (const child of CHILDREN) expect(page.body).toContain(`data-key="${PREFIX}/dir/${child}"`);
    const policy = page.headers["content-security-policy"] as string;
    const nonce = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{24})' 'strict-dynamic'/.exec(policy)?.[1];
    expect(nonce, policy).toBeDefined();
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("'unsafe-eval'"); // dev only: React's development build rebuilds call stacks with eval()
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    const scripts = page.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }, 180_000);

  it("takes the hot-reload WebSocket", async () => {
    expect(await upgradeStatus(dashboard.url, "/_next/hmr?id=server-dev-test")).toBe(101);
  });
});
