import { describe, expect, it } from "vitest";
import type { AuditEntry } from "./entry";
import { CLOCK_SLACK_MS, auditMatcher, resultOf } from "./filter";

const put: AuditEntry = { time: "2026-03-01T10:00:00.000Z", user: "alice", cluster: "prod", operation: "put", key: "/Config/App", result: { ok: true, action: "set", index: 7 } };
const failed: AuditEntry = { ...put, user: "bob", result: { ok: false, code: "compare_failed", message: "Compare failed", etcdCode: 101 } };
const unknown: AuditEntry = { ...put, result: { ok: false, code: "etcd_timeout", message: "timed out", outcomeUnknown: true } };
const member: AuditEntry = { time: "2026-03-01T11:00:00.000Z", user: "alice", cluster: "prod", operation: "member-remove", member: "8e9e05c52164694d", result: { ok: true } };

describe("auditMatcher", () => {
  it("keeps everything without criteria", () => {
    expect([put, failed, unknown, member].every(auditMatcher({}).matches)).toBe(true);
  });

  it("matches user, cluster and operation exactly", () => {
    expect(auditMatcher({ user: "alice" }).matches(put)).toBe(true);
    expect(auditMatcher({ user: "ali" }).matches(put)).toBe(false);
    expect(auditMatcher({ cluster: "prod" }).matches(put)).toBe(true);
    expect(auditMatcher({ cluster: "staging" }).matches(put)).toBe(false);
    expect(auditMatcher({ operation: "member-remove" }).matches(member)).toBe(true);
    expect(auditMatcher({ operation: "put" }).matches(member)).toBe(false);
  });

  it("counts an unknown outcome as failed, and lets `unknown` pick out only those", () => {
    expect(resultOf(put)).toBe("ok");
    expect(resultOf(failed)).toBe("failed");
    expect(resultOf(unknown)).toBe("unknown");
    expect([put, failed, unknown].map(auditMatcher({ result: "ok" }).matches)).toEqual([true, false, false]);
    expect([put, failed, unknown].map(auditMatcher({ result: "failed" }).matches)).toEqual([false, true, true]);
    expect([put, failed, unknown].map(auditMatcher({ result: "unknown" }).matches)).toEqual([false, false, true]);
  });

  it("finds the text in the key or the member id, any case", () => {
    const byText = (q: string) => [put, member].map(auditMatcher({ q }).matches);
    expect(byText("config/a")).toEqual([true, false]);
    expect(byText("8E9E")).toEqual([false, true]);
    expect(byText("nowhere")).toEqual([false, false]);
    expect(auditMatcher({ q: "alice" }).matches(put)).toBe(false);
  });

  it("finds the text in the etcd user or role an auth change was about", () => {
    const grant: AuditEntry = { time: put.time, user: "alice", cluster: "prod", operation: "user-grant", etcdUser: "App-Reader", etcdRole: "readers", result: { ok: true } };
    expect(auditMatcher({ q: "app-reader" }).matches(grant)).toBe(true);
    expect(auditMatcher({ q: "READERS" }).matches(grant)).toBe(true);
    expect(auditMatcher({ q: "writers" }).matches(grant)).toBe(false);
  });

  it("keeps times within from and to, both included, whatever the offset they are written with", () => {
    expect(auditMatcher({ from: "2026-03-01T10:00:00Z", to: "2026-03-01T10:00:00Z" }).matches(put)).toBe(true);
    expect(auditMatcher({ from: "2026-03-01T11:00:01+01:00" }).matches(put)).toBe(false);
    expect(auditMatcher({ to: "2026-03-01T10:59:59+01:00" }).matches(put)).toBe(false);
    expect(auditMatcher({ from: "2026-03-01T09:00:00Z", to: "2026-03-01T10:30:00Z" }).matches(member)).toBe(false);
  });

  it("says a backward scan may stop only well before `from`", () => {
    const from = Date.parse(put.time);
    const at = (ms: number) => ({ ...put, time: new Date(ms).toISOString() });
    const matcher = auditMatcher({ from: put.time });
    expect(matcher.pastRange(at(from - 1))).toBe(false);
    expect(matcher.pastRange(at(from - CLOCK_SLACK_MS))).toBe(false);
    expect(matcher.pastRange(at(from - CLOCK_SLACK_MS - 1))).toBe(true);
    expect(auditMatcher({}).pastRange(at(0))).toBe(false);
  });
});
