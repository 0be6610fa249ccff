// Integration tests of the client over TLS, against etcd processes of our own that serve https client
// URLs: one with --client-cert-auth (mutual TLS), one that only presents its server certificate. The
// certificates (a throwaway CA, a server certificate for IP 127.0.0.1, client certificates) are made with
// `openssl` in a temp dir; without openssl the tests are skipped with a message saying so. Results are
// checked against etcd itself through an independent https request (node:https, not the client).
import fs from "node:fs";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { errorResponse } from "../api/server/error-response";
import { EtcdClient } from "./client";
import type { EtcdError } from "./errors";
import { parseKey } from "./key-path";
import { encodeKey, etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";
import { HAS_OPENSSL, makePki, readPem, type Pki } from "../testing/test-pki";

/** GET over https with node:https directly: the witness of what etcd holds, independent of the client. */
function httpsGet(url: string, tls: { ca: Buffer; cert?: Buffer; key?: Buffer }): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ...tls, agent: false, timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: any;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

/** Every message and code along an error's cause chain, for asserting why it failed. */
function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let e: any = error, depth = 0; e && depth < 10; e = e.cause, depth++) {
    parts.push(`${e.code ?? ""} ${e.message ?? String(e)}`);
  }
  return parts.join(" <- ");
}

/** Everything of an error that could travel: its fields, its cause chain, and the API's JSON response. */
async function everythingSaidBy(error: EtcdError): Promise<string> {
  const body = await errorResponse(error).text();
  return [error.message, error.etcdCause ?? "", JSON.stringify(error), causeChain(error), body].join("\n");
}

/** A certificate-verification failure as Node/OpenSSL report it (not a refused or reset connection). */
const CERTIFICATE_FAILURE = /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED_CERT|certificate/i;

// `npm test` installs openssl when it is missing (scripts/lib/ensure.mjs): without it there are no certificates.
if (!HAS_OPENSSL) throw new Error("openssl is needed to make the test certificates: apt-get install -y openssl");

