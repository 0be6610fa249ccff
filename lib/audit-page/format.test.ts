import { describe, expect, it } from "vitest";
import { MAX_SHOWN_VALUE, describeConditions, describeOptions, shortened, summarizeResult } from "./format";

describe("describeConditions", () => {
  it("lists what the write required; a prevValue only as compared", () => {
    expect(describeConditions(undefined)).toEqual([]);
    expect(describeConditions({ prevExist: false })).toEqual([{ text: "prevExist = false" }]);
    expect(describeConditions({ prevIndex: 7, prevValue: true })).toEqual([{ text: "prevIndex = 7" }, { prevValueCompared: true }]);
  });
});

describe("describeOptions", () => {
  it("names flags and shows values", () => {
    expect(describeOptions(undefined)).toEqual([]);
    expect(describeOptions({ dir: true, recursive: false, ttl: 60, refresh: true })).toEqual(["dir", "recursive = false", "ttl = 60", "refresh"]);
    expect(describeOptions({ ttl: null, peerURLs: ["http://a:2380", "http://b:2380"], note: "x", extra: { a: 1 } })).toEqual([
      "ttl = null",
      "peerURLs = http://a:2380, http://b:2380",
      "note = x",
      'extra = {"a":1}',
    ]);
  });
});

describe("summarizeResult", () => {
  it("gives etcd's action and index, or the error, marking an unknown outcome", () => {
    expect(summarizeResult({ ok: true, action: "compareAndSwap", index: 57 })).toEqual({ kind: "ok", action: "compareAndSwap", index: 57 });
    expect(summarizeResult({ ok: true })).toEqual({ kind: "ok" });
    expect(summarizeResult({ ok: false, code: "compare_failed", message: "changed", etcdCode: 101 })).toEqual({ kind: "failed", code: "compare_failed", message: "changed", etcdCode: 101 });
    expect(summarizeResult({ ok: false, code: "etcd_timeout", message: "timed out", outcomeUnknown: true }).kind).toBe("unknown");
  });
});

describe("shortened", () => {
  it("cuts with an ellipsis only past the limit", () => {
    expect(shortened("abc", 3)).toBe("abc");
    expect(shortened("abcd", 3)).toBe("ab…");
    expect(shortened("x".repeat(500)).length).toBe(MAX_SHOWN_VALUE);
  });
});
