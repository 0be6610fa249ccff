// Sample data for the demo (and for trying the UI by hand): a small but varied keyspace written
// through the etcd v2 HTTP API. It is only written when the hidden marker key is absent, so a
// second demo run keeps whatever the user changed.
//
//   node scripts/sample-data.mjs http://127.0.0.1:2379
import { pathToFileURL } from "node:url";

export const MARKER_KEY = "/_dashboard_demo/loaded"; // hidden (leading "_"): not in listings

/** Shared with the v3 sample data (sample-data3.ts), so both keyspaces show the same app. */
export const webConfig = {
  name: "web",
  image: "registry.example.com/web:2.14.1",
  listen: { host: "0.0.0.0", port: 8080 },
  upstreams: ["http://api.internal:9000", "http://api-canary.internal:9000"],
  cache: { enabled: true, ttlSeconds: 300 },
};

export const apiConfigYaml = `# api service
server:
  port: 9000
  read_timeout: 5s
  write_timeout: 10s
database:
  host: db.internal
  port: 5432
  pool:
    min: 2
    max: 20
logging:
  level: info
  format: json
`;

const motd = `Welcome to the etcd dashboard demo.

This value spans several lines,
    keeps its indentation,
and ends with a newline.
`;

/** Plain keys: path -> value. */
const KEYS = {
  "/apps/web/config.json": JSON.stringify(webConfig, null, 2),
  "/apps/web/replicas": "3",
  "/apps/api/config.yaml": apiConfigYaml,
  "/apps/api/feature-flags/dark-mode": "true",
  "/apps/api/feature-flags/beta": "false",
  "/services/db/host": "db.internal",
  "/services/db/port": "5432",
  "/services/db/password-hint": "ask the on-call engineer (never store secrets here)",
  "/infra/regions/eu-west/zone-a": "healthy",
  "/infra/regions/eu-west/zone-b": "draining since 02:00 UTC",
  "/i18n/greeting": "Grüße aus Köln — こんにちは — 😀",
  "/i18n/名前": "a key whose name is not ASCII",
  "/docs/motd": motd,
  "/docs/key with spaces": "keys may contain spaces and other characters that need URL encoding",
};

const JOBS = [
  { id: 1, type: "resize-image", file: "cat.png", width: 640 },
  { id: 2, type: "send-email", to: "ops@example.com", template: "weekly-report" },
  { id: 3, type: "resize-image", file: "dog.jpg", width: 1280 },
  { id: 4, type: "reindex", index: "products" },
  { id: 5, type: "backup", target: "s3://backups/etcd", incremental: true },
];

/**
 * URL of a key: each segment percent-encoded (spaces, unicode), query built separately.
 * @param {string} base
 * @param {string} key
 * @param {Record<string, string>} [query]
 */
function keyURL(base, key, query = {}) {
  const encoded = key.split("/").filter(Boolean).map(encodeURIComponent).join("/");
  const qs = new URLSearchParams(query).toString();
  return `${base.replace(/\/+$/, "")}/v2/keys/${encoded}${qs ? `?${qs}` : ""}`;
}

/**
 * One v2 request. The value goes in a form body (a JSON or text body is silently ignored by etcd);
 * every other parameter in the query string. Redirects are not followed: etcd answers 301 for
 * unclean paths and fetch would re-send the write to another key.
 * @param {"GET" | "PUT" | "POST"} method
 * @param {string} url
 * @param {string} [value]
 * @returns {Promise<{ status: number, body: any }>}
 */
async function v2(method, url, value) {
  const res = await fetch(url, {
    method,
    redirect: "manual",
    body: value === undefined ? undefined : new URLSearchParams({ value }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  /** @type {any} */
  let body = text;
  try {
    body = JSON.parse(text);
  } catch {
    // plain-text errors (e.g. v2 disabled: "404 page not found")
  }
  return { status: res.status, body };
}

/**
 * @param {string} base
 * @param {"GET" | "PUT" | "POST"} method
 * @param {string} key
 * @param {{ value?: string, query?: Record<string, string> }} [opts]
 */
async function write(base, method, key, opts = {}) {
  const { status, body } = await v2(method, keyURL(base, key, opts.query), opts.value);
  if (status !== 200 && status !== 201) {
    throw new Error(`${method} ${key} failed: HTTP ${status} ${typeof body === "string" ? body : JSON.stringify(body)}`);
  }
}

/**
 * @param {string} base
 * @param {string} key
 * @returns {Promise<boolean>}
 */
async function exists(base, key) {
  const { status, body } = await v2("GET", keyURL(base, key));
  if (status === 200) return true;
  if (status === 404 && body?.errorCode === 100) return false;
  throw new Error(`GET ${key}: HTTP ${status} ${typeof body === "string" ? body.trim() : JSON.stringify(body)} (is --enable-v2=true set?)`);
}

/**
 * Write the sample keyspace unless the marker key exists.
 * @param {string} clientURL etcd client URL, e.g. http://127.0.0.1:2379
 * @returns {Promise<{ loaded: boolean, keys: number }>} loaded=false when the marker was present
 */
export async function loadSampleData(clientURL) {
  if (await exists(clientURL, MARKER_KEY)) return { loaded: false, keys: 0 };
  let keys = 0;
  for (const [key, value] of Object.entries(KEYS)) {
    await write(clientURL, "PUT", key, { value });
    keys++;
  }
  await write(clientURL, "PUT", "/sessions/demo-user", {
    value: JSON.stringify({ user: "demo", loggedInAt: new Date().toISOString() }),
    query: { ttl: "3600" }, // expires after an hour: shows the TTL countdown in the UI
  });
  await write(clientURL, "PUT", "/config/empty", { query: { dir: "true" } });
  keys += 2;
  // In-order keys get server-generated, increasing names; only create them once, because POST
  // is not idempotent (a half-finished earlier run would otherwise duplicate jobs).
  if (!(await exists(clientURL, "/queue/jobs"))) {
    for (const job of JOBS) {
      await write(clientURL, "POST", "/queue/jobs", { value: JSON.stringify(job) });
      keys++;
    }
  }
  // The marker goes last: a run that failed half-way is completed by the next one.
  await write(clientURL, "PUT", MARKER_KEY, { value: new Date().toISOString() });
  return { loaded: true, keys };
}

// CLI
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.argv[2];
  if (!url || !/^https?:\/\//.test(url)) {
    console.error("usage: node scripts/sample-data.mjs http://127.0.0.1:2379");
    process.exit(2);
  }
  loadSampleData(url).then(
    (r) => {
      console.log(
        r.loaded
          ? `sample data: wrote ${r.keys} keys to ${url}`
          : `sample data: already loaded on ${url} (${MARKER_KEY} exists); left unchanged`,
      );
    },
    (err) => {
      console.error(`sample data: ${err instanceof Error ? err.message : err}`);
      process.exit(1);
    },
  );
}
