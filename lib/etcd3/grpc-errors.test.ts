import { status } from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { errorFromGrpc, isInvalidToken, mayHaveBeenApplied } from "./grpc-errors";

// The messages etcd 3.4.23 sends, as recorded in etcd-v3-api.md §3.5, §7, §8, §9.
const cases: [number, string, string, boolean][] = [
  [status.INVALID_ARGUMENT, "etcdserver: key is not provided", "invalid-request", false],
  [status.INVALID_ARGUMENT, "etcdserver: too many operations in txn request", "invalid-request", false],
  [status.INVALID_ARGUMENT, "etcdserver: request is too large", "request-too-large", false],
  [status.INVALID_ARGUMENT, "etcdserver: user name is empty", "unauthorized", false],
  [status.INVALID_ARGUMENT, "etcdserver: authentication failed, invalid user ID or password", "unauthorized", false],
  [status.RESOURCE_EXHAUSTED, "grpc: received message larger than max (2097200 vs. 2097152)", "request-too-large", false],
  [status.RESOURCE_EXHAUSTED, "Received message larger than max (4980000 vs 4194304)", "protocol", false],
  [status.RESOURCE_EXHAUSTED, "etcdserver: mvcc: database space exceeded", "no-space", false],
  [status.OUT_OF_RANGE, "etcdserver: mvcc: required revision has been compacted", "compacted", false],
  [status.OUT_OF_RANGE, "etcdserver: mvcc: required revision is a future revision", "future-revision", false],
  [status.NOT_FOUND, "etcdserver: requested lease not found", "lease-not-found", false],
  [status.NOT_FOUND, "etcdserver: member not found", "member-not-found", false],
  [status.PERMISSION_DENIED, "etcdserver: permission denied", "permission-denied", false],
  [status.UNKNOWN, "auth: permission denied", "permission-denied", false],
  [status.UNAUTHENTICATED, "etcdserver: invalid auth token", "unauthorized", false],
  [status.UNAVAILABLE, "etcdserver: no leader", "no-leader", false],
  [status.UNAVAILABLE, "etcdserver: leader changed", "unavailable", false],
  [status.UNAVAILABLE, "etcdserver: rpc not supported for learner", "unavailable", false],
  [status.UNAVAILABLE, "etcdserver: request timed out, possibly due to previous leader failure", "raft-error", true],
  [status.UNAVAILABLE, "Connection dropped", "unavailable", true],
  [status.UNKNOWN, "context deadline exceeded", "raft-error", true],
  [status.DEADLINE_EXCEEDED, "Deadline exceeded after 5.001s", "timeout", true],
  [status.FAILED_PRECONDITION, "etcdserver: lease already exists", "conflict", false],
  [status.FAILED_PRECONDITION, "etcdserver: not leader", "rejected", false],
];

describe("errorFromGrpc", () => {
  it.each(cases)("%i %s -> %s", (code, details, kind, maybe) => {
    const error = errorFromGrpc({ code, details });
    expect(error.kind).toBe(kind);
    expect(error.grpcCode).toBe(code);
    expect(error.etcdCause).toBe(details);
    expect(error.message).toContain(details);
    expect(mayHaveBeenApplied({ code, details })).toBe(maybe);
  });

  it("marks the failures worth another try as retryable", () => {
    expect(errorFromGrpc({ code: status.UNAVAILABLE, details: "etcdserver: no leader" }).retryable).toBe(true);
    expect(errorFromGrpc({ code: status.DEADLINE_EXCEEDED, details: "x" }).retryable).toBe(true);
    expect(errorFromGrpc({ code: status.INVALID_ARGUMENT, details: "etcdserver: key is not provided" }).retryable).toBe(false);
  });

  it("keeps grpcCode through asOutcomeUnknown", () => {
    const unknown = errorFromGrpc({ code: status.UNAVAILABLE, details: "Connection dropped" }).asOutcomeUnknown();
    expect(unknown.outcomeUnknown).toBe(true);
    expect(unknown.grpcCode).toBe(status.UNAVAILABLE);
  });
});

describe("isInvalidToken", () => {
  it("is true only for UNAUTHENTICATED invalid auth token", () => {
    expect(isInvalidToken({ code: status.UNAUTHENTICATED, details: "etcdserver: invalid auth token" })).toBe(true);
    expect(isInvalidToken({ code: status.INVALID_ARGUMENT, details: "etcdserver: user name is empty" })).toBe(false);
  });
});
