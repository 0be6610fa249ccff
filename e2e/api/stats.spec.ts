import { expect, expectApiError, test } from "../fixtures";

interface PerMember<T> {
  members: ({ id: string; name: string; endpoint: string | null } & ({ ok: true; stats: T } | { ok: false; error: { code: string } }))[];
}

test.describe("GET /api/clusters/:cluster/stats/*", () => {
  test("self: each member's own stats, asked directly", async ({ request, etcd }) => {
    const response = await request.get("/api/clusters/default/stats/self");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as PerMember<{ name: string; id: string; state: string; startTime: string; leaderInfo: { leader: string } }>;
    expect(body.members).toHaveLength(1);
    const member = body.members[0]!;
    expect(member.endpoint).toBe(etcd.url);
    expect(member.ok).toBe(true);
    if (!member.ok) return;
    expect(member.stats.name).toBe("default");
    expect(member.stats.id).toBe(member.id);
    expect(member.stats.state).toBe("StateLeader");
    expect(member.stats.leaderInfo.leader).toBe(member.id);
    expect(Date.parse(member.stats.startTime)).not.toBeNaN();
  });

  test("store: the member's counters, which count our writes", async ({ request, keysUrl, ns }) => {
    const read = async () => {
      const response = await request.get("/api/clusters/default/stats/store");
      expect(response.status()).toBe(200);
      const body = (await response.json()) as PerMember<Record<string, number>>;
      expect(body.members).toHaveLength(1);
      const member = body.members[0]!;
      expect(member.ok).toBe(true);
      return member.ok ? member.stats : {};
    };
    const before = await read();
    for (const name of ["getsSuccess", "setsSuccess", "deleteSuccess", "createSuccess", "compareAndSwapSuccess", "expireCount", "watchers"]) {
      expect(typeof before[name], name).toBe("number");
    }
    expect((await request.put(keysUrl(`${ns}/counted`), { data: { value: "1" } })).status()).toBe(201);
    const after = await read();
    expect(after.setsSuccess!).toBeGreaterThan(before.setsSuccess!);
  });

  test("leader: the leader's view of its followers (none in a single-member cluster)", async ({ request }) => {
    const response = await request.get("/api/clusters/default/stats/leader");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { leader: string; followers: Record<string, unknown> };
    expect(body.leader).toMatch(/^[0-9a-f]{1,16}$/);
    expect(body.followers).toEqual({});
  });

  for (const kind of ["self", "store", "leader"]) {
    test(`${kind}: an unreachable cluster is a 503`, async ({ request }) => {
      await expectApiError(await request.get(`/api/clusters/down/stats/${kind}`), 503, "etcd_unavailable");
    });
  }

  test("an unknown stats kind is a JSON 404", async ({ request }) => {
    await expectApiError(await request.get("/api/clusters/default/stats/bogus"), 404, "not_found");
  });
});
