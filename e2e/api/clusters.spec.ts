import { SECRET_PASSWORD, SECRET_USERNAME } from "../global-setup";
import { expect, test } from "../fixtures";

test.describe("GET /api/clusters", () => {
  test("lists the configured clusters by name with their endpoint count", async ({ request }) => {
    const response = await request.get("/api/clusters");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    const body = (await response.json()) as { clusters: { name: string; endpointCount: number }[] };
    expect(body).toEqual({
      clusters: expect.arrayContaining([
        { name: "default", endpointCount: 1, readOnly: false },
        { name: "second", endpointCount: 1, readOnly: false },
        { name: "down", endpointCount: 1, readOnly: false },
      ]),
    });
    expect(body.clusters).toHaveLength(3);
    // Exactly these two fields per cluster: nothing else about the connection leaks.
    for (const cluster of body.clusters) expect(Object.keys(cluster).sort()).toEqual(["endpointCount", "name", "readOnly"]);
  });

  test("never shows credentials, endpoints or other connection settings", async ({ request, etcd }) => {
    const text = await (await request.get("/api/clusters")).text();
    expect(text).not.toContain(SECRET_PASSWORD);
    expect(text).not.toContain(SECRET_USERNAME);
    expect(text).not.toContain(new URL(etcd.url).host);
    expect(text).not.toMatch(/127\.0\.0\.1|https?:|password|username|endpoints|tls/i);
  });

  test("the cluster with credentials does not leak them in its errors either", async ({ request }) => {
    for (const path of ["version", "health", "keys/x", "members", "machines", "stats/self", "stats/store", "stats/leader"]) {
      const text = await (await request.get(`/api/clusters/down/${path}`)).text();
      expect(text, path).not.toContain(SECRET_PASSWORD);
      expect(text, path).not.toContain(SECRET_USERNAME);
    }
  });

  test("is read-only: other methods are refused without a 5xx", async ({ request }) => {
    const response = await request.post("/api/clusters", { data: { name: "evil", endpoints: ["http://169.254.169.254"] } });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    const list = (await (await request.get("/api/clusters")).json()) as { clusters: { name: string }[] };
    expect(list.clusters.map((c) => c.name)).not.toContain("evil");
  });
});
