import { expect, expectApiError, test } from "../fixtures";

test.describe("GET /api/clusters/:cluster/keyspaces", () => {
  test("etcd 3.4 with v2 on: both keyspaces, v2 opened by default, and the version", async ({ request }) => {
    const response = await request.get("/api/clusters/default/keyspaces");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.json()).toEqual({ offered: ["v2", "v3"], default: "v2", version: expect.stringMatching(/^3\.4\./) });
  });

  test("a cluster that cannot be reached: what is configured, with no version, rather than an error", async ({ request }) => {
    const response = await request.get("/api/clusters/down/keyspaces");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ offered: ["v2", "v3"], default: "v2" });
  });

  test("an unknown cluster is a 404, an invalid name a 400", async ({ request }) => {
    await expectApiError(await request.get("/api/clusters/nope/keyspaces"), 404, "cluster_not_found");
    await expectApiError(await request.get("/api/clusters/_bad%20name/keyspaces"), 400, "invalid_input");
  });
});
