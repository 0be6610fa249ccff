import { describe, expect, it } from "vitest";
import { EtcdError } from "./errors";
import { ROOT_KEY, parseKey } from "./key-path";
import { isIdempotentPut, validatePut, type PutOptions } from "./keys";

const key = parseKey("/a");

function problem(options: PutOptions, target = key): string | null {
  try {
    validatePut(target, options);
    return null;
  } catch (error) {
    return (error as EtcdError).kind;
  }
}

describe("PUT validation before sending", () => {
  it("accepts the ordinary writes", () => {
    expect(problem({ value: "x" })).toBeNull();
    expect(problem({ value: "x", ttl: 0 })).toBeNull();
    expect(problem({ value: "x", ttl: null, prevExist: true })).toBeNull();
    expect(problem({ dir: true, ttl: 30 })).toBeNull();
    expect(problem({ refresh: true, ttl: 10, prevExist: true })).toBeNull();
    expect(problem({ value: "two", prevValue: "one", prevIndex: 4 })).toBeNull();
  });

  it("refuses what etcd would reject or silently misread", () => {
    expect(problem({ value: "x", ttl: -1 })).toBe("invalid-request");
    expect(problem({ value: "x", ttl: 1.5 })).toBe("invalid-request");
    expect(problem({ value: "x", prevIndex: 0 })).toBe("invalid-request"); // etcd: 0 means "no compare"
    expect(problem({ value: "x", prevValue: "" })).toBe("invalid-request");
    expect(problem({ dir: true, value: "x" })).toBe("invalid-request");
    expect(problem({ refresh: true })).toBe("invalid-request");
    expect(problem({ refresh: true, ttl: 5, value: "x" })).toBe("invalid-request");
    expect(problem({ value: "x", prevExist: false, prevValue: "y" })).toBe("invalid-request"); // etcd ignores prevValue
    expect(problem({ value: "x" }, ROOT_KEY)).toBe("root-read-only");
  });

  it("refuses values over etcd's 10 MiB form limit", () => {
    expect(problem({ value: "a".repeat(10 * 1024 * 1024 - 10) })).toBeNull();
    expect(problem({ value: "a".repeat(10 * 1024 * 1024 + 1) })).toBe("invalid-request");
    // Form encoding triples some characters: the limit applies after encoding.
    expect(problem({ value: "&".repeat(4 * 1024 * 1024) })).toBe("invalid-request");
  });
});

describe("which PUTs may be retried on another member", () => {
  it("retries plain sets, updates and refreshes", () => {
    expect(isIdempotentPut({ value: "x" })).toBe(true);
    expect(isIdempotentPut({ value: "x", prevExist: true })).toBe(true);
    expect(isIdempotentPut({ refresh: true, ttl: 5, prevExist: true })).toBe(true);
    expect(isIdempotentPut({ dir: true, ttl: 5, prevExist: true })).toBe(true);
  });

  it("never retries creates, compare-and-swaps or mkdir", () => {
    expect(isIdempotentPut({ value: "x", prevExist: false })).toBe(false);
    expect(isIdempotentPut({ value: "x", prevIndex: 3 })).toBe(false);
    expect(isIdempotentPut({ value: "x", prevValue: "y" })).toBe(false);
    expect(isIdempotentPut({ dir: true })).toBe(false);
  });
});

describe("write outcomes", () => {
  it("reports etcd's 300 request-timed-out on a write as an unknown outcome", async () => {
    const { decodeWriteResponse } = await import("./keys");
    const res = {
      status: 500,
      body: '{"errorCode":300,"message":"Raft Internal Error","cause":"etcdserver: request timed out","index":0}',
      headers: {},
      endpoint: "http://e:1",
    };
    expect(() => decodeWriteResponse(res)).toThrow(expect.objectContaining({ kind: "raft-error", outcomeUnknown: true }));
  });
});

describe("form-encoded length", () => {
  it("matches URLSearchParams for every kind of character", async () => {
    const { formEncodedLength } = await import("./keys");
    for (const value of ["", "plain", "a b+c&d=e%f", "*-._~!'()", "line\nbreak\ttab\u0000nul", "é日本😀", "lone \ud800 surrogate", "end \udfff", "\u007f\u0080\u07ff\u0800\uffff"]) {
      expect(formEncodedLength(value), JSON.stringify(value)).toBe(new URLSearchParams({ value }).toString().length);
    }
  });
});
