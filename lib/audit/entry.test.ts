import { describe, expect, it } from "vitest";
import { auditLine, describeWrite, describeWrite3, failureOf } from "./entry";

describe("describeWrite", () => {
  it("keeps conditions and options apart and never a value: a prevValue only as compared", () => {
    expect(describeWrite({ value: "s3cret", prevIndex: 7, prevValue: "old-secret", ttl: 30, dir: undefined })).toEqual({
      conditions: { prevIndex: 7, prevValue: true },
      options: { ttl: 30 },
    });
    expect(describeWrite({ value: "x" })).toEqual({});
  });
});

describe("describeWrite3", () => {
  it("records the compared mod revision or the create, and the ttl, never the value", () => {
    const save = { text: "s3cret", modRevision: "42", ttl: null };
    expect(describeWrite3(save)).toEqual({ conditions: { modRevision: "42" }, options: { ttl: null } });
    expect(JSON.stringify(describeWrite3(save))).not.toContain("s3cret");
    expect(describeWrite3({ create: true, ttl: 30 })).toEqual({ conditions: { prevExist: false }, options: { ttl: 30 } });
    expect(describeWrite3({ modRevision: "7" })).toEqual({ conditions: { modRevision: "7" } });
  });
});

describe("auditLine", () => {
  it("is one JSON line", () => {
    const line = auditLine({ time: "t", user: "anonymous", cluster: "c", operation: "put", key: "/a\nb", result: { ok: true, index: 3 } });
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({ time: "t", user: "anonymous", cluster: "c", operation: "put", key: "/a\nb", result: { ok: true, index: 3 } });
  });
});

describe("failureOf", () => {
  it("keeps a failed compare's message without etcd's cause, which quotes the current value", () => {
    const cause = "[mine != current-secret]";
    expect(failureOf({ code: "compare_failed", message: `The key was changed by someone else (compare failed). (${cause})`, cause, etcdCode: 101 })).toEqual({
      ok: false,
      code: "compare_failed",
      message: "The key was changed by someone else (compare failed).",
      etcdCode: 101,
      outcomeUnknown: undefined,
    });
  });

  it("keeps other messages whole", () => {
    expect(failureOf({ code: "key_not_found", message: "Key not found. (/a)", cause: "/a", etcdCode: 100 }).message).toBe("Key not found. (/a)");
    expect(failureOf({ code: "etcd_timeout", message: "timed out", outcomeUnknown: true })).toEqual({ ok: false, code: "etcd_timeout", message: "timed out", etcdCode: undefined, outcomeUnknown: true });
  });
});
