import { expect, expectApiError, test } from "../fixtures";

test.describe("GET /api/clusters/:cluster/machines", () => {
  test("lists the client URLs of the members", async ({ request, etcd }) => {
    const response = await request.get("/api/clusters/default/machines");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ machines: [etcd.url] });
  });

  test("an unreachable cluster is a 503", async ({ request }) => {
    await expectApiError(await request.get("/api/clusters/down/machines"), 503, "etcd_unavailable");
  });
});