describe("etcd over TLS", () => {
  let dir: string;
  let pki: Pki;
  let pem: ReturnType<typeof readPem>;
  /** --client-cert-auth: every client must present a certificate signed by the CA. */
  let mutual: EtcdHandle;
  /** Server certificate only: a client needs nothing but the CA. */
  let serverOnly: EtcdHandle;
  const clients: EtcdClient[] = [];
  const clientFor = (etcd: EtcdHandle, tls: { ca?: Buffer; cert?: Buffer; key?: Buffer } | undefined) => {
    const client = new EtcdClient({ endpoints: [etcd.clientURL], tls, discoverMembers: false, readTimeoutMs: 3_000 });
    clients.push(client);
    return client;
  };
  /** The value etcd holds at `key`, read over mutual TLS with node:https; undefined when etcd says 404. */
  const witness = async (key: string) => {
    const res = await httpsGet(`${mutual.clientURL}/v2/keys${encodeKey(key)}?quorum=true`, pem);
    if (res.status === 404 && res.json?.errorCode === 100) return undefined;
    expect(res.status).toBe(200);
    return res.json.node.value as string;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd-tls-test-"));
    pki = makePki(dir);
    pem = readPem(pki);
    const server = { certFile: pki.serverCertFile, keyFile: pki.serverKeyFile };
    [mutual, serverOnly] = await Promise.all([
      startEtcd({ name: "tls-mutual", tls: { ...server, trustedCaFile: pki.caFile, clientCertAuth: true } }),
      // No --trusted-ca-file: with one, etcd 3.4 requires client certificates even without --client-cert-auth.
      startEtcd({ name: "tls-server-only", tls: server }),
    ]);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.allSettled([mutual?.stop(), serverOnly?.stop()]);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the harness serves https client URLs", async () => {
    expect(mutual.clientURL).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(serverOnly.clientURL).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // Plain http to the TLS port gets no etcd answer.
    const plain = await fetch(`${serverOnly.clientURL.replace("https:", "http:")}/version`).then(
      (r) => r.status,
      () => "failed",
    );
    expect(plain).not.toBe(200);
  });

  it("reads, writes and checks health with the CA and a client certificate (mutual TLS)", async () => {
    const client = clientFor(mutual, { ca: pem.ca, cert: pem.cert, key: pem.key });
    const p = uniquePrefix("tls");
    const created = await client.keys.create(parseKey(`${p}/a`), "über TLS");
    expect(created.action).toBe("create");
    expect(await witness(`${p}/a`)).toBe("über TLS");
    await client.keys.set(parseKey(`${p}/a`), "changed");
    expect(await witness(`${p}/a`)).toBe("changed");
    expect((await client.keys.get(parseKey(`${p}/a`))).node?.value).toBe("changed");
    await client.keys.delete(parseKey(`${p}/a`));
    expect(await witness(`${p}/a`)).toBeUndefined();

    expect((await client.cluster.version()).etcdserver).toMatch(/^3\./);
    // Per-member probes go to the https client URL etcd advertises, with the same TLS material.
    const health = await client.cluster.health();
    expect(health).toMatchObject({ quorum: true, healthyCount: 1, memberCount: 1 });
    expect(health.members[0]).toMatchObject({ clientURLs: [mutual.clientURL], health: "healthy" });
  });

  it("a CA alone is enough when etcd does not ask for a client certificate", async () => {
    const client = clientFor(serverOnly, { ca: pem.ca });
    const p = uniquePrefix("tls");
    await client.keys.set(parseKey(`${p}/k`), "v");
    expect((await client.keys.get(parseKey(`${p}/k`), { quorum: true })).node?.value).toBe("v");
    const direct = await httpsGet(`${serverOnly.clientURL}/v2/keys${encodeKey(`${p}/k`)}`, { ca: pem.ca });
    expect(direct.json.node.value).toBe("v");
  });

  it("without the CA the server certificate is refused: unavailable, nothing written, no key material in the error", async () => {
    const client = clientFor(mutual, { cert: pem.cert, key: pem.key });
    const p = uniquePrefix("tls");

    const read = await etcdErrorOf(client.keys.get(parseKey(`${p}/x`)));
    expect(read.kind).toBe("unavailable");
    expect(causeChain(read)).toMatch(CERTIFICATE_FAILURE);

    // A create is not idempotent: it may only be reported "outcome unknown" if it could have reached
    // etcd, and a request whose TLS handshake failed never did.
    const write = await etcdErrorOf(client.keys.create(parseKey(`${p}/x`), "never"));
    expect(write.kind).toBe("unavailable");
    expect(causeChain(write)).toMatch(CERTIFICATE_FAILURE);
    expect(write.outcomeUnknown).toBe(false);
    expect(await witness(`${p}/x`)).toBeUndefined();

    const keyBody = pem.key.toString("utf8").split("\n").filter((l) => l && !l.startsWith("-----")).join("");
    for (const error of [read, write]) {
      const said = await everythingSaidBy(error);
      expect(said).not.toContain("PRIVATE KEY");
      expect(said).not.toContain(keyBody.slice(0, 40));
      expect(said).not.toContain(pem.cert.toString("utf8").split("\n")[1]!);
    }
  });

  it("with --client-cert-auth, a client without a client certificate is refused and writes nothing", async () => {
    const client = clientFor(mutual, { ca: pem.ca });
    const p = uniquePrefix("tls");
    const read = await etcdErrorOf(client.keys.get(parseKey(`${p}/y`)));
    expect(read.kind).toBe("unavailable");
    expect(causeChain(read)).toMatch(/certificate|ECONNRESET|alert/i);
    const write = await etcdErrorOf(client.keys.create(parseKey(`${p}/y`), "never"));
    expect(write.kind).toBe("unavailable");
    // etcd refused the handshake, so the create never reached it: its outcome is known.
    expect(write.outcomeUnknown).toBe(false);
    expect(await witness(`${p}/y`)).toBeUndefined();
    expect(await everythingSaidBy(read)).not.toContain("PRIVATE KEY");
  });

  it("with --client-cert-auth, a client certificate from another CA is refused", async () => {
    const client = clientFor(mutual, { ca: pem.ca, cert: pem.strangerCert, key: pem.strangerKey });
    const p = uniquePrefix("tls");
    const refused = await etcdErrorOf(client.keys.create(parseKey(`${p}/z`), "never"));
    expect(refused).toMatchObject({ kind: "unavailable", outcomeUnknown: false });
    expect(await witness(`${p}/z`)).toBeUndefined();
    // The same client with the right certificate works, so it was the certificate that was refused.
    const good = clientFor(mutual, { ca: pem.ca, cert: pem.cert, key: pem.key });
    await good.keys.set(parseKey(`${p}/z`), "ok");
    expect(await witness(`${p}/z`)).toBe("ok");
  });

  it("a create refused at the TLS handshake fails over to the next endpoint, since it was never sent", async () => {
    // The same CA-only client: the mutual-TLS etcd (tried first) refuses it, the server-only one accepts it.
    const client = clientFor(mutual, { ca: pem.ca });
    const both = new EtcdClient({ endpoints: [mutual.clientURL, serverOnly.clientURL], tls: { ca: pem.ca }, discoverMembers: false });
    clients.push(both);
    expect(both.transport.pool.order()[0]).toBe(mutual.clientURL);
    const p = uniquePrefix("tls");
    const created = await both.keys.create(parseKey(`${p}/once`), "v");
    expect(created.action).toBe("create");
    const onServerOnly = await httpsGet(`${serverOnly.clientURL}/v2/keys${encodeKey(`${p}/once`)}`, { ca: pem.ca });
    expect(onServerOnly.json.node).toMatchObject({ value: "v", createdIndex: created.node?.createdIndex });
    expect(await witness(`${p}/once`)).toBeUndefined();
    expect((await etcdErrorOf(client.keys.get(parseKey(`${p}/once`)))).kind).toBe("unavailable");
  });
});
