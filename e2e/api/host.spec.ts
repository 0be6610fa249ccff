// DNS rebinding: a page on an attacker's name that resolves to the dashboard's address sends the
// attacker's name as Host (and Origin), so the same-origin check alone lets its writes through. The
// server answers only to the names it is served under: loopback names and IP addresses by default,
// plus HOST and ETCD_DASHBOARD_ALLOWED_HOSTS; any other Host gets a 403 before anything else runs.
import { expect, test } from "../fixtures";
import { startOwnEtcd, type OwnEtcd } from "../own-etcd";
import { rawJson, rawRequest, type RawResponse } from "../raw-http";

function expectHostRefused(response: RawResponse, what: string): void {
  expect(response.status, `${what}: ${response.body.slice(0, 200)}`).toBe(403);
  if (response.headers["content-type"]?.startsWith("application/json")) {
    expect(rawJson(response).error.code, what).toBe("host_not_allowed");
  } else {
    expect(response.headers["content-type"], what).toMatch(/^text\/plain/);
    expect(response.body, what).toMatch(/host/i);
  }
}

test("a request under a foreign Host name is refused, pages and API alike, and a rebound write never reaches etcd", async ({ baseURL, etcd, ns, keysUrl }) => {
  const { port } = new URL(baseURL!);
  await etcd.put(`${ns}/k`, "original");
  for (const host of [`evil.example:${port}`, "evil.example", `attacker.localhost.evil.example:${port}`]) {
    const origin = `http://${host}`;
    for (const path of ["/", "/keys", `/keys${ns}/k`, "/login", "/api/clusters", keysUrl(`${ns}/k`), "/api/clusters/default/version"]) {
      expectHostRefused(await rawRequest(baseURL!, { path, headers: { host } }), `GET ${path} as ${host}`);
    }
    const write = await rawRequest(baseURL!, {
      method: "PUT",
      path: keysUrl(`${ns}/k`),
      headers: { host, origin, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: JSON.stringify({ value: "rebound" }),
    });
    expectHostRefused(write, `PUT as ${host}`);
    expect(rawJson(write).error.code).toBe("host_not_allowed");
    expectHostRefused(await rawRequest(baseURL!, { method: "DELETE", path: keysUrl(`${ns}/k`), headers: { host, origin } }), `DELETE as ${host}`);
  }
  // The page answer is plain text that says what to do.
  const page = await rawRequest(baseURL!, { path: "/", headers: { host: "evil.example" } });
  expect(page.body).toContain("ETCD_DASHBOARD_ALLOWED_HOSTS");
  expect(await etcd.value(`${ns}/k`)).toBe("original");
});

test("loopback names and IP addresses are answered, with or without a port", async ({ baseURL, keysUrl, ns, etcd }) => {
  const { port } = new URL(baseURL!);
  await etcd.put(`${ns}/k`, "v");
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, "localhost", `LOCALHOST:${port}`, `app.localhost:${port}`, `[::1]:${port}`, `10.1.2.3:${port}`, "localhost."]) {
    const api = await rawRequest(baseURL!, { path: keysUrl(`${ns}/k`), headers: { host } });
    expect(api.status, `${host}: ${api.body.slice(0, 200)}`).toBe(200);
    expect((await rawRequest(baseURL!, { path: "/api/clusters", headers: { host } })).status, host).toBe(200);
  }
});

test.describe("behind a reverse proxy", () => {
  test.describe.configure({ mode: "serial" });
  let own: OwnEtcd;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    own = await startOwnEtcd("allowed-hosts", (url) => [{ name: "default", endpoints: [url] }], {
      ETCD_DASHBOARD_ALLOWED_HOSTS: "dashboard.example.com, .internal.example",
      ETCD_DASHBOARD_TRUST_PROXY: "true",
    });
  });

  test.afterAll(async () => {
    await own?.stop();
  });

  test("ETCD_DASHBOARD_ALLOWED_HOSTS adds names (and subdomains with a leading dot); X-Forwarded-Host is checked too when the proxy is trusted", async () => {
    const base = own.dashboard.url;
    for (const host of ["dashboard.example.com", "dashboard.example.com:443", "a.internal.example", "127.0.0.1"]) {
      expect((await rawRequest(base, { path: "/api/clusters", headers: { host } })).status, host).toBe(200);
    }
    for (const host of ["evil.example", "internal.example.evil", "xdashboard.example.com"]) {
      expectHostRefused(await rawRequest(base, { path: "/api/clusters", headers: { host } }), host);
    }
    // A proxy that passes its own upstream name as Host and the browser's as X-Forwarded-Host.
    const proxied = (forwarded: string) => rawRequest(base, { path: "/api/clusters", headers: { host: "127.0.0.1", "x-forwarded-host": forwarded } });
    expect((await proxied("dashboard.example.com")).status).toBe(200);
    expectHostRefused(await proxied("evil.example"), "X-Forwarded-Host evil.example");
    const write = await rawRequest(base, {
      method: "PUT",
      path: "/api/clusters/default/keys/rebound",
      headers: { host: "127.0.0.1", "x-forwarded-host": "evil.example", origin: "http://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ value: "x" }),
    });
    expectHostRefused(write, "a rebound write through the proxy");
    expect((await own.direct("GET", "/v2/keys/rebound")).status).toBe(404);
  });
});
