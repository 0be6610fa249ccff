// The app's SWR cache (app/providers.tsx): a Map that also tells who watches a key when its entry changes.
// A listing the key tree holds is not read by a mounted useSWR (lib/hooks/use-listings.ts), so this is how
// what SWR writes (a read by the key panel, a live event applied as data, a drop) reaches the tree. No React.
import type { Cache, State } from "swr";
import { keyedSets } from "./keyed-sets";

export interface ObservableCache extends Cache {
  /** Calls `listener` after every write or delete of `key`'s entry; returns the unsubscribe function. */
  watch(key: string, listener: () => void): () => void;
}

export function createObservableCache(): ObservableCache {
  const entries = new Map<string, State>();
  const watchers = keyedSets<() => void>();
  const notify = (key: string) => {
    for (const listener of watchers.of(key)) listener();
  };
  return {
    keys: () => entries.keys(),
    get: (key) => entries.get(key),
    set(key, value) {
      entries.set(key, value);
      notify(key);
    },
    delete(key) {
      entries.delete(key);
      notify(key);
    },
    watch: (key, listener) => watchers.add(key, listener),
  };
}

export function isObservableCache(cache: Cache): cache is ObservableCache {
  return typeof (cache as Partial<ObservableCache>).watch === "function";
}
