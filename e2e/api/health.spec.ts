import { expect, expectApiError, test } from "../fixtures";

interface HealthBody {
  quorum: boolean;
  healthyCount: number;
  memberCount: number;
  members: {
    id: string;
    name: string;
    peerURLs: string[];
    clientURLs: string[];
    health: string;
    reason?: string;
    version?: { etcdserver: string; etcdcluster: string };
  }[];
}

test.describe("GET /api/clusters/:cluster/health", () => {
  test("reports the single member healthy, with quorum and its version", async ({ request, etcd }) => {
    const response = await request.get("/api/clusters/default/health");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as HealthBody;
    expect(body.quorum).toBe(true);
    expect(body.memberCount).toBe(1);
    expect(body.healthyCount).toBe(1);
    expect(body.members).toHaveLength(1);
    const member = body.members[0]!;
    expect(member.id).toMatch(/^[0-9a-f]{1,16}$/);
    expect(member.name).toBe("default");
    expect(member.health).toBe("healthy");
    expect(member.reason).toBeUndefined();
    expect(member.clientURLs).toEqual([etcd.url]);
    expect(member.peerURLs).toHaveLength(1);
    expect(member.version?.etcdserver).toMatch(/^3\.4\./);
  });

  test("an unreachable cluster is a 503 etcd_unavailable", async ({ request }) => {
    await expectApiError(await request.get("/api/clusters/down/health"), 503, "etcd_unavailable");
  });

  test("an unknown cluster is a 404 cluster_not_found", async ({ request }) => {
    await expectApiError(await request.get("/api/clusters/missing/health"), 404, "cluster_not_found");
  });
});
