import { describe, expect, it } from "vitest";
import { formatCountdown, parseTtlField, remainingSeconds } from "./ttl";

describe("formatCountdown", () => {
  it("formats seconds, minutes, hours and days", () => {
    expect(formatCountdown(7)).toBe("7s");
    expect(formatCountdown(125)).toBe("2m 05s");
    expect(formatCountdown(3600 + 62)).toBe("1h 01m 02s");
    expect(formatCountdown(86_400 * 2 + 3 * 3600 + 4 * 60 + 5)).toBe("2d 03h 04m 05s");
  });
  it("says expired at zero or below", () => {
    expect(formatCountdown(0)).toBe("expired");
    expect(formatCountdown(-1)).toBe("expired");
    expect(formatCountdown(Number.NaN)).toBe("expired");
  });
});

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
    expect(parseTtlField("-5").ok).toBe(false);
    expect(parseTtlField("1.5").ok).toBe(false);
    expect(parseTtlField("abc").ok).toBe(false);
    expect(parseTtlField("1e3").ok).toBe(false);
    expect(parseTtlField("99999999999").ok).toBe(false);
  });
});
