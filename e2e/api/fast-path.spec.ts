// The fast path for key reads (lib/api/server/fast-path.ts, taken by scripts/server.mjs before Next.js)
// must answer exactly as the Next.js route does. A second dashboard on the same etcd runs with the fast
// path switched off; every request below goes to both, and the answers must match: status, content
// type, security policy and body (etcd's current index aside: other specs write meanwhile).
import { startDashboard, type DashboardHandle } from "../../scripts/lib/dashboard.mjs";
import { encodeKey, expect, test } from "../fixtures";

let nextOnly: DashboardHandle;

test.beforeAll(async () => {
  // A loaded machine can take long to start a second Next.js server.
  test.setTimeout(150_000);
  nextOnly = await startDashboard({ etcdEndpoints: [process.env.E2E_ETCD_URL!], env: { ETCD_DASHBOARD_FAST_PATH: "false", ETCD_DASHBOARD_CONFIG: undefined }, startTimeoutMs: 120_000 });
});
test.afterAll(async () => {
  await nextOnly?.stop();
});

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The answer without what moves with other tests' writes. */
async function answer(base: string, path: string) {
  const response = await fetch(base + path, { redirect: "manual" });
  const text = await response.text();
  let body: unknown = text;
  try {
    // etcd lists an unsorted directory in no fixed order: compare children by key.
    body = JSON.parse(text, (name, value: unknown) =>
      name === "etcdIndex" || name === "index" ? undefined : name === "nodes" && Array.isArray(value) ? [...value].sort(byKey) : value,
    );
  } catch {
    // not JSON: compared as text
  }
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    cache: response.headers.get("cache-control"),
    policy: response.headers.get("content-security-policy"),
    location: response.headers.get("location"),
    body,
  };
}

test("key reads take the fast path", async ({ baseURL, etcd, ns }) => {
  await etcd.put(`${ns}/taken`, "value");
  const path = `/api/clusters/default/keys${encodeKey(`${ns}/taken`)}`;
  const [fast, viaNext] = await Promise.all([fetch(baseURL + path), fetch(nextOnly.url + path)]);
  // The fast path sends the length and no Vary; Next.js's route streams its answer, with Vary.
  expect(fast.headers.get("vary")).toBeNull();
  expect(fast.headers.get("content-length")).not.toBeNull();
  expect(viaNext.headers.get("vary")).not.toBeNull();
});

test("key reads answer the same with and without the fast path", async ({ baseURL, etcd, ns }) => {
  await etcd.put(`${ns}/plain`, "value");
  await etcd.put(`${ns}/dir/a b`, "spaces");
  await etcd.put(`${ns}/dir/ünï`, "unicode");
  await etcd.put(`${ns}/dir/sub/deep`, "deep");
  await etcd.put(`${ns}/dir/q?x=1#h`, "odd");
  await etcd.put(`${ns}/dir/percent%41`, "percent");
  const keys = (key: string, cluster = "default") => `/api/clusters/${cluster}/keys${encodeKey(key)}`;
  const paths = [
    keys(`${ns}/plain`),
    keys(`${ns}/dir`),
    keys(`${ns}/dir`) + "?recursive=true&sorted=true",
    keys(`${ns}/dir`) + "?sorted=true&quorum=true",
    keys(`${ns}/dir/a b`),
    keys(`${ns}/dir/ünï`),
    keys(`${ns}/dir/q?x=1#h`),
    keys(`${ns}/dir/percent%41`),
    keys(`${ns}/missing`),
    keys(`${ns}/plain/under-a-file`),
    keys(`${ns}/plain`) + "?recursive=yes",
    keys(`${ns}/plain`) + "?sorted=true&sorted=false",
    keys(`${ns}/plain`) + "?surprise=1",
    keys(`${ns}/plain`, "nope"),
    keys(`${ns}/plain`, "bad%20name"),
    keys(`${ns}/plain`, "down"),
    "/api/clusters/default/keys",
    `/api/clusters/default/keys${encodeKey(ns)}/dir/`,
    `/api/clusters/default/keys${encodeKey(ns)}/./plain`,
    `/api/clusters/default/keys${encodeKey(ns)}/dir/..`,
    `/api/clusters/default/keys${encodeKey(ns)}/a%2Fb`,
    `/api/clusters/default/keys${encodeKey(ns)}/%00`,
    "/api/clusters/default/keys/" + "x".repeat(5000),
  ];
  for (const path of paths) {
    const [fast, viaNext] = await Promise.all([answer(baseURL!, path), answer(nextOnly.url, path)]);
    // The `down` cluster exists only in the shared dashboard's configuration.
    if (path.includes("/clusters/down/")) {
      expect(fast.status, path).toBe(503);
      continue;
    }
    expect(fast, path).toEqual(viaNext);
  }
  // One known difference: Next.js drops a "__proto__" query parameter before the route sees it; the fast
  // path refuses it like any other unknown parameter.
  const proto = await answer(baseURL!, keys(`${ns}/plain`) + "?__proto__=1");
  expect(proto.status).toBe(400);
});
