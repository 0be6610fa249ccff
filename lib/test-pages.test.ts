import { describe, expect, it } from "vitest";
import { testPagesEnabled } from "./test-pages";

describe("test pages", () => {
  it("are off unless ETCD_DASHBOARD_TEST_PAGES is exactly true", () => {
    expect(testPagesEnabled({})).toBe(false);
    expect(testPagesEnabled({ ETCD_DASHBOARD_TEST_PAGES: "false" })).toBe(false);
    expect(testPagesEnabled({ ETCD_DASHBOARD_TEST_PAGES: "1" })).toBe(false);
    expect(testPagesEnabled({ ETCD_DASHBOARD_TEST_PAGES: "true" })).toBe(true);
  });
});
