import { describe, expect, it } from "vitest";
import { slowPageDelayMs, testPagesEnabled } from "./test-pages";

describe("test pages", () => {
  it("are off unless ETCD_DASHBOARD_TEST_PAGES is exactly true", () => {
    expect(testPagesEnabled({})).toBe(false);
    expect(testPagesEnabled({ ETCD_DASHBOARD_TEST_PAGES: "false" })).toBe(false);
    expect(testPagesEnabled({ ETCD_DASHBOARD_TEST_PAGES: "1" })).toBe(false);
    expect(testPagesEnabled({ ETCD_DASHBOARD_TEST_PAGES: "true" })).toBe(true);
  });

  it("wait at most 5 s", () => {
    expect(slowPageDelayMs("1500")).toBe(1_500);
    expect(slowPageDelayMs("600000")).toBe(5_000);
    expect(slowPageDelayMs("-3")).toBe(0);
    expect(slowPageDelayMs(["200", "300"])).toBe(200);
    expect(slowPageDelayMs("soon")).toBe(1_000);
    expect(slowPageDelayMs(undefined)).toBe(1_000);
  });
});
