import { describe, expect, it } from "vitest";
import { auditLine, type AuditEntry } from "./entry";
import { parseAuditLine } from "./schema";

const entry: AuditEntry = {
  time: "2026-03-01T10:00:00.000Z",
  user: "alice",
  cluster: "prod",
  operation: "put",
  key: "/a",
  conditions: { prevIndex: 4, prevValue: true, prevExist: true },
  options: { ttl: 30 },
  result: { ok: false, code: "etcd_timeout", message: "timed out", outcomeUnknown: true },
};

describe("parseAuditLine", () => {
  it("reads back what the writer wrote", () => {
    expect(parseAuditLine(auditLine(entry).trimEnd())).toEqual(entry);
    const ok: AuditEntry = { time: "2026-03-01T10:00:00+02:00", user: "u", cluster: "c", operation: "member-remove", member: "abc", result: { ok: true } };
    expect(parseAuditLine(JSON.stringify(ok))).toEqual(ok);
  });

  it("reads a prevValue an older version wrote as only \"a value was compared\"", () => {
    const old = JSON.stringify({ ...entry, conditions: { prevIndex: 4, prevValue: "s3cret", prevExist: true } });
    expect(parseAuditLine(old)).toEqual(entry);
  });

  it("drops fields it does not know", () => {
    expect(parseAuditLine(JSON.stringify({ ...entry, extra: "x" }))).toEqual(entry);
  });

  it.each([
    ["a torn line", auditLine(entry).slice(0, 40)],
    ["garbage", "\u0000\u0001 not json"],
    ["another JSON value", "[1,2,3]"],
    ["null", "null"],
    ["a missing result", JSON.stringify({ ...entry, result: undefined })],
    ["a result without its code", JSON.stringify({ ...entry, result: { ok: false, message: "m" } })],
    ["a time that is not one", JSON.stringify({ ...entry, time: "yesterday" })],
    ["a user that is not text", JSON.stringify({ ...entry, user: 5 })],
  ])("is undefined for %s", (_what, line) => {
    expect(parseAuditLine(line)).toBeUndefined();
  });
});
