// Sets of values by key (listeners, readers), a key's set gone with its last value. No React.

export interface KeyedSets<T> {
  /** Adds `value` under `key`; returns the function that removes it. */
  add(key: string, value: T): () => void;
  /** The values under `key`, as they are now. */
  of(key: string): T[];
  /** Every key with at least one value. */
  keys(): string[];
}

export function keyedSets<T>(): KeyedSets<T> {
  const sets = new Map<string, Set<T>>();
  return {
    add(key, value) {
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new Set()));
      set.add(value);
      return () => {
        set.delete(value);
        if (set.size === 0 && sets.get(key) === set) sets.delete(key);
      };
    },
    of: (key) => [...(sets.get(key) ?? [])],
    keys: () => [...sets.keys()],
  };
}
