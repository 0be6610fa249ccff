import { describe, expect, it } from "vitest";
import { EtcdError, fromV2Error } from "@/lib/etcd/errors";
import { stopsTheRun } from "./stop-rule";

describe("stopsTheRun", () => {
  it("stops on failures every following write would repeat, and on an unknown outcome", () => {
    expect(stopsTheRun(new EtcdError("unavailable", "no endpoint answered", { retryable: true }))).toBe(true);
    expect(stopsTheRun(new EtcdError("timeout", "no answer in time", { retryable: true }))).toBe(true);
    // etcd's 300 (no leader, or the request timed out inside raft) is retryable.
    expect(stopsTheRun(fromV2Error({ errorCode: 300, message: "Raft Internal Error" }, 500))).toBe(true);
    expect(stopsTheRun(new EtcdError("protocol", "etcd answered HTTP 502", { status: 502, retryable: true }))).toBe(true);
    expect(stopsTheRun(new EtcdError("unauthorized", "credentials refused", { status: 401 }))).toBe(true);
    expect(stopsTheRun(fromV2Error({ errorCode: 110, message: "The request requires user authentication" }, 401))).toBe(true);
    expect(stopsTheRun(new EtcdError("v2-disabled", "no v2", { status: 404 }))).toBe(true);
    // Whatever the kind: a write that may or may not have happened.
    expect(stopsTheRun(new EtcdError("rejected", "broken", {}).asOutcomeUnknown())).toBe(true);
  });

  it("goes on after a failure that concerns one key only", () => {
    for (const code of [100, 101, 102, 105, 108, 200]) expect(stopsTheRun(fromV2Error({ errorCode: code, message: "m" }, 412))).toBe(false);
    // A response this client could not understand, not a server error: about that answer, not the cluster.
    expect(stopsTheRun(new EtcdError("protocol", "etcd redirected the request", { status: 307 }))).toBe(false);
    expect(stopsTheRun(new EtcdError("rejected", "refused"))).toBe(false);
  });

  it("leaves anything that is not an etcd error to the caller", () => {
    expect(stopsTheRun(new Error("bug"))).toBe(false);
    expect(stopsTheRun(undefined)).toBe(false);
  });
});
