import { describe, expect, it } from "vitest";
import { STORE_COUNTERS } from "@/lib/cluster-monitor/samples";
import type { StoreStats } from "@/lib/etcd/wire";
import { storeGroups } from "./store-groups";

const store = (values: Partial<StoreStats>): StoreStats => ({ ...Object.fromEntries(STORE_COUNTERS.map((c) => [c, 0])), watchers: 0, ...values }) as StoreStats;

describe("storeGroups", () => {
  it("sums the counters of each group, success apart from fail", () => {
    const groups = storeGroups(
      store({ getsSuccess: 10, getsFail: 3, setsSuccess: 1, createSuccess: 2, updateFail: 4, deleteSuccess: 5, compareAndSwapSuccess: 6, compareAndDeleteFail: 7, expireCount: 8, watchers: 9 }),
      undefined,
    );
    expect(groups).toEqual([
      { name: "reads", success: 10, fail: 3, perSecond: undefined },
      { name: "writes", success: 8, fail: 4, perSecond: undefined },
      { name: "compareAndSwap", success: 6, fail: 7, perSecond: undefined },
      { name: "expiries", success: 8, fail: undefined, perSecond: undefined },
      { name: "watchers", success: 9 },
    ]);
  });

  it("a group's rate counts its successes and failures per second", () => {
    const groups = storeGroups(store({}), { getsSuccess: 2, getsFail: 0.5, setsSuccess: 1, deleteFail: 1, compareAndSwapFail: 0.25, expireCount: 3 });
    expect(groups.map((g) => [g.name, g.perSecond])).toEqual([
      ["reads", 2.5],
      ["writes", 2],
      ["compareAndSwap", 0.25],
      ["expiries", 3],
      ["watchers", undefined],
    ]);
  });
});
