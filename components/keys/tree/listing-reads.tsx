"use client";
import { memo, useLayoutEffect } from "react";
import useSWR from "swr";
import type { ApiError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/fetcher";
import type { KeyResponse } from "@/lib/api/types";
import { keySwrKey } from "@/lib/hooks/use-key";
import { listingOfRead } from "@/lib/tree/listings";
import type { TreeStore } from "@/lib/tree/store";

/**
 * Reads one directory's listing through SWR (`keySwrKey`, shared with the rest of the app) into the tree's
 * store. A cached listing is not fetched again on every remount (every navigation): `mutate(keySwrKey(cluster,
 * dir))`, a live change or Refresh re-reads it.
 */
function useListing(store: TreeStore, cluster: string, dir: string) {
  const { data, error } = useSWR<KeyResponse, ApiError>(keySwrKey(cluster, dir), apiFetch, { revalidateIfStale: false, revalidateOnFocus: false });
  // Before the paint: a directory opened with its listing already cached (the key panel read it) shows its
  // children in the same frame, not a "Loading" row first.
  useLayoutEffect(() => {
    const listing = listingOfRead(dir, data, error);
    if (listing) store.listingRead(dir, listing);
  }, [store, dir, data, error]);
}

/**
 * The listings of `dirs`, read while they are listed here. One small component per directory, because SWR
 * re-reads (`mutate(key)`, a resync of the live stream) only the keys that a mounted `useSWR` reads, and one
 * hook cannot call `useSWR` a varying number of times. They render nothing: what they read is in the store.
 */
export const ListingReads = memo(function ListingReads({ store, cluster, dirs }: { store: TreeStore; cluster: string; dirs: readonly string[] }) {
  return dirs.map((dir) => <ListingRead key={dir} store={store} cluster={cluster} dir={dir} />);
});

function ListingRead({ store, cluster, dir }: { store: TreeStore; cluster: string; dir: string }) {
  useListing(store, cluster, dir);
  return null;
}
