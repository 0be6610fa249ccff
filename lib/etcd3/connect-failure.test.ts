import { describe, expect, it } from "vitest";
import { connectFailureReason } from "./connect-failure";

// As grpc-js reported them against etcd 3.4.23 with --client-cert-auth (lib/etcd3/tls.int.test.ts).
const NO_CLIENT_CERT =
  "807C028FAD7F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42\n (2026-12-07T12:05:56.539Z). Resolution note: ";
const WRONG_CA = "unable to verify the first certificate. Resolution note: ";

describe("connectFailureReason", () => {
  it("a refused client certificate, without OpenSSL's paths and the timestamp", () => {
    const { tls, reason } = connectFailureReason(NO_CLIENT_CERT);
    expect(tls).toBe(true);
    expect(reason).toMatch(/^etcd refused the client certificate/);
    expect(reason).toContain("(sslv3 alert bad certificate)");
    expect(reason).not.toMatch(/deps\/openssl|2026-|Resolution/);
  });

  it("a server certificate the CA does not verify", () => {
    expect(connectFailureReason(WRONG_CA)).toEqual({ tls: true, reason: "etcd's server certificate cannot be verified with the configured CA (unable to verify the first certificate)" });
  });

  it("a name that is not in the certificate", () => {
    expect(connectFailureReason("Hostname/IP does not match certificate's altnames: IP: 127.0.0.2 is not in the cert's list").reason).toMatch(/does not name this endpoint's host/);
  });

  it("a member that is down is no TLS failure: no certificate hint", () => {
    expect(connectFailureReason("connect ECONNREFUSED 127.0.0.1:2379 (2026-12-07T12:05:56.539Z). Resolution note: ")).toEqual({ tls: false, reason: "connect ECONNREFUSED 127.0.0.1:2379" });
    expect(connectFailureReason(undefined)).toEqual({ tls: false, reason: "no reason given" });
  });
});
