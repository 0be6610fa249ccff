import { describe, expect, it } from "vitest";
import { parseTtlField, remainingSeconds } from "./ttl";

describe("remainingSeconds", () => {
  it("rounds up like etcd", () => {
    const now = Date.parse("2026-01-01T00:00:00.000Z");
    expect(remainingSeconds("2026-01-01T00:00:10.000Z", now)).toBe(10);
    expect(remainingSeconds("2026-01-01T00:00:09.200Z", now)).toBe(10);
    expect(remainingSeconds("2025-12-31T23:59:58.000Z", now)).toBe(-2);
  });
});

describe("parseTtlField", () => {
  it("empty means no TTL", () => {
    expect(parseTtlField("  ")).toEqual({ ok: true, ttl: null });
  });
  it("accepts whole seconds", () => {
    expect(parseTtlField("60")).toEqual({ ok: true, ttl: 60 });
    expect(parseTtlField("0")).toEqual({ ok: true, ttl: 0 });
  });
  it("rejects negative, fractional and non-numeric input instead of coercing it", () => {
    expect(parseTtlField("-5")).toEqual({ ok: false, problem: "negative" });
    expect(parseTtlField("1.5")).toEqual({ ok: false, problem: "notWhole" });
    expect(parseTtlField("abc")).toEqual({ ok: false, problem: "notWhole" });
    expect(parseTtlField("1e3")).toEqual({ ok: false, problem: "notWhole" });
    expect(parseTtlField("99999999999")).toEqual({ ok: false, problem: "tooLarge" });
  });
});
