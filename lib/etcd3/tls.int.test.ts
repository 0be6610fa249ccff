// The v3 client over TLS with client certificates (§1.5), against an etcd of its own started with
// --cert-file --key-file --trusted-ca-file --client-cert-auth; the certificates come from
// lib/testing/test-pki.ts. What etcd holds is read by etcdctl with its own certificate flags.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEtcd, type EtcdHandle } from "../../scripts/lib/etcd-harness.mjs";
import { etcdErrorOf, uniquePrefix } from "../testing/etcd-direct";
import { witness3 } from "../testing/etcdctl3";
import { HAS_OPENSSL, makePki, readPem, type Pki } from "../testing/test-pki";
import { Etcd3Client } from "./client";

// `npm test` installs openssl when it is missing (scripts/lib/ensure.mjs): without it there are no certificates.
if (!HAS_OPENSSL) throw new Error("openssl is needed to make the test certificates: apt-get install -y openssl");

const REFUSED_CLIENT_CERT = /etcd refused the client certificate/;

/** One attempt's deadline: a refused handshake must end well before a hang would show. */
const READ_TIMEOUT_MS = 3_000;

let dir: string;
let pki: Pki;
let pem: ReturnType<typeof readPem>;
let etcd: EtcdHandle;
const clients: Etcd3Client[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "etcd3-tls-test-"));
  pki = makePki(dir);
  pem = readPem(pki);
  etcd = await startEtcd({
    name: "v3-tls",
    tls: { certFile: pki.serverCertFile, keyFile: pki.serverKeyFile, trustedCaFile: pki.caFile, clientCertAuth: true },
  });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await etcd?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function clientWith(tls: { ca?: Buffer; cert?: Buffer; key?: Buffer }): Etcd3Client {
  const client = new Etcd3Client({ endpoints: [etcd.clientURL], tls, readTimeoutMs: READ_TIMEOUT_MS, writeTimeoutMs: READ_TIMEOUT_MS });
  clients.push(client);
  return client;
}

/** The key as etcd holds it, read by etcdctl over mutual TLS. */
const witness = (key: string) => witness3(etcd.clientURL, key, ["--cacert", pki.caFile, "--cert", pki.clientCertFile, "--key", pki.clientKeyFile]);

/** A refused handshake: unavailable, naming TLS, never "outcome unknown" (nothing was sent), within one deadline. */
async function expectTlsRefusal(call: () => Promise<unknown>, why: RegExp): Promise<void> {
  const started = Date.now();
  const error = await etcdErrorOf(call);
  expect(Date.now() - started).toBeLessThan(READ_TIMEOUT_MS + 1_500);
  expect(error).toMatchObject({ kind: "unavailable", outcomeUnknown: false });
  expect(error.message).toMatch(/over TLS/);
  expect(error.message).toMatch(why);
  expect(error.message).not.toContain("PRIVATE KEY");
}

describe("v3 over TLS with client certificates", () => {
  it("the harness serves an https client URL", () => {
    expect(etcd.clientURL).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it("a put and a range work with the CA, the client certificate and its key", async () => {
    const client = clientWith({ ca: pem.ca, cert: pem.cert, key: pem.key });
    const p = uniquePrefix("tls3");
    const put = await client.put({ key: `${p}/a`, value: "über TLS" });
    const got = await client.range({ key: `${p}/`, prefix: true });
    expect(got.kvs.map((kv) => [kv.key.toString(), kv.value.toString(), kv.modRevision])).toEqual([[`${p}/a`, "über TLS", put.revision]]);
    const held = await witness(`${p}/a`);
    expect(held?.value.toString()).toBe("über TLS");
    expect(String(held?.mod_revision)).toBe(put.revision);
  });

  it("without a client certificate: a clear unavailable error naming TLS, and nothing written", async () => {
    const client = clientWith({ ca: pem.ca });
    const p = uniquePrefix("tls3");
    await expectTlsRefusal(() => client.range({ key: `${p}/x` }), REFUSED_CLIENT_CERT);
    await expectTlsRefusal(() => client.put({ key: `${p}/x`, value: "never" }), REFUSED_CLIENT_CERT);
    expect(await witness(`${p}/x`)).toBeUndefined();
  });

  it("with the wrong CA (etcd's certificate cannot be verified): unavailable naming TLS, no hang", async () => {
    const client = clientWith({ ca: pem.strangerCa, cert: pem.cert, key: pem.key });
    const p = uniquePrefix("tls3");
    await expectTlsRefusal(() => client.range({ key: `${p}/y` }), /server certificate cannot be verified/);
    await expectTlsRefusal(() => client.put({ key: `${p}/y`, value: "never" }), /server certificate cannot be verified/);
    expect(await witness(`${p}/y`)).toBeUndefined();
  });

  it("a client certificate from another CA is refused the same way", async () => {
    const client = clientWith({ ca: pem.ca, cert: pem.strangerCert, key: pem.strangerKey });
    const p = uniquePrefix("tls3");
    await expectTlsRefusal(() => client.put({ key: `${p}/z`, value: "never" }), REFUSED_CLIENT_CERT);
    expect(await witness(`${p}/z`)).toBeUndefined();
  });
});
