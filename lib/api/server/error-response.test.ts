import { describe, expect, it, vi } from "vitest";
import { EtcdError, type EtcdErrorKind } from "@/lib/etcd";
import { ApiError } from "../errors";
import { errorResponse, toApiError } from "./error-response";

describe("errors to responses", () => {
  it.each([
    ["key-not-found", 404, "key_not_found"],
    ["compare-failed", 412, "compare_failed"],
    ["key-exists", 412, "key_exists"],
    ["not-a-file", 403, "not_a_file"],
    ["not-a-directory", 403, "not_a_directory"],
    ["directory-not-empty", 403, "directory_not_empty"],
    ["unauthorized", 401, "etcd_unauthorized"],
    ["invalid-request", 400, "invalid_input"],
    ["unavailable", 503, "etcd_unavailable"],
    ["v2-disabled", 503, "etcd_v2_disabled"],
    ["timeout", 504, "etcd_timeout"],
    ["raft-error", 504, "etcd_timeout"],
    ["lease-not-found", 404, "lease_not_found"],
    ["compacted", 410, "revision_compacted"],
    ["future-revision", 400, "future_revision"],
    ["request-too-large", 413, "request_too_large"],
    ["permission-denied", 403, "etcd_permission_denied"],
    ["no-space", 507, "etcd_no_space"],
    ["no-leader", 503, "etcd_no_leader"],
  ] as [EtcdErrorKind, number, string][])("%s -> %i %s", async (kind, status, code) => {
    const response = errorResponse(new EtcdError(kind, "m", { etcdCode: 100, etcdCause: "/k", index: 3 }));
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body).toEqual({ error: { code, message: "m", etcdCode: 100, cause: "/k", index: 3 } });
  });

  it("keeps a v3 failure's gRPC code and etcd's message", async () => {
    const body = await errorResponse(new EtcdError("lease-not-found", "gone", { grpcCode: 5, etcdCause: "etcdserver: requested lease not found" })).json();
    expect(body).toEqual({ error: { code: "lease_not_found", message: "gone", grpcCode: 5, cause: "etcdserver: requested lease not found" } });
  });

  it("says when a write's outcome is unknown", async () => {
    const error = new EtcdError("timeout", "slow").asOutcomeUnknown();
    const body = await errorResponse(error).json();
    expect(body.error.outcomeUnknown).toBe(true);
  });

  it("hides unexpected errors behind a generic 500 and logs them", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = errorResponse(new Error("secret internals at /etc/etcd/password"));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("password");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("passes ApiErrors through", () => {
    const error = ApiError.of("cluster_not_found", "nope");
    expect(toApiError(error)).toBe(error);
  });
});

describe("cancelled requests", () => {
  it("answers 499 without logging when the browser went away", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const controller = new AbortController();
    controller.abort();
    const response = errorResponse(controller.signal.reason);
    expect(response.status).toBe(499);
    expect((await response.json()).error.code).toBe("cancelled");
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it("words the server's own deadline running out (the cluster monitor's poll of a frozen etcd) as an etcd timeout, not a server fault", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => signal.addEventListener("abort", resolve));
    const response = errorResponse(signal.reason);
    expect(response.status).toBe(504);
    expect((await response.json()).error.code).toBe("etcd_timeout");
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });
});
