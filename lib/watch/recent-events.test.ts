import { describe, expect, it } from "vitest";
import { RecentEvents } from "./recent-events";

const events = (...indexes: number[]) => indexes.map((index) => ({ index }));

describe("RecentEvents", () => {
  it("returns the events after an index, in order", () => {
    const recent = new RecentEvents();
    recent.add(events(3, 5, 8));
    recent.add(events(9));
    expect(recent.after(0)).toEqual(events(3, 5, 8, 9));
    expect(recent.after(5)).toEqual(events(8, 9));
    expect(recent.after(6)).toEqual(events(8, 9));
    expect(recent.after(9)).toEqual([]);
  });

  it("keeps only the last `limit` events", () => {
    const recent = new RecentEvents(3);
    for (let i = 1; i <= 10; i++) recent.add(events(i));
    expect(recent.after(0)).toEqual(events(8, 9, 10));
  });

  it("clear forgets everything", () => {
    const recent = new RecentEvents();
    recent.add(events(1, 2));
    recent.clear();
    expect(recent.after(0)).toEqual([]);
  });
});
