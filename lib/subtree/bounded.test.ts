import { describe, expect, it } from "vitest";
import { settleBounded, type Settled } from "./bounded";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function collect<T, R>(source: AsyncGenerator<Settled<T, R>>): Promise<Settled<T, R>[]> {
  const out: Settled<T, R>[] = [];
  for await (const s of source) out.push(s);
  return out;
}

describe("settleBounded", () => {
  it("keeps at most `limit` tasks in flight and yields every result", async () => {
    let active = 0;
    let most = 0;
    const results = await collect(
      settleBounded(Array.from({ length: 50 }, (_, i) => i), 4, async (i) => {
        active++;
        most = Math.max(most, active);
        await sleep(i % 3);
        active--;
        return i * 2;
      }, () => false),
    );
    expect(most).toBe(4);
    expect(results.map((r) => ("result" in r ? r.result : -1)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });

  it("starts nothing once stopped: the tasks in flight finish, the rest is skipped", async () => {
    let stopped = false;
    const started: number[] = [];
    const results = await collect(
      settleBounded(Array.from({ length: 20 }, (_, i) => i), 3, async (i) => {
        started.push(i);
        if (i === 4) stopped = true;
        await sleep(1);
        return i;
      }, () => stopped),
    );
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.filter((r) => "result" in r)).toHaveLength(5);
    expect(results.filter((r) => "skipped" in r).map((r) => r.item)).toEqual(Array.from({ length: 15 }, (_, i) => i + 5));
  });

  it("starts nothing more when the reader goes away", async () => {
    const started: number[] = [];
    const source = settleBounded(Array.from({ length: 100 }, (_, i) => i), 2, async (i) => {
      started.push(i);
      await sleep(1);
      return i;
    }, () => false);
    await source.next();
    await source.return(undefined);
    const seen = started.length;
    await sleep(20);
    expect(started.length).toBe(seen);
    expect(seen).toBeLessThan(20);
  });

  it("throws a task's rejection after the others settled", async () => {
    await expect(collect(settleBounded([1, 2, 3], 2, async (i) => (i === 2 ? Promise.reject(new Error("boom")) : i), () => false))).rejects.toThrow("boom");
  });
});
