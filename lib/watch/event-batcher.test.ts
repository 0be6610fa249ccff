import { describe, expect, it } from "vitest";
import { createEventBatcher, type Scheduler } from "./event-batcher";

/** A scheduler the test runs by hand. */
function manualScheduler() {
  const queued: (() => void)[] = [];
  const schedule: Scheduler = (run) => {
    queued.push(run);
    return () => queued.splice(queued.indexOf(run), 1);
  };
  return { schedule, runAll: () => queued.splice(0).forEach((run) => run()), get size() { return queued.length; } };
}

describe("createEventBatcher", () => {
  it("hands over everything pushed before the frame in one call, in order, scheduling one frame", () => {
    const scheduler = manualScheduler();
    const batches: number[][] = [];
    const batcher = createEventBatcher<number>((items) => batches.push(items), scheduler.schedule);
    for (let i = 0; i < 1000; i++) batcher.push(i);
    expect(scheduler.size).toBe(1);
    expect(batches).toEqual([]);
    scheduler.runAll();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    batcher.push(1000);
    scheduler.runAll();
    expect(batches[1]).toEqual([1000]);
  });

  it("flushNow hands over at once and cancels the frame; an empty flush calls nothing", () => {
    const scheduler = manualScheduler();
    const batches: string[][] = [];
    const batcher = createEventBatcher<string>((items) => batches.push(items), scheduler.schedule);
    batcher.flushNow();
    expect(batches).toEqual([]);
    batcher.push("a");
    batcher.flushNow();
    expect(batches).toEqual([["a"]]);
    expect(scheduler.size).toBe(0);
  });

  it("discard drops what is pending and goes on batching later pushes", () => {
    const scheduler = manualScheduler();
    const batches: string[][] = [];
    const batcher = createEventBatcher<string>((items) => batches.push(items), scheduler.schedule);
    batcher.push("old");
    batcher.discard();
    expect(scheduler.size).toBe(0);
    batcher.push("new");
    scheduler.runAll();
    expect(batches).toEqual([["new"]]);
  });

  it("cancel drops what is pending and ignores later pushes", () => {
    const scheduler = manualScheduler();
    const batches: string[][] = [];
    const batcher = createEventBatcher<string>((items) => batches.push(items), scheduler.schedule);
    batcher.push("a");
    batcher.cancel();
    batcher.push("b");
    scheduler.runAll();
    batcher.flushNow();
    expect(batches).toEqual([]);
  });
});
