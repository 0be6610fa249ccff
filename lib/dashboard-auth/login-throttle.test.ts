import { describe, expect, it } from "vitest";
import { FORGET_AFTER_MS, FREE_FAILURES, LoginThrottle, MAX_DELAY_MS, delayAfter, type Admission } from "./login-throttle";

function waitOf(admission: Admission): number {
  return admission.ok ? 0 : admission.waitMs;
}

describe("LoginThrottle", () => {
  it("lets a client fail a few times freely, then doubles the wait after each failure", () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < FREE_FAILURES; i++) expect(throttle.begin("10.0.0.1", "ada").ok).toBe(true);
    expect(waitOf(throttle.begin("10.0.0.1", "ada"))).toBe(1_000);
    now += 1_000;
    expect(throttle.begin("10.0.0.1", "ada").ok).toBe(true);
    expect(waitOf(throttle.begin("10.0.0.1", "ada"))).toBe(2_000);
    now += 500;
    expect(waitOf(throttle.begin("10.0.0.1", "ada"))).toBe(1_500);
  });

  it("reserves each attempt before its outcome is known: parallel attempts beyond the free ones wait", () => {
    const throttle = new LoginThrottle(() => 0);
    const admissions = Array.from({ length: 100 }, () => throttle.begin("10.0.0.1", "ada"));
    expect(admissions.filter((a) => a.ok)).toHaveLength(FREE_FAILURES);
  });

  it("counts per address and per user name: another address guessing the same name waits too", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < FREE_FAILURES; i++) throttle.begin(`10.0.0.${i}`, "ada");
    expect(throttle.begin("10.0.0.99", "ada").ok).toBe(false);
    expect(throttle.begin("10.0.0.99", "vera").ok).toBe(true);
  });

  it("a success clears only its own user name's count, never the address's record of other names' failures", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < FREE_FAILURES - 1; i++) throttle.begin("10.0.0.1", "ada");
    const own = throttle.begin("10.0.0.1", "vera");
    if (!own.ok) throw new Error("vera's own login should be allowed");
    throttle.succeeded(own.attempt);
    // The address's two failures at ada still count: one more and the address waits.
    expect(throttle.begin("10.0.0.1", "ada").ok).toBe(true);
    expect(throttle.begin("10.0.0.1", "ada").ok).toBe(false);
    expect(throttle.begin("10.0.0.1", "vera").ok).toBe(false);
    expect(throttle.begin("10.0.0.2", "vera").ok).toBe(true);
  });

  it("a success takes back its own name's failures from the address's count", () => {
    const throttle = new LoginThrottle(() => 0);
    throttle.begin("10.0.0.1", "eddie");
    const eddie = throttle.begin("10.0.0.1", "eddie");
    if (!eddie.ok) throw new Error("eddie's second try should be allowed");
    throttle.succeeded(eddie.attempt);
    throttle.begin("10.0.0.1", "vera");
    throttle.begin("10.0.0.1", "vera");
    expect(throttle.begin("10.0.0.1", "vera").ok).toBe(true);
  });

  it("forgets a count some time after its last failure", () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < FREE_FAILURES + 5; i++) {
      throttle.begin("10.0.0.1", "ada");
      now += MAX_DELAY_MS;
    }
    expect(throttle.begin("10.0.0.1", "ada").ok).toBe(true);
    expect(waitOf(throttle.begin("10.0.0.1", "ada"))).toBeGreaterThan(0);
    now += FORGET_AFTER_MS + 1;
    expect(throttle.begin("10.0.0.1", "ada").ok).toBe(true);
    expect(throttle.begin("10.0.0.1", "ada").ok).toBe(true);
  });

  it("a user's successful logins never add up to a wait", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < 10; i++) {
      const admission = throttle.begin("10.0.0.1", "vera");
      if (!admission.ok) throw new Error(`login ${i} was made to wait`);
      throttle.succeeded(admission.attempt);
    }
  });

  it("keeps an address and a user name of the same spelling apart", () => {
    const throttle = new LoginThrottle(() => 0);
    for (let i = 0; i < FREE_FAILURES; i++) throttle.begin("x", `name-${i}`);
    expect(throttle.begin("other", "x").ok).toBe(true);
  });

  it("never makes anyone wait more than the cap", () => {
    expect(delayAfter(0)).toBe(0);
    expect(delayAfter(FREE_FAILURES + 3)).toBe(8_000);
    expect(delayAfter(1_000)).toBe(MAX_DELAY_MS);
  });
});
