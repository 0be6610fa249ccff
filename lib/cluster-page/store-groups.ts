// etcd's 16 store counters of a member as the groups a person asks about (reads, writes, compare-and-swap,
// expiries, watchers), each with its successes, failures and operations per second since the previous poll.
import type { StoreCounter } from "@/lib/cluster-monitor/samples";
import type { StoreStats } from "@/lib/etcd/wire";

export type StoreGroupName = "reads" | "writes" | "compareAndSwap" | "expiries" | "watchers";

export interface StoreGroup {
  name: StoreGroupName;
  /** Operations that succeeded (for watchers: how many watch now; for expiries: keys expired). */
  success: number;
  /** Undefined where etcd counts no failures (expiries, watchers). */
  fail?: number;
  /** Operations per second since the previous poll; undefined on a first poll, after a restart, and for watchers (a level). */
  perSecond?: number;
}

const GROUPS: { name: Exclude<StoreGroupName, "watchers">; success: StoreCounter[]; fail: StoreCounter[] }[] = [
  { name: "reads", success: ["getsSuccess"], fail: ["getsFail"] },
  { name: "writes", success: ["setsSuccess", "createSuccess", "updateSuccess", "deleteSuccess"], fail: ["setsFail", "createFail", "updateFail", "deleteFail"] },
  { name: "compareAndSwap", success: ["compareAndSwapSuccess", "compareAndDeleteSuccess"], fail: ["compareAndSwapFail", "compareAndDeleteFail"] },
  { name: "expiries", success: ["expireCount"], fail: [] },
];

const sum = (values: Partial<Record<StoreCounter, number>>, counters: StoreCounter[]) => counters.reduce((total, c) => total + (values[c] ?? 0), 0);

/** One member's store in groups; `rates` from the latest poll that had them (lib/cluster-page/chart-series.ts). */
export function storeGroups(store: StoreStats, rates: Partial<Record<StoreCounter, number>> | undefined): StoreGroup[] {
  const groups: StoreGroup[] = GROUPS.map(({ name, success, fail }) => ({
    name,
    success: sum(store, success),
    fail: fail.length ? sum(store, fail) : undefined,
    perSecond: rates ? sum(rates, [...success, ...fail]) : undefined,
  }));
  groups.push({ name: "watchers", success: store.watchers });
  return groups;
}
