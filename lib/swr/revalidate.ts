// The one way the app re-reads cached keys: SWR's mutate (it re-fetches what a mounted useSWR shows) and
// the readers registered here for a key (the key tree's listings, which no mounted useSWR reads). No React.
import type { Cache, ScopedMutator } from "swr";
import { keyedSets, type KeyedSets } from "./keyed-sets";

type Reread = () => Promise<unknown>;

/** Per SWR cache (one per app), the readers of each key. */
const readersByCache = new WeakMap<Cache, KeyedSets<Reread>>();

/** Registers `reread` to run whenever `swrKey` is revalidated through `revalidateReads`; returns the unregister function. */
export function onRevalidate(cache: Cache, swrKey: string, reread: Reread): () => void {
  let readers = readersByCache.get(cache);
  if (!readers) readersByCache.set(cache, (readers = keyedSets()));
  return readers.add(swrKey, reread);
}

interface Revalidation {
  cache: Cache;
  mutate: ScopedMutator;
  /** Lets go of a read in flight, so that the re-read is a new request (lib/swr/single-flight.ts). */
  forget: (swrKey: string) => void;
}

/**
 * Re-reads `swrKeys` (`dropData`: their cached data goes first): each key's mounted useSWR re-fetches and its
 * registered readers read again (after it: they share its request). Resolves, per key, with SWR's answer.
 */
export function revalidateReads({ cache, mutate, forget }: Revalidation, swrKeys: Iterable<string>, { dropData = false } = {}): Promise<unknown[]> {
  return Promise.all(
    [...swrKeys].map(async (swrKey) => {
      forget(swrKey);
      const revalidated = dropData ? mutate(swrKey, undefined, { revalidate: true }) : mutate(swrKey);
      const readers = readersByCache.get(cache)?.of(swrKey) ?? [];
      const [answer] = await Promise.all([revalidated, ...readers.map((reread) => reread())]);
      return answer;
    }),
  );
}

/**
 * Re-reads everything cached or registered under `prefix` (one cluster's whole API): the connection banner's
 * Retry, after which every part of the page that failed reads again at once.
 */
export function revalidatePrefix(revalidation: Revalidation, prefix: string): Promise<unknown[]> {
  const cached = [...revalidation.cache.keys()].filter((key) => key.startsWith(prefix));
  const registered = readersByCache.get(revalidation.cache)?.keys().filter((key) => key.startsWith(prefix)) ?? [];
  return revalidateReads(revalidation, new Set([...cached, ...registered]));
}
