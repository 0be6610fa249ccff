import { describe, expect, it } from "vitest";
import { FREE_FAILURES, LoginThrottle, MAX_DELAY_MS, delayAfter } from "./login-throttle";

describe("LoginThrottle", () => {
  it("lets a client fail a few times freely, then doubles the wait after each failure", () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < FREE_FAILURES - 1; i++) {
      throttle.failed("10.0.0.1");
      expect(throttle.waitMs("10.0.0.1")).toBe(0);
    }
    throttle.failed("10.0.0.1");
    expect(throttle.waitMs("10.0.0.1")).toBe(1_000);
    now += 1_000;
    expect(throttle.waitMs("10.0.0.1")).toBe(0);
    throttle.failed("10.0.0.1");
    expect(throttle.waitMs("10.0.0.1")).toBe(2_000);
    now += 500;
    expect(throttle.waitMs("10.0.0.1")).toBe(1_500);
  });

  it("keeps each client's count apart, and forgets a client's failures when it logs in", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < FREE_FAILURES; i++) throttle.failed("a");
    expect(throttle.waitMs("a")).toBeGreaterThan(0);
    expect(throttle.waitMs("b")).toBe(0);
    throttle.succeeded("a");
    expect(throttle.waitMs("a")).toBe(0);
  });

  it("never makes anyone wait more than the cap", () => {
    expect(delayAfter(0)).toBe(0);
    expect(delayAfter(FREE_FAILURES + 3)).toBe(8_000);
    expect(delayAfter(1_000)).toBe(MAX_DELAY_MS);
  });
});
