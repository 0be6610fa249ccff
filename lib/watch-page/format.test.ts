import { describe, expect, it } from "vitest";
import { describeResync, formatClock } from "./format";

describe("watch log formats", () => {
  it("shows local time with milliseconds", () => {
    const at = new Date(2026, 10, 24, 9, 5, 7, 42).getTime();
    expect(formatClock(at)).toBe("09:05:07.042");
  });
  it("says what a resync means", () => {
    expect(describeResync(1234, "history-cleared")).toBe("Events were missed: etcd no longer held them (it keeps the last 1000 events). Reloaded at index 1234; changes after it follow.");
    expect(describeResync(5, "too-slow")).toMatch(/^Events were missed: the dashboard fell too far behind\. Reloaded at index 5/);
  });
});
