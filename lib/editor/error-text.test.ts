import { describe, expect, it } from "vitest";
import { describeApiError } from "./error-text";

describe("describeApiError", () => {
  it("says a key already exists", () => {
    expect(describeApiError({ code: "key_exists", message: "x", etcdCode: 105 }, "create", "/a")).toEqual({ message: "x", etcdCode: 105, problem: { code: "exists", key: "/a" } });
  });
  it("explains a failed compare-and-delete, and a failed compare-and-swap with etcd's cause", () => {
    expect(describeApiError({ code: "compare_failed", message: "x", etcdCode: 101 }, "delete", "/a").problem).toEqual({ code: "changedNotDeleted", key: "/a" });
    expect(describeApiError({ code: "compare_failed", message: "x", cause: "[1 != 2]" }, "cas").problem).toEqual({ code: "compareFailed", cause: "[1 != 2]" });
  });
  it("tells a key gone before a write from a key not found", () => {
    expect(describeApiError({ code: "key_not_found", message: "x" }, "save", "/a").problem?.code).toBe("goneNothingWritten");
    expect(describeApiError({ code: "key_not_found", message: "x" }, "load", "/a").problem?.code).toBe("notFound");
  });
  it("says plainly when the outcome is unknown", () => {
    expect(describeApiError({ code: "etcd_timeout", message: "x", outcomeUnknown: true }, "save").problem).toEqual({ code: "outcomeUnknownReloaded" });
  });
  it("falls back to the server's message", () => {
    expect(describeApiError({ code: "etcd_unavailable", message: "etcd cannot be reached" }, "save")).toEqual({ message: "etcd cannot be reached" });
  });
});
