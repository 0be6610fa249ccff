import { describe, expect, it, vi } from "vitest";
import type { ScopedMutator } from "swr";
import { createObservableCache } from "./observable-cache";
import { onRevalidate, revalidatePrefix, revalidateReads } from "./revalidate";

/** SWR's mutate, recorded: it answers each revalidation with `answer:<key>`. */
function recordingMutate() {
  const calls: unknown[][] = [];
  const mutate = ((...args: unknown[]) => {
    calls.push(args);
    return Promise.resolve(`answer:${String(args[0])}`);
  }) as ScopedMutator;
  return { calls, mutate };
}

describe("revalidateReads", () => {
  it("forgets the read in flight, revalidates through SWR, then runs the key's registered readers", async () => {
    const cache = createObservableCache();
    const { calls, mutate } = recordingMutate();
    const order: string[] = [];
    const forget = vi.fn((key: string) => order.push(`forget ${key}`));
    const reread = vi.fn(async () => void order.push("reread /a"));
    onRevalidate(cache, "/a", reread);
    const answers = await revalidateReads({ cache, mutate: ((...args: Parameters<ScopedMutator>) => (order.push(`mutate ${String(args[0])}`), mutate(...args))) as ScopedMutator, forget }, ["/a", "/b"]);
    expect(answers).toEqual(["answer:/a", "answer:/b"]);
    expect(order).toEqual(["forget /a", "mutate /a", "reread /a", "forget /b", "mutate /b"]);
    expect(calls).toEqual([["/a"], ["/b"]]);
  });

  it("drops the data first when asked, and waits for the readers", async () => {
    const cache = createObservableCache();
    const { calls, mutate } = recordingMutate();
    let finish = () => {};
    onRevalidate(cache, "/a", () => new Promise<void>((resolve) => (finish = resolve)));
    let done = false;
    const revalidation = revalidateReads({ cache, mutate, forget: () => {} }, ["/a"], { dropData: true }).then(() => (done = true));
    await Promise.resolve();
    expect(calls).toEqual([["/a", undefined, { revalidate: true }]]);
    expect(done).toBe(false);
    finish();
    await revalidation;
    expect(done).toBe(true);
  });

  it("runs a reader only while it is registered, and only for its cache", async () => {
    const cache = createObservableCache();
    const { mutate } = recordingMutate();
    const reread = vi.fn(async () => undefined);
    const unregister = onRevalidate(cache, "/a", reread);
    await revalidateReads({ cache: createObservableCache(), mutate, forget: () => {} }, ["/a"]);
    expect(reread).not.toHaveBeenCalled();
    unregister();
    await revalidateReads({ cache, mutate, forget: () => {} }, ["/a"]);
    expect(reread).not.toHaveBeenCalled();
  });
});

describe("revalidatePrefix", () => {
  it("re-reads every cached and every registered key under the prefix, and nothing else", async () => {
    const cache = createObservableCache();
    cache.set("/api/clusters/a/connection", { data: 1 } as never);
    cache.set("/api/clusters/b/connection", { data: 2 } as never);
    const reread = vi.fn(async () => undefined);
    onRevalidate(cache, "/api/clusters/a/keys/", reread);
    const { calls, mutate } = recordingMutate();
    await revalidatePrefix({ cache, mutate, forget: () => undefined }, "/api/clusters/a/");
    expect(calls.map((c) => c[0]).sort()).toEqual(["/api/clusters/a/connection", "/api/clusters/a/keys/"]);
    expect(reread).toHaveBeenCalledTimes(1);
  });
});
