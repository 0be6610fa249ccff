"use client";
import { useCallback } from "react";
import { useSWRConfig } from "swr";
import { keySwrKey } from "./use-key";

/**
 * Re-reads directory listings after a change (create, delete, rename): the key tree reads each
 * listing through `keySwrKey(cluster, dir)`, so revalidating that SWR key updates the tree.
 * `refresh(cluster, parentOf(key))` after creating or deleting `key`.
 */
export function useRefreshTree() {
  const { mutate } = useSWRConfig();
  return useCallback((cluster: string, ...dirs: string[]) => Promise.all(dirs.map((dir) => mutate(keySwrKey(cluster, dir)))), [mutate]);
}
