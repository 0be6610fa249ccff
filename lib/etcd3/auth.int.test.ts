// etcd auth on v3 against an etcd of its own with auth on and a 2 s token TTL (--auth-token-ttl): the
// token is fetched once and shared, renewed when etcd calls it invalid, and a wrong password is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { etcdErrorOf, sleep, uniquePrefix } from "../testing/etcd-direct";
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

describe("v3 auth", () => {
  it("authenticates once for concurrent calls and works after the token expired", async () => {
    const client = makeClient("rootpw");
    const p = uniquePrefix();
    let authentications = 0;
    const renew = client.transport.renewToken.bind(client.transport);
    client.transport.renewToken = async (stale) => {
      authentications += 1;
      return renew(stale);
    };
    await Promise.all(Array.from({ length: 5 }, (_, i) => client.put({ key: `${p}/${i}`, value: "v" })));
    expect((await client.range({ key: `${p}/`, prefix: true })).kvs).toHaveLength(5);
    expect(authentications).toBe(0);
    // Idle past the TTL: etcd forgets the token ("invalid auth token"); the client renews it and retries.
    await sleep(4_500);
    expect((await client.get(`${p}/0`))?.value.toString()).toBe("v");
    expect(authentications).toBe(1);
    // A write after expiry is retried too (etcd checks the token before proposing it).
    await sleep(4_500);
    await client.put({ key: `${p}/after`, value: "w" });
    expect(authentications).toBe(2);
    const root = ["--user", "root:rootpw"];
    expect(await etcdctl(etcd.clientURL, ["get", `${p}/after`, "--print-value-only"], root)).toBe("w\n");
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
