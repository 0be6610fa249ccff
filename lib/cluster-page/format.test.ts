import { describe, expect, it } from "vitest";
import {
  formatBytesPerSecond,
  formatCount,
  formatDuration,
  formatLatency,
  formatMilliseconds,
  formatPerSecond,
  formatRaftState,
  formatTimestamp,
  formatUptime,
  parseGoDuration,
} from "./format";

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
    expect(formatDuration(3_764)).toBe("3.8s");
    expect(formatDuration(42_000)).toBe("42s");
    expect(formatDuration(958_770)).toBe("15m 58s");
    expect(formatDuration(3_723_000)).toBe("1h 2m");
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000 + 5_000)).toBe("2d 3h");
    expect(formatDuration(86_400_000 + 5_000)).toBe("1d 0h");
  });
  it("shows etcd's text when it cannot read it", () => {
    expect(formatUptime("15m58.77s")).toBe("15m 58s");
    expect(formatUptime("weird")).toBe("weird");
  });
});

describe("formatTimestamp", () => {
  it("writes UTC to the second", () => {
    expect(formatTimestamp("2026-11-24T11:58:49.987983379Z")).toBe("2026-11-24 11:58:49 UTC");
    expect(formatTimestamp("not a date")).toBe("not a date");
  });
});

describe("rates, bandwidth, latency", () => {
  it("bandwidth in binary units", () => {
    expect(formatBytesPerSecond(372.42)).toBe("372 B/s");
    expect(formatBytesPerSecond(1536)).toBe("1.5 KiB/s");
    expect(formatBytesPerSecond(5 * 1024 * 1024)).toBe("5.0 MiB/s");
  });
  it("per-second rates", () => {
    expect(formatPerSecond(0)).toBe("0/s");
    expect(formatPerSecond(4.6140430123)).toBe("4.61/s");
    expect(formatPerSecond(0.5)).toBe("0.5/s");
    expect(formatPerSecond(1234.4)).toBe("1,234/s");
  });
  it("latency below a millisecond in µs", () => {
    expect(formatLatency(0.000131)).toBe("0.131 µs");
    expect(formatLatency(0.915)).toBe("915 µs");
    expect(formatLatency(2.3456)).toBe("2.35 ms");
  });
  it("counts, raft states, settings", () => {
    expect(formatCount(10078)).toBe("10,078");
    expect(formatRaftState("StateLeader")).toBe("leader");
    expect(formatRaftState("StatePreCandidate")).toBe("pre candidate");
    expect(formatMilliseconds(5000)).toBe("5 s");
    expect(formatMilliseconds(1500)).toBe("1.5 s");
    expect(formatMilliseconds(800)).toBe("800 ms");
  });
});
