import { describe, expect, it, vi } from "vitest";
import { createObservableCache, isObservableCache } from "./observable-cache";

describe("createObservableCache", () => {
  it("is a Map of SWR states that tells the watchers of a key when its entry is written or deleted", () => {
    const cache = createObservableCache();
    const onA = vi.fn();
    const onB = vi.fn();
    const stopA = cache.watch("a", onA);
    cache.watch("b", onB);
    cache.set("a", { data: 1 });
    expect(cache.get("a")).toEqual({ data: 1 });
    expect(onA).toHaveBeenCalledTimes(1);
    cache.delete("a");
    expect(cache.get("a")).toBeUndefined();
    expect(onA).toHaveBeenCalledTimes(2);
    expect(onB).not.toHaveBeenCalled();
    stopA();
    cache.set("a", { data: 2 });
    expect(onA).toHaveBeenCalledTimes(2);
    expect([...cache.keys()]).toEqual(["a"]);
  });

  it("lets a watcher unwatch while it is being told", () => {
    const cache = createObservableCache();
    const second = vi.fn();
    const stop = cache.watch("a", () => stop());
    cache.watch("a", second);
    cache.set("a", {});
    cache.set("a", {});
    expect(second).toHaveBeenCalledTimes(2);
  });

  it("is told apart from a plain cache", () => {
    expect(isObservableCache(createObservableCache())).toBe(true);
    expect(isObservableCache(new Map())).toBe(false);
  });
});
