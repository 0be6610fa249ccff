// GET /api/clusters/:cluster/overview: what the Cluster page shows, from one shared poll.
import { SECRET_PASSWORD, SECRET_USERNAME } from "../global-setup";
import { expect, expectApiError, expectInvalid, test } from "../fixtures";

interface Overview {
  at: number;
  intervalMs: number;
  connection: Record<string, unknown>;
  status: { ok: true; quorum: boolean; members: { id: string; health: string; isLeader: boolean; self?: { state: string } }[]; leaderId?: string; machines: string[] } | { ok: false; error: { code: string; message: string } };
  samples: { at: number }[];
}

test.describe("GET /api/clusters/:cluster/overview", () => {
  test("members with health and stats, the leader, machines, connection settings and samples", async ({ request, etcd }) => {
    const response = await request.get("/api/clusters/default/overview");
    expect(response.status()).toBe(200);
    const body = (await response.json()) as Overview;
    expect(body.intervalMs).toBe(2_000);
    expect(body.connection).toEqual({ name: "default", endpoints: [etcd.url], tls: false, clientCertificate: false, auth: false, requestTimeoutMs: 5_000, writeTimeoutMs: 10_000, statsIntervalMs: 2_000, endpointStates: [{ url: etcd.url, inUse: true, learned: false }] });
    if (!body.status.ok) throw new Error(JSON.stringify(body.status));
    expect(body.status.quorum).toBe(true);
    expect(body.status.members).toHaveLength(1);
    expect(body.status.members[0]).toMatchObject({ health: "healthy", isLeader: true, self: { state: "StateLeader" } });
    expect(body.status.leaderId).toBe(body.status.members[0]!.id);
    expect(body.status.machines).toEqual([etcd.url]);
    expect(body.samples.length).toBeGreaterThanOrEqual(1);
    // A second look within the interval is the same poll; `since` leaves out samples the browser has.
    const again = (await (await request.get(`/api/clusters/default/overview?since=${body.at}`)).json()) as Overview;
    if (again.at === body.at) expect(again.samples).toEqual([]);
    else expect(again.samples.every((s) => s.at > body.at)).toBe(true);
  });

  test("a cluster that cannot be reached: its settings, and the reason, without its credentials", async ({ request }) => {
    const response = await request.get("/api/clusters/down/overview");
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(SECRET_PASSWORD);
    expect(text).not.toContain(SECRET_USERNAME);
    const body = JSON.parse(text) as Overview;
    expect(body.connection).toMatchObject({ name: "down", auth: true });
    // Its only endpoint refused the connection: set aside for a while, with the reason.
    expect(body.connection.endpointStates).toEqual([expect.objectContaining({ inUse: true, setAsideUntil: expect.any(Number), lastError: expect.stringMatching(/ECONNREFUSED/) })]);
    expect(body.status).toMatchObject({ ok: false, error: { code: "etcd_unavailable" } });
  });

  test("rejects bad input", async ({ request }) => {
    await expectApiError(await request.get("/api/clusters/nope/overview"), 404, "cluster_not_found");
    await expectInvalid(await request.get("/api/clusters/default/overview?since=soon"), "query.since");
    await expectInvalid(await request.get("/api/clusters/default/overview?endpoint=x"), /query/);
  });
});
