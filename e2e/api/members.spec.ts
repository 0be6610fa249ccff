import { expect, expectApiError, expectInvalid, test } from "../fixtures";

// Only reads and refused writes: adding a member to the single-member test cluster would cost it its quorum.
test.describe("/api/clusters/:cluster/members", () => {
  test("GET lists the members", async ({ request, etcd }) => {
    const response = await request.get("/api/clusters/default/members");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { members: { id: string; name: string; peerURLs: string[]; clientURLs: string[] }[] };
    expect(body.members).toHaveLength(1);
    const member = body.members[0]!;
    expect(member.id).toMatch(/^[0-9a-f]{1,16}$/);
    expect(member.name).toBe("default");
    expect(member.clientURLs).toEqual([etcd.url]);
    expect(member.peerURLs[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test("GET on an unreachable cluster is a 503", async ({ request }) => {
    await expectApiError(await request.get("/api/clusters/down/members"), 503, "etcd_unavailable");
  });

  test("POST validates the peer URLs before anything reaches etcd", async ({ request }) => {
    await expectInvalid(await request.post("/api/clusters/default/members", { data: { peerURLs: [] } }), "body.peerURLs");
    await expectInvalid(await request.post("/api/clusters/default/members", { data: { peerURLs: ["not a url"] } }), /^body\.peerURLs/);
    await expectInvalid(await request.post("/api/clusters/default/members", { data: { peerURLs: ["ftp://x:1"] } }), /^body\.peerURLs/);
    await expectInvalid(await request.post("/api/clusters/default/members", { data: {} }), "body.peerURLs");
    await expectInvalid(
      await request.post("/api/clusters/default/members", { data: { peerURLs: ["http://127.0.0.1:1"], extra: 1 } }),
      "body",
    );
    const members = (await (await request.get("/api/clusters/default/members")).json()) as { members: unknown[] };
    expect(members.members).toHaveLength(1);
  });

  test("POST from another origin is refused", async ({ request }) => {
    await expectApiError(
      await request.post("/api/clusters/default/members", {
        data: { peerURLs: ["http://127.0.0.1:1"] },
        headers: { origin: "http://evil.example" },
      }),
      403,
      "cross_origin",
    );
  });

  test("DELETE needs a hex member id, and an unknown one is a 404", async ({ request }) => {
    await expectInvalid(await request.delete("/api/clusters/default/members/zzz"), "id");
    await expectApiError(await request.delete("/api/clusters/default/members/ffffffffffffffff"), 404, "member_not_found");
  });
});
