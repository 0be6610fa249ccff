// Fuzzing every API route (enumerated from app/api/**/route.ts when the test runs) with thousands of
// random and malformed requests from a seeded generator: no 5xx, every error is the JSON envelope, the
// server stays up, and etcd outside the fuzz's own prefix is unchanged (a sentinel subtree byte for
// byte, the keys the refused writes aimed at absent). Then: no request can make the server contact a
// host of its choosing. FUZZ_SEED=<seed> replays a run (the seed is printed).
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import { API_ERROR_STATUS, apiErrorEnvelopeSchema } from "../../lib/api/errors";
import { keyProblem } from "../../lib/key-path";
import { expect, test, type EtcdV2Node } from "../fixtures";
import { createRng, fuzzSeed } from "../fuzz/prng";
import { HTTP_METHODS, readApiRoutes, type ApiRoute } from "../fuzz/routes";
import { ODD_METHODS, confine, hugeRequests, outsideRequests, routeRequests, type FuzzContext, type FuzzRequest } from "../fuzz/requests";
import { pool, sendFuzz, type FuzzAnswer } from "../fuzz/send";

const KNOWN_ROUTES = [
  "/api/clusters",
  "/api/clusters/[cluster]/keys/[[...key]]",
  "/api/clusters/[cluster]/watch/[[...key]]",
  "/api/clusters/[cluster]/members",
  "/api/clusters/[cluster]/members/[id]",
  "/api/clusters/[cluster]/version",
  "/api/clusters/[cluster]/health",
  "/api/clusters/[cluster]/overview",
  "/api/[[...path]]",
];

