import { describe, expect, it } from "vitest";
import { tlsFailureReason } from "./tls-failure";

// As grpc-js reported them against etcd 3.4.23 with --client-cert-auth (lib/etcd3/tls.int.test.ts).
const NO_CLIENT_CERT =
  "807C028FAD7F0000:error:0A000412:SSL routines:ssl3_read_bytes:sslv3 alert bad certificate:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 42\n (2026-12-07T12:05:56.539Z). Resolution note: ";
const WRONG_CA = "unable to verify the first certificate. Resolution note: ";

describe("tlsFailureReason", () => {
  it("a refused client certificate, without OpenSSL's paths and the timestamp", () => {
    const reason = tlsFailureReason(NO_CLIENT_CERT);
    expect(reason).toMatch(/^etcd refused the client certificate/);
    expect(reason).toContain("(sslv3 alert bad certificate)");
    expect(reason).not.toMatch(/deps\/openssl|2026-|Resolution/);
  });

  it("a server certificate the CA does not verify", () => {
    expect(tlsFailureReason(WRONG_CA)).toBe("etcd's server certificate cannot be verified with the configured CA (unable to verify the first certificate)");
  });

  it("a name that is not in the certificate", () => {
    expect(tlsFailureReason("Hostname/IP does not match certificate's altnames: IP: 127.0.0.2 is not in the cert's list")).toMatch(/does not name this endpoint's host/);
  });

  it("anything else as it came, and nothing at all as a failed handshake", () => {
    expect(tlsFailureReason("read ECONNRESET")).toBe("read ECONNRESET");
    expect(tlsFailureReason(undefined)).toBe("the TLS handshake failed");
  });
});
