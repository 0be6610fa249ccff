import { createFormatter } from "use-intl";
import { describe, expect, it } from "vitest";
import { formatHelpers } from "@/lib/i18n/format";
import {
  formatBytes,
  formatBytesPerSecond,
  formatDuration,
  formatLatency,
  formatMilliseconds,
  formatPerSecond,
  formatRaftState,
  formatTimestamp,
  formatUptime,
  parseGoDuration,
} from "./format";

const en = createFormatter({ locale: "en", timeZone: "UTC" });
const zh = createFormatter({ locale: "zh-CN", timeZone: "Asia/Shanghai" });
const { duration, dateTime } = formatHelpers(en);

describe("parseGoDuration", () => {
  it("reads etcd's uptimes", () => {
    expect(parseGoDuration("3.764731061s")).toBeCloseTo(3764.731061);
    expect(parseGoDuration("15m58.77s")).toBeCloseTo(958_770);
    expect(parseGoDuration("1h2m3s")).toBe(3_723_000);
    expect(parseGoDuration("250ms")).toBe(250);
    expect(parseGoDuration("1.5µs")).toBeCloseTo(0.0015);
    expect(parseGoDuration("0s")).toBe(0);
  });
  it("refuses what is not a duration", () => {
    expect(parseGoDuration("")).toBeUndefined();
    expect(parseGoDuration("soon")).toBeUndefined();
    expect(parseGoDuration("3s later")).toBeUndefined();
  });
});

describe("formatDuration / formatUptime", () => {
  it("keeps the two largest units", () => {
    expect(formatDuration(3_764, duration)).toBe("3s");
    expect(formatDuration(42_000, duration)).toBe("42s");
    expect(formatDuration(958_770, duration)).toBe("15m 58s");
    expect(formatDuration(3_723_000, duration)).toBe("1h 2m");
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 5_000, duration)).toBe("2d 3h");
    expect(formatDuration(86_400_000 + 5_000, duration)).toBe("1d");
  });
  it("in the page's language", () => {
    expect(formatDuration(958_770, formatHelpers(zh).duration)).toBe("15分钟58秒");
  });
  it("shows etcd's text when it cannot read it", () => {
    expect(formatUptime("15m58.77s", duration)).toBe("15m 58s");
    expect(formatUptime("weird", duration)).toBe("weird");
  });
});

describe("formatTimestamp", () => {
  it("writes the date and time to the second in the page's language and time zone", () => {
    expect(formatTimestamp("2026-11-24T11:58:49.987983379Z", dateTime)).toBe("Nov 24, 2026, 11:58:49 AM");
    expect(formatTimestamp("2026-11-24T11:58:49Z", formatHelpers(zh).dateTime)).toBe("2026年11月24日 19:58:49");
    expect(formatTimestamp("not a date", dateTime)).toBe("not a date");
  });
});

describe("rates, bandwidth, latency", () => {
  it("bandwidth in binary units", () => {
    expect(formatBytesPerSecond(372.42, en)).toBe("372 B/s");
    expect(formatBytesPerSecond(1536, en)).toBe("1.5 KiB/s");
    expect(formatBytesPerSecond(5 * 1024 * 1024, en)).toBe("5.0 MiB/s");
    expect(formatBytes(1234 * 1024 ** 4)).toBe("1,234.0 TiB");
  });
  it("per-second rates", () => {
    expect(formatPerSecond(0, en)).toBe("0/s");
    expect(formatPerSecond(4.6140430123, en)).toBe("4.61/s");
    expect(formatPerSecond(0.5, en)).toBe("0.5/s");
    expect(formatPerSecond(1234.4, en)).toBe("1,234/s");
  });
  it("latency below a millisecond in µs", () => {
    expect(formatLatency(0.000131, en)).toBe("0.131 µs");
    expect(formatLatency(0.915, en)).toBe("915 µs");
    expect(formatLatency(2.3456, en)).toBe("2.35 ms");
    expect(formatLatency(1234.5, en)).toBe("1,230 ms");
  });
  it("raft states, settings", () => {
    expect(formatRaftState("StateLeader")).toBe("leader");
    expect(formatRaftState("StatePreCandidate")).toBe("pre candidate");
    expect(formatMilliseconds(5000, en)).toBe("5 s");
    expect(formatMilliseconds(1500, en)).toBe("1.5 s");
    expect(formatMilliseconds(800, en)).toBe("800 ms");
    expect(formatMilliseconds(12_000_000, en)).toBe("12,000 s");
  });
  it("numbers grouped as the page's language groups them", () => {
    expect(formatPerSecond(12_345.6, zh)).toBe("12,346/s");
  });
});
