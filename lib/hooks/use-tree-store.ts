"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { RELEASE_CHECK_MS } from "@/lib/tree/release";
import type { TreeSeed } from "@/lib/tree/seed";
import { treeStoreOf, type TreeStore } from "@/lib/tree/store";
import type { TreeState } from "@/lib/tree/tree-state";
import { keySwrKey, useRevalidateReads } from "./use-key";

/**
 * The store of `cluster`'s tree (lib/tree/store.ts), mounted once for this tree: `selectedKey` and the
 * server's first screens (`seed`) are applied before the first render reads it, so the server's render and
 * the browser's hydration see the same rows.
 */
export function useTreeStore(cluster: string, selectedKey: string, seed: TreeSeed | null | undefined): TreeStore {
  const [store] = useState(() => {
    const store = treeStoreOf(cluster);
    store.mount(selectedKey, seed, cluster);
    return store;
  });
  return store;
}

/** One part of the tree's state (`select` should return a part of the state as it is: a new object renders every time). */
export function useTreeState<T>(store: TreeStore, select: (state: TreeState) => T): T {
  const snapshot = () => select(store.getState());
  return useSyncExternalStore(store.subscribe, snapshot, snapshot);
}

/**
 * Every RELEASE_CHECK_MS, lets go of the listings idle for too long (lib/tree/release.ts): out of the store,
 * and their reads out of the SWR cache. `inUse` says which directories are in use at that moment.
 */
export function useReleaseIdleListings(store: TreeStore, cluster: string, inUse: () => ReadonlySet<string>) {
  const revalidate = useRevalidateReads();
  const latestInUse = useRef(inUse);
  latestInUse.current = inUse;
  useEffect(() => {
    const timer = setInterval(() => {
      const released = store.releaseIdle(latestInUse.current());
      if (released.length === 0) return;
      // After the tree has rendered without them (its reads of them unmounted): a read still mounted
      // elsewhere (Go to key's completions) reads its directory again; for the others only the data goes.
      setTimeout(() => {
        void revalidate(released.map((dir) => keySwrKey(cluster, dir)), { dropData: true });
      }, 0);
    }, RELEASE_CHECK_MS);
    return () => clearInterval(timer);
  }, [store, cluster, revalidate]);
}
