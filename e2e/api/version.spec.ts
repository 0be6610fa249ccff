import { expect, expectApiError, test } from "../fixtures";

test.describe("GET /api/clusters/:cluster/version", () => {
  test("answers etcd's server and cluster versions", async ({ request }) => {
    const response = await request.get("/api/clusters/default/version");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    const body = (await response.json()) as { etcdserver: string; etcdcluster: string };
    expect(body.etcdserver).toMatch(/^3\.4\.\d+/);
    expect(body.etcdcluster).toMatch(/^3\.4\.\d+/);
  });

  test("a second configured cluster answers too", async ({ request }) => {
    const response = await request.get("/api/clusters/second/version");
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { etcdserver: string }).etcdserver).toMatch(/^3\.4\./);
  });

  test("an unreachable etcd is a 503 etcd_unavailable", async ({ request }) => {
    const started = Date.now();
    const error = await expectApiError(await request.get("/api/clusters/down/version"), 503, "etcd_unavailable");
    // Nothing listens there: refused at once, no waiting for the 1 s deadline times retries.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.message).not.toContain("e2e-secret");
  });

  test("an unknown cluster is a 404 cluster_not_found", async ({ request }) => {
    await expectApiError(await request.get("/api/clusters/nope/version"), 404, "cluster_not_found");
  });

  test("an invalid cluster name is a 400", async ({ request }) => {
    const error = await expectApiError(await request.get("/api/clusters/_bad%20name/version"), 400, "invalid_input");
    expect(error.issues?.[0]?.path).toBe("cluster");
  });
});
