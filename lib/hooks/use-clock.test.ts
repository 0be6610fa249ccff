import { afterEach, describe, expect, it, vi } from "vitest";
import { clockIntervals, subscribeToClock } from "./use-clock";

describe("the shared clock", () => {
  afterEach(() => vi.useRealTimers());

  it("runs one interval for any number of countdowns, and none once they are gone", () => {
    vi.useFakeTimers();
    const ticks: number[] = [0, 0, 0];
    const offs = ticks.map((_, i) => subscribeToClock(() => void (ticks[i] = (ticks[i] ?? 0) + 1)));
    expect(clockIntervals()).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(3000);
    expect(ticks).toEqual([3, 3, 3]);
    for (const off of offs) off();
    expect(clockIntervals()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
