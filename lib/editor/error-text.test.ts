import { describe, expect, it } from "vitest";
import { describeApiError } from "./error-text";

describe("describeApiError", () => {
  it("says a key already exists", () => {
    expect(describeApiError({ code: "key_exists", message: "x", etcdCode: 105 }, "create", "/a")).toEqual({ message: "/a already exists.", etcdCode: 105 });
  });
  it("explains a failed compare-and-delete", () => {
    expect(describeApiError({ code: "compare_failed", message: "x", etcdCode: 101 }, "delete", "/a").message).toMatch(/changed since you loaded it, so it was not deleted/);
  });
  it("says plainly when the outcome is unknown", () => {
    expect(describeApiError({ code: "etcd_timeout", message: "x", outcomeUnknown: true }, "save").message).toMatch(/outcome is unknown/);
  });
  it("falls back to the server's message", () => {
    expect(describeApiError({ code: "etcd_unavailable", message: "etcd cannot be reached" }, "save").message).toBe("etcd cannot be reached");
  });
});
