import { describe, expect, it } from "vitest";
import { AttemptError, failedAfterSending, noEndpointAnswered, socketFailure } from "./attempt-failure";

const socketError = (code: string) => Object.assign(new Error(code), { code });

describe("socketFailure", () => {
  it("says a request never reached etcd when the connection was refused or the TLS handshake failed", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "CERT_HAS_EXPIRED", "ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE"]) {
      const failure = socketFailure("http://a:1", socketError(code));
      expect([code, failure.sent, failure.code]).toEqual([code, false, "refused"]);
    }
  });

  it("says a reset or broken pipe may have reached etcd", () => {
    for (const code of ["ECONNRESET", "EPIPE"]) {
      const failure = socketFailure("http://a:1", socketError(code));
      expect([code, failure.sent, failure.code, failure.message]).toEqual([code, true, "reset", `http://a:1: ${code}`]);
    }
  });
});

describe("failedAfterSending", () => {
  it("marks a write's outcome unknown, not a read's", () => {
    const reset = new AttemptError("reset", true, "reset");
    expect(failedAfterSending(reset, "PUT", true)).toMatchObject({ kind: "unavailable", outcomeUnknown: true, retryable: true });
    expect(failedAfterSending(reset, "GET", false)).toMatchObject({ kind: "unavailable", outcomeUnknown: false });
    expect(failedAfterSending(new AttemptError("late", true, "timeout"), "DELETE", true)).toMatchObject({ kind: "timeout", outcomeUnknown: true });
  });
});

describe("noEndpointAnswered", () => {
  it("reports a timeout with the deadline, of unknown outcome only for a write that was sent", () => {
    const late = new AttemptError("late", true, "timeout");
    expect(noEndpointAnswered(late, true, 10_000)).toMatchObject({ kind: "timeout", outcomeUnknown: true, message: "etcd did not answer in time (10000 ms)." });
    expect(noEndpointAnswered(late, false, 5_000)).toMatchObject({ kind: "timeout", outcomeUnknown: false });
  });

  it("reports etcd unreachable with the last failure, and a hint when the TLS handshake failed", () => {
    const refused = socketFailure("http://a:1", socketError("ECONNREFUSED"));
    const error = noEndpointAnswered(refused, true, 10_000);
    expect(error).toMatchObject({ kind: "unavailable", retryable: true, outcomeUnknown: false });
    expect(error.message).toContain("Last failure: http://a:1: ECONNREFUSED.");
    expect(error.message).not.toContain("TLS");
    expect(noEndpointAnswered(socketFailure("https://a:1", socketError("CERT_HAS_EXPIRED")), false, 5_000).message).toContain("The TLS handshake failed");
  });
});
