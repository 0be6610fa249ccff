"use client";
import { useLayoutEffect, useRef, useState } from "react";
import { useSWRConfig } from "swr";
import { isObservableCache } from "@/lib/swr/observable-cache";
import { onRevalidate } from "@/lib/swr/revalidate";
import { createListingReader } from "@/lib/tree/listing-reader";
import type { TreeStore } from "@/lib/tree/store";
import { useLiveKeysContext } from "./use-live-keys";
import { keyReads, keySwrKey } from "./use-key";

/**
 * Reads the listings of `dirs` into the tree's store while they are listed here (lib/tree/listing-reader.ts),
 * through the app's SWR cache: what the key panel, Go to key or the palette read shows here, and what the
 * tree reads lands there for them. A cached listing is not fetched again on every remount (every
 * navigation); a revalidation of its key (lib/swr/revalidate.ts: a write, Refresh, Retry, a resync of the
 * live stream) reads it again, and a failed read is retried as SWR retries its own (the app's config).
 */
export function useListings(store: TreeStore, cluster: string, dirs: readonly string[]) {
  const config = useSWRConfig();
  const live = useLiveKeysContext();
  const latest = useRef({ config, live });
  latest.current = { config, live };
  const [reader] = useState(() => {
    const { cache, mutate } = config;
    if (!isObservableCache(cache)) throw new Error("useListings needs the observable SWR cache of app/providers.tsx.");
    return createListingReader({
      cache,
      swrKeyOf: (dir) => keySwrKey(cluster, dir),
      read: async (dir) => latest.current.live.catchUp(dir, await keyReads.read(keySwrKey(cluster, dir))),
      write: (swrKey, data) => void mutate(swrKey, data, { revalidate: false }),
      onRevalidate: (swrKey, reread) => onRevalidate(cache, swrKey, reread),
      onListing: store.listingRead,
      onReadError(swrKey, error, retry, retryCount) {
        const current = latest.current.config;
        current.onError(error as Error, swrKey, current);
        const { shouldRetryOnError } = current;
        if (shouldRetryOnError === true || (typeof shouldRetryOnError === "function" && shouldRetryOnError(error as Error))) {
          current.onErrorRetry(error as Error, swrKey, current, async () => (retry(), true), { retryCount, dedupe: true });
        }
      },
    });
  });
  // Before the paint: a directory opened with its listing already cached (the key panel read it) shows its
  // children in the same frame, not a "Loading" row first.
  useLayoutEffect(() => reader.holdOnly(dirs), [reader, dirs]);
  useLayoutEffect(() => () => reader.holdOnly([]), [reader]);
}
