import { describe, expect, it } from "vitest";
import { EtcdError, fromAuthMessageError, fromMessageError, fromV2Error, isEtcdError, kindForEtcdCode } from "./errors";

describe("etcd error mapping", () => {
  it.each([
    [100, "key-not-found"],
    [101, "compare-failed"],
    [102, "not-a-file"],
    [104, "not-a-directory"],
    [105, "key-exists"],
    [107, "root-read-only"],
    [108, "directory-not-empty"],
    [110, "unauthorized"],
    [202, "invalid-request"],
    [209, "invalid-request"],
    [300, "raft-error"],
    [401, "history-cleared"],
    [999, "rejected"],
  ] as const)("errorCode %i is %s", (code, kind) => {
    expect(kindForEtcdCode(code)).toBe(kind);
  });

  it("keeps etcd's errorCode, cause and index", () => {
    const error = fromV2Error({ errorCode: 101, message: "Compare failed", cause: "[two != one]", index: 21 }, 412);
    expect(error).toBeInstanceOf(EtcdError);
    expect(error).toMatchObject({ kind: "compare-failed", etcdCode: 101, etcdCause: "[two != one]", index: 21, status: 412 });
    expect(error.message).toContain("[two != one]");
  });

  it("marks raft errors retryable, and unknown outcomes as such", () => {
    const raft = fromV2Error({ errorCode: 300, message: "Raft Internal Error", cause: "etcdserver: request timed out", index: 0 }, 500);
    expect(raft.retryable).toBe(true);
    expect(raft.outcomeUnknown).toBe(false);
    const unknown = raft.asOutcomeUnknown();
    expect(unknown.outcomeUnknown).toBe(true);
    expect(unknown.kind).toBe("raft-error");
    expect(unknown.message).toMatch(/may or may not have been applied/);
  });

  it("maps the members API's {message} errors by status", () => {
    expect(fromMessageError("No such member: ff", 404).kind).toBe("member-not-found");
    expect(fromMessageError("membership: peerURL exists", 409).kind).toBe("conflict");
    expect(fromMessageError("Member permanently removed: ab", 410).kind).toBe("member-removed");
    expect(fromMessageError("not current leader", 403).kind).toBe("not-leader");
    expect(fromMessageError("Insufficient credentials", 401).kind).toBe("unauthorized");
    const unhealthy = fromMessageError("Internal Server Error", 500);
    expect(unhealthy.kind).toBe("rejected");
    expect(unhealthy.message).toMatch(/not healthy enough to reconfigure/);
  });

  it("maps the auth API's {message} errors by status, without etcd's 'auth: ' prefix", () => {
    expect(fromAuthMessageError("auth: User ghost does not exist.", 404)).toMatchObject({ kind: "not-found", status: 404, message: "User ghost does not exist." });
    expect(fromAuthMessageError("auth: Role app already exists.", 409).kind).toBe("conflict");
    expect(fromAuthMessageError("auth: No root user available, please create one", 409).kind).toBe("conflict");
    expect(fromAuthMessageError("auth: Cannot modify role root: is root role.", 403).kind).toBe("root-protected");
    expect(fromAuthMessageError("auth: Cannot create user u with an empty password", 400).kind).toBe("invalid-request");
    const denied = fromAuthMessageError("Insufficient credentials", 401);
    expect(denied).toMatchObject({ kind: "unauthorized", etcdCause: "Insufficient credentials" });
    expect(denied.message).toMatch(/root/);
    expect(fromAuthMessageError("Internal Server Error", 500)).toMatchObject({ kind: "rejected", retryable: true });
  });
});

describe("EtcdError across bundled copies", () => {
  it("is recognized by instanceof when made by another copy of the module (Next.js bundles routes and instrumentation apart)", () => {
    const fromAnotherCopy = Object.assign(new Error("Key not found"), { [Symbol.for("etcd-dashboard.EtcdError")]: true, kind: "key-not-found" });
    expect(fromAnotherCopy instanceof EtcdError).toBe(true);
    expect(isEtcdError(fromAnotherCopy, "key-not-found")).toBe(true);
    expect(new Error("plain") instanceof EtcdError).toBe(false);
    expect((null as unknown) instanceof EtcdError).toBe(false);
  });
});
