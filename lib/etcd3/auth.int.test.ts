// etcd auth on v3 against an etcd of its own with auth on and a 2 s token TTL (--auth-token-ttl): the
// token is fetched once and shared, renewed when etcd calls it invalid (auth re-enabled, or expired), and
// a wrong password is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { etcdErrorOf, sleep, uniquePrefix, waitFor } from "../testing/etcd-direct";
import { etcdctl } from "../testing/etcdctl3";
import { Etcd3Client } from "./client";

let etcd: EtcdHandle;
const clients: Etcd3Client[] = [];

beforeAll(async () => {
  etcd = await startEtcd({ name: "v3-auth", extraArgs: ["--auth-token-ttl", "2"] });
  await etcdctl(etcd.clientURL, ["user", "add", "root:rootpw", "--interactive=false"]);
  await etcdctl(etcd.clientURL, ["user", "grant-role", "root", "root"]);
  await etcdctl(etcd.clientURL, ["auth", "enable"]);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await etcd?.stop();
});

function makeClient(password: string) {
  const client = new Etcd3Client({ endpoints: [etcd.clientURL], auth: { username: "root", password } });
  clients.push(client);
  return client;
}

/** The token the client holds now (a stream opened and dropped: its `token` is the cached one). */
async function tokenOf(client: Etcd3Client): Promise<string> {
  const { call, token } = await client.transport.openStream("Watch", "Watch");
  call.on("error", () => undefined);
  call.cancel();
  if (!token) throw new Error("the client holds no token");
  return token;
}

/** Whether etcd refuses `token`, asked through its JSON gateway (§2: `Authorization: <token>`, 401 when invalid). */
async function refused(token: string): Promise<boolean> {
  const res = await fetch(`${etcd.clientURL}/v3/kv/range`, { method: "POST", headers: { Authorization: token }, body: JSON.stringify({ key: Buffer.from("k").toString("base64") }) });
  await res.body?.cancel();
  return res.status === 401;
}

function countRenewals(client: Etcd3Client): () => number {
  let renewals = 0;
  const renew = client.transport.renewToken.bind(client.transport);
  client.transport.renewToken = async (stale) => {
    renewals += 1;
    return renew(stale);
  };
  return () => renewals;
}

const ROOT = ["--user", "root:rootpw"];

describe("v3 auth", () => {
  it("authenticates once for concurrent calls, and renews a token etcd no longer accepts, for a read and a write", async () => {
    const client = makeClient("rootpw");
    const renewals = countRenewals(client);
    const p = uniquePrefix();
    await Promise.all(Array.from({ length: 5 }, (_, i) => client.put({ key: `${p}/${i}`, value: "v" })));
    expect((await client.range({ key: `${p}/`, prefix: true })).kvs).toHaveLength(5);
    expect(renewals()).toBe(0);

    // §9: disabling and re-enabling auth kills every token at once: a state to wait for, unlike the TTL.
    const invalidate = async () => {
      const token = await tokenOf(client);
      await etcdctl(etcd.clientURL, ["auth", "disable"], ROOT);
      await etcdctl(etcd.clientURL, ["auth", "enable"]);
      expect(await waitFor(() => refused(token))).toBe(true);
    };
    await invalidate();
    expect((await client.get(`${p}/0`))?.value.toString()).toBe("v");
    expect(renewals()).toBe(1);
    // A write is retried too (etcd checks the token before proposing it).
    await invalidate();
    await client.put({ key: `${p}/after`, value: "w" });
    expect(renewals()).toBe(2);
    expect(await etcdctl(etcd.clientURL, ["get", `${p}/after`, "--print-value-only"], ROOT)).toBe("w\n");
  });

  it("renews a token that expired while the client was idle (--auth-token-ttl 2)", async () => {
    const client = makeClient("rootpw");
    const renewals = countRenewals(client);
    const token = await tokenOf(client);
    // Time is the only witness here: the TTL restarts on every use of the token (§9), so polling etcd
    // with it would keep it alive. Idle for TTL (2 s) + etcd's 1 s expiry tick + margin, then check.
    await sleep(4_500);
    expect(await refused(token)).toBe(true);
    expect((await client.range({ key: "k" })).kvs).toEqual([]);
    expect(renewals()).toBe(1);
  });

  it("a wrong password is unauthorized, with etcd's message", async () => {
    const client = makeClient("wrong");
    const error = await etcdErrorOf(client.range({ key: "k" }));
    expect(error).toMatchObject({ kind: "unauthorized", grpcCode: 3 });
    expect(error.etcdCause).toMatch(/authentication failed/);
  });

  it("a client without credentials is unauthorized on a cluster with auth on", async () => {
    const client = new Etcd3Client({ endpoints: [etcd.clientURL] });
    clients.push(client);
    expect(await etcdErrorOf(client.range({ key: "k" }))).toMatchObject({ kind: "unauthorized", etcdCause: "etcdserver: user name is empty" });
  });
});
