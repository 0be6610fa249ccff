import { describe, expect, it } from "vitest";
import { ReadCoalescer } from "./read-coalescer";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("ReadCoalescer", () => {
  it("shares one read among identical reads in flight, and reads afresh once it is done", async () => {
    const reads = new ReadCoalescer<string>();
    let calls = 0;
    const pending = deferred<string>();
    const read = () => (calls++, pending.promise);
    const a = reads.run("/k", 0, read);
    const b = reads.run("/k", 0, read);
    expect(calls).toBe(1);
    pending.resolve("v1");
    expect(await Promise.all([a, b])).toEqual(["v1", "v1"]);
    expect(reads.size).toBe(0);
    await reads.run("/k", 0, async () => (calls++, "v2"));
    expect(calls).toBe(2);
  });

  it("never shares between different keys, or across a write (another epoch)", async () => {
    const reads = new ReadCoalescer<string>();
    let calls = 0;
    const slow = deferred<string>();
    const first = reads.run("/k", 0, () => (calls++, slow.promise));
    const other = reads.run("/other", 0, async () => (calls++, "o"));
    const afterWrite = reads.run("/k", 1, async () => (calls++, "fresh"));
    expect(calls).toBe(3);
    expect(await afterWrite).toBe("fresh");
    expect(await other).toBe("o");
    slow.resolve("stale");
    expect(await first).toBe("stale");
  });

  it("shares a failure too, and forgets it", async () => {
    const reads = new ReadCoalescer<string>();
    const failing = deferred<string>();
    const a = reads.run("/k", 0, () => failing.promise);
    const b = reads.run("/k", 0, () => Promise.resolve("unused"));
    failing.reject(new Error("etcd down"));
    await expect(a).rejects.toThrow("etcd down");
    await expect(b).rejects.toThrow("etcd down");
    expect(await reads.run("/k", 0, async () => "back")).toBe("back");
  });

  it("lets one caller stop waiting without cancelling the read for the others", async () => {
    const reads = new ReadCoalescer<string>();
    const pending = deferred<string>();
    const gone = new AbortController();
    const leaving = reads.run("/k", 0, () => pending.promise, gone.signal);
    const staying = reads.run("/k", 0, () => pending.promise);
    gone.abort(new Error("browser went away"));
    await expect(leaving).rejects.toThrow("browser went away");
    pending.resolve("v");
    expect(await staying).toBe("v");
  });
});
