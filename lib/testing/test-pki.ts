// A throwaway PKI for TLS integration tests (v2 and v3 clients against etcd with https client URLs): a
// CA, a server certificate for IP 127.0.0.1, a client certificate, and a client certificate signed by
// another CA that etcd does not trust. Made with `openssl` in a directory the caller owns and removes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const HAS_OPENSSL = spawnSync("openssl", ["version"], { stdio: "ignore" }).status === 0;

/** PEM files of a throwaway PKI. */
export interface Pki {
  caFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  /** A client certificate signed by another CA, which etcd does not trust. */
  strangerCertFile: string;
  strangerKeyFile: string;
  /** The CA of the stranger certificate: trusting it instead of the real CA refuses etcd's server certificate. */
  strangerCaFile: string;
}

function openssl(cwd: string, args: string[]): void {
  const run = spawnSync("openssl", args, { cwd, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`openssl ${args.join(" ")} failed:\n${run.stderr}`);
}

const EC_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

function makeCa(dir: string, name: string): void {
  openssl(dir, [
    "req", "-x509", ...EC_KEY, "-keyout", `${name}.key`, "-out", `${name}.pem`, "-days", "2",
    "-subj", `/CN=${name}`,
    "-addext", "basicConstraints=critical,CA:TRUE",
    "-addext", "keyUsage=critical,keyCertSign,cRLSign",
  ]);
}

function makeLeaf(dir: string, name: string, ca: string, subject: string, extensions: string[], serial: number): void {
  fs.writeFileSync(path.join(dir, `${name}.ext`), ["basicConstraints=CA:FALSE", ...extensions].join("\n") + "\n");
  openssl(dir, ["req", ...EC_KEY, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", subject]);
  openssl(dir, [
    "x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.pem`, "-CAkey", `${ca}.key`,
    "-set_serial", String(serial), "-days", "2", "-out", `${name}.pem`, "-extfile", `${name}.ext`,
  ]);
}

export function makePki(dir: string): Pki {
  makeCa(dir, "ca");
  // clientAuth too: with --client-cert-auth etcd's own gateway (and the harness's readiness probe)
  // present the server certificate as a client certificate.
  makeLeaf(dir, "server", "ca", "/CN=127.0.0.1", ["subjectAltName=IP:127.0.0.1", "extendedKeyUsage=serverAuth,clientAuth"], 1001);
  makeLeaf(dir, "client", "ca", "/CN=dashboard", ["extendedKeyUsage=clientAuth"], 1002);
  makeCa(dir, "stranger-ca");
  makeLeaf(dir, "stranger", "stranger-ca", "/CN=stranger", ["extendedKeyUsage=clientAuth"], 1003);
  const f = (name: string) => path.join(dir, name);
  return {
    caFile: f("ca.pem"),
    serverCertFile: f("server.pem"),
    serverKeyFile: f("server.key"),
    clientCertFile: f("client.pem"),
    clientKeyFile: f("client.key"),
    strangerCertFile: f("stranger.pem"),
    strangerKeyFile: f("stranger.key"),
    strangerCaFile: f("stranger-ca.pem"),
  };
}


/** The PEM contents a client needs: the CA, its certificate and key, and the untrusted pair. */
export function readPem(pki: Pki): { ca: Buffer; cert: Buffer; key: Buffer; strangerCert: Buffer; strangerKey: Buffer; strangerCa: Buffer } {
  return {
    ca: fs.readFileSync(pki.caFile),
    cert: fs.readFileSync(pki.clientCertFile),
    key: fs.readFileSync(pki.clientKeyFile),
    strangerCert: fs.readFileSync(pki.strangerCertFile),
    strangerKey: fs.readFileSync(pki.strangerKeyFile),
    strangerCa: fs.readFileSync(pki.strangerCaFile),
  };
}