/** A TCP listener that counts connections: the host a request tries to smuggle in. */
async function listenTrap(): Promise<{ address: string; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { address: `127.0.0.1:${port}`, connections: () => count, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function routes(): ApiRoute[] {
  const found = readApiRoutes(process.cwd());
  expect(found.length, "route files under app/api").toBeGreaterThan(0);
  const patterns = found.map((r) => r.pattern);
  for (const known of KNOWN_ROUTES) expect(patterns, `${known} should be among the routes found`).toContain(known);
  expect(found.find((r) => r.pattern === KNOWN_ROUTES[1])!.methods).toEqual(["DELETE", "GET", "POST", "PUT"]);
  expect(found.find((r) => r.pattern === KNOWN_ROUTES[1])!.bodySchemas).toEqual({ PUT: "putKeyBodySchema", POST: "postKeyBodySchema" });
  return found;
}

async function configuredClusters(baseURL: string): Promise<string[]> {
  const response = await fetch(`${baseURL}/api/clusters`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { clusters: { name: string }[] };
  return body.clusters.map((c) => c.name);
}

/** The whole keyspace as etcd lists it, without the subtrees other specs and this one write. */
async function snapshot(etcdURL: string, skip: string[]): Promise<string> {
  const response = await fetch(`${etcdURL}/v2/keys/?recursive=true&sorted=true`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { node: EtcdV2Node };
  const nodes = (body.node.nodes ?? []).filter((n) => !skip.includes(n.key!));
  return JSON.stringify(nodes);
}

/**
 * The v3 keyspace (etcd's JSON gateway, §2: every key, "\0" to the end), keys, values and leases, without the keys
 * under `skip` (other tests' namespaces and the fuzz's own prefix, as bytes).
 */
async function snapshot3(etcdURL: string, skip: string[]): Promise<string> {
  const response = await fetch(`${etcdURL}/v3/kv/range`, { method: "POST", body: JSON.stringify({ key: "AA==", range_end: "AA==" }) });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { kvs?: Array<{ key: string; value?: string; lease?: string }> };
  const kept = (body.kvs ?? []).filter((kv) => !skip.some((prefix) => Buffer.from(kv.key, "base64").toString("latin1").startsWith(prefix)));
  return JSON.stringify(kept.map(({ key, value, lease }) => ({ key, value, lease })));
}

/** What is wrong with an answer, or null. */
function problemWith(request: FuzzRequest, answer: FuzzAnswer): string | null {
  if (answer.error) return `no HTTP answer: ${answer.error}`;
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (request.mustBeRefused && answer.status < 300) return `HTTP ${answer.status}: a write that had to be refused was accepted`;
  if (answer.status >= 300 && answer.status < 400) {
    if (!answer.location?.startsWith("/") || answer.location.startsWith("//")) return `redirect to ${answer.location}`;
    return null;
  }
  // Node.js's own HTTP parser refuses a request line and headers over 16 KiB before any of our code runs.
  if (answer.status === 431) return null;
  const target = new URL(request.path, "http://fuzz.invalid").pathname;
  if (answer.status < 400 || request.method === "HEAD" || !target.startsWith("/api/")) return null;
  if (!answer.contentType.startsWith("application/json")) return `HTTP ${answer.status} answered with ${answer.contentType || "no content type"}, not the JSON error envelope`;
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return `HTTP ${answer.status} with a body that is not JSON`;
  }
  const envelope = apiErrorEnvelopeSchema.safeParse(json);
  if (!envelope.success) return `HTTP ${answer.status} with a body that is not the error envelope`;
  if (API_ERROR_STATUS[envelope.data.error.code] !== answer.status) return `HTTP ${answer.status} for code ${envelope.data.error.code}`;
  return null;
}

/** Enough to send the request again by hand. */
function describe(request: FuzzRequest, answer: FuzzAnswer, problem: string) {
  const body = request.body === undefined ? undefined : String(request.body);
  return {
    problem,
    request: {
      note: request.note,
      method: request.method,
      path: request.path.length > 500 ? `${request.path.slice(0, 500)}… (${request.path.length} chars)` : request.path,
      headers: request.headers,
      chunked: request.chunked || undefined,
      body: body && body.length > 500 ? `${body.slice(0, 500)}… (${body.length} chars)` : body,
    },
    answer: { status: answer.status, contentType: answer.contentType, body: answer.body.slice(0, 300) },
  };
}

function logSince(offset: number): string {
  const file = process.env.E2E_DASHBOARD_LOG;
  if (!file || !fs.existsSync(file)) return "";
  const content = fs.readFileSync(file);
  return content.subarray(offset).toString("utf8");
}

function logSize(): number {
  const file = process.env.E2E_DASHBOARD_LOG;
  return file && fs.existsSync(file) ? fs.statSync(file).size : 0;
}

test("thousands of random and malformed requests to every route: no 5xx, JSON errors, the server stays up, etcd unchanged outside the fuzz prefix", async ({ baseURL, etcd }, testInfo) => {
  test.setTimeout(180_000);
  const seed = fuzzSeed();
  console.log(`[fuzz] seed ${seed}: FUZZ_SEED=${seed} npx playwright test e2e/api/fuzz.spec.ts reproduces this run`);
  testInfo.annotations.push({ type: "fuzz seed", description: String(seed) });
  const apiRoutes = routes();
  const configured = await configuredClusters(baseURL!);
  expect(configured).toEqual(expect.arrayContaining(["default", "second"]));
  const trap = await listenTrap();
  const prefix = `fuzz-${seed}`;
  const sentinel = `/fuzz-sentinel-${seed}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 6 });
  const logStart = logSize();
  try {
    // A subtree outside the prefix with every kind of node, which the refused writes aim at.
    await etcd.delete(sentinel, { recursive: "true" });
    await etcd.delete(`/${prefix}`, { recursive: "true" });
    for (const [key, value] of [["plain", "original"], ["special ?#%&", "<b>&amp;"], ["dir/child", "c"], ["日本", "ü"], ["_hidden", "h"]]) {
      expect((await etcd.put(`${sentinel}/${key}`, value)).status).toBe(201);
    }
    expect((await etcd.put(`${sentinel}/empty`, undefined, { dir: "true" })).status).toBe(201);
    const queued = await fetch(`${etcd.url}/v2/keys${sentinel}/queue`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "value=q" });
    expect(queued.status).toBe(201);
    const skip = ["/e2e", `/${prefix}`];
    const before = await snapshot(etcd.url, skip);
    expect(before).toContain(`${sentinel}/dir/child`);
    // The v3 keyspace too: a sentinel key with and without a leading "/", the fuzz's v3 writes go below `<prefix>/`.
    // Other specs' v3 keys ("e2e/t…", "/e2e/t…", and "~t…": a big directory at the end of the root) are not the fuzz's.
    const skip3 = ["/e2e", "e2e", "~t", `${prefix}/`];
    for (const key of [`${sentinel}/v3`, `${sentinel.slice(1)}-v3`]) {
      const put = await fetch(`${etcd.url}/v3/kv/put`, { method: "POST", body: JSON.stringify({ key: Buffer.from(key).toString("base64"), value: Buffer.from("v3 original").toString("base64") }) });
      expect(put.status).toBe(200);
    }
    const before3 = await snapshot3(etcd.url, skip3);
    expect(before3).toContain(Buffer.from(`${sentinel}/v3`).toString("base64"));

    const ctx: FuzzContext = {
      rng: createRng(seed),
      routes: apiRoutes,
      prefix,
      clusters: configured.filter((name) => name !== "down"),
      configured,
      origin: new URL(baseURL!).origin,
      trap: trap.address,
      sentinel,
    };
    const requests: FuzzRequest[] = [];
    for (const route of apiRoutes) {
      for (const method of [...HTTP_METHODS, ...ODD_METHODS]) {
        const exported = route.methods.includes(method) || (method === "HEAD" && route.methods.includes("GET"));
        const keyRoute = route.pattern.includes("/keys/") || route.pattern.endsWith("/v3/keys");
        requests.push(...routeRequests(ctx, route, method, exported ? (keyRoute ? 300 : 40) : 5));
      }
    }
    requests.push(...outsideRequests(ctx), ...hugeRequests(ctx));
    expect(requests.length).toBeGreaterThan(3000);

    const started = Date.now();
    const answers = await pool(requests, 6, (request) => sendFuzz(agent, baseURL!, request));
    const seconds = (Date.now() - started) / 1000;

    const statuses = new Map<number, number>();
    for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    console.log(
      `[fuzz] ${requests.length} requests to ${apiRoutes.length} routes in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    const failures = requests.flatMap((request, i) => {
      const problem = problemWith(request, answers[i]!);
      return problem ? [{ index: i, ...describe(request, answers[i]!, problem) }] : [];
    });
    if (failures.length) {
      const file = testInfo.outputPath("fuzz-failures.json");
      fs.writeFileSync(file, JSON.stringify({ seed, failures }, null, 2));
      await testInfo.attach("fuzz-failures.json", { path: file, contentType: "application/json" });
      const kinds = new Map<string, number>();
      for (const f of failures) kinds.set(f.problem, (kinds.get(f.problem) ?? 0) + 1);
      console.log(`[fuzz] ${failures.length} failing requests, all of them in ${file}:`, Object.fromEntries(kinds));
    }
    expect(failures.slice(0, 10), `${failures.length} failing requests (seed ${seed}); the first ones`).toEqual([]);
    // Some writes did land below the prefix, so the fuzz reached the handlers, not only the guards.
    expect(answers.filter((a, i) => a.status === 201 && requests[i]!.path.includes(`/keys/${prefix}/`)).length).toBeGreaterThan(10);
    // And some v3 writes (creates below the prefix), through the v3 keys route's handlers.
    expect(answers.filter((a, i) => a.status === 201 && requests[i]!.path.includes("/v3/keys?")).length).toBeGreaterThan(0);

    // The server is still up and answers.
    const clusters = await fetch(`${baseURL}/api/clusters`);
    expect(clusters.status).toBe(200);
    expect(((await clusters.json()) as { clusters: unknown[] }).clusters.length).toBe(configured.length);

    // etcd outside the prefix: the same, byte for byte; nothing a refused write aimed at exists.
    expect(await snapshot(etcd.url, skip)).toBe(before);
    expect(await snapshot3(etcd.url, skip3)).toBe(before3);
    expect(await etcd.value(`${sentinel}/_hidden`)).toBe("h");
    const aimedAt = new Set(requests.flatMap((r) => r.outsideKeys ?? []));
    expect(aimedAt.size).toBeGreaterThan(5);
    for (const key of aimedAt) {
      if (key === "/" || key === sentinel || key.startsWith(`${sentinel}/`)) continue; // covered by the snapshot
      if (keyProblem(key)) continue; // not a key etcd can hold
      const answer = await etcd.get(key);
      expect(answer.status, `${key} was only ever written by refused requests`).toBe(404);
    }
    expect(trap.connections(), `connections to ${trap.address}`).toBe(0);
    const log = logSince(logStart);
    expect(log.match(/.*(unexpected error|request failed).*/g) ?? [], "errors the server logged during the fuzz").toEqual([]);
  } finally {
    agent.destroy();
    await trap.close();
    await etcd.delete(sentinel, { recursive: "true" }).catch(() => undefined);
    await etcd.delete(`/${prefix}`, { recursive: "true" }).catch(() => undefined);
    await deleteRange3(etcd.url, `${sentinel}/v3`);
    await deleteRange3(etcd.url, `${sentinel.slice(1)}-v3`);
    await deleteRange3(etcd.url, `${prefix}/`, true);
  }
});

/** Deletes a v3 key (or every key under a prefix) through etcd's JSON gateway; best effort. */
async function deleteRange3(etcdURL: string, key: string, prefix = false): Promise<void> {
  const bytes = Buffer.from(key);
  const end = Buffer.from(bytes);
  end[end.length - 1]! += 1;
  const body = { key: bytes.toString("base64"), ...(prefix ? { range_end: end.toString("base64") } : {}) };
  await fetch(`${etcdURL}/v3/kv/deleterange`, { method: "POST", body: JSON.stringify(body) }).catch(() => undefined);
}

test("no route lets a request choose the etcd host: a host:port in the cluster, key, query, headers or body is never contacted", async ({ baseURL, etcd }) => {
  const apiRoutes = routes();
  const trap = await listenTrap();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const prefix = `fuzz-trap-${Date.now()}`;
  try {
    const host = trap.address;
    const url = `http://${host}`;
    const enc = encodeURIComponent;
    const clusterValues = [host, enc(host), enc(url), `localhost:${host.split(":")[1]}`, enc(`[::1]:${host.split(":")[1]}`), "default"];
    const query = ["endpoint", "endpoints", "host", "url", "target", "server", "etcd", "cluster", "peer"].map((n) => `${n}=${enc(url)}`).join("&");
    const headers = {
      host,
      "x-forwarded-host": host,
      "x-forwarded-for": "127.0.0.1",
      "x-forwarded-proto": "http",
      forwarded: `for=127.0.0.1;host=${host};proto=http`,
      "x-etcd-endpoint": url,
      "x-etcd-host": host,
      "x-real-ip": "127.0.0.1",
      referer: `${url}/`,
      "content-type": "application/json",
    };
    const body = JSON.stringify({ value: url, endpoint: url, endpoints: [url], host, url, cluster: host, peerURLs: [url], username: host, password: url });
    const requests: FuzzRequest[] = [];
    for (const route of apiRoutes) {
      for (const cluster of clusterValues) {
        const path = route.segments
          .map((s) => {
            if (s.kind === "static") return s.name;
            if (s.name === "cluster") return cluster;
            if (s.kind === "catchAll") return s.name === "key" ? `${prefix}/${enc(url)}/${host}` : `${enc(url)}/${host}`;
            return enc(host);
          })
          .join("/");
        for (const method of route.methods) {
          // Writes that could change cluster-wide state are sent cross-site (refused); the host in them still must not be contacted.
          const ctx = { routes: apiRoutes, prefix, configured: ["default", "second", "down"] } as FuzzContext;
          requests.push(confine(ctx, { method, path: `/${path}?${query}`, headers, body: method === "GET" || method === "DELETE" ? undefined : body, note: `${method} /${path}` }));
        }
      }
    }
    expect(requests.length).toBeGreaterThan(50);
    const answers = await pool(requests, 4, (request) => sendFuzz(agent, baseURL!, request));
    const failures = requests.flatMap((request, i) => (answers[i]!.status >= 500 || answers[i]!.error ? [describe(request, answers[i]!, `HTTP ${answers[i]!.status}`)] : []));
    expect(failures).toEqual([]);
    // The watch hub and the cluster monitor work after the answer: give them time to (not) connect.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(trap.connections(), `connections to ${host}`).toBe(0);
  } finally {
    agent.destroy();
    await trap.close();
    await etcd.delete(`/${prefix}`, { recursive: "true" }).catch(() => undefined);
  }
});
