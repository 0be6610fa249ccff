import { describe, expect, it } from "vitest";
import { RecentWindow } from "./recent-window";

const item = (n: number, size = 1) => ({ n, frame: "x".repeat(size) });

describe("RecentWindow", () => {
  it("keeps the latest items within the count, and tells the newest one dropped", () => {
    const window = new RecentWindow<ReturnType<typeof item>>({ recentEvents: 3, recentBytes: Infinity });
    for (const n of [1, 2, 3]) expect(window.keep(item(n))).toBeUndefined();
    expect(window.keep(item(4))?.n).toBe(1);
    expect(window.items.map((i) => i.n)).toEqual([2, 3, 4]);
  });

  it("drops the oldest beyond the frame-text cap, but always keeps the newest", () => {
    const window = new RecentWindow<ReturnType<typeof item>>({ recentEvents: 100, recentBytes: 10 });
    window.keep(item(1, 4));
    window.keep(item(2, 4));
    expect(window.keep(item(3, 4))?.n).toBe(1);
    expect(window.keep(item(4, 50))?.n).toBe(3);
    expect(window.items.map((i) => i.n)).toEqual([4]);
    window.clear();
    expect(window.items).toEqual([]);
  });
});
