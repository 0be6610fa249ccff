"use client";
import { parentOf } from "@/lib/key-path";
import { useRevalidateKeys } from "./use-key";

/** After a write: re-read each key and its parent directory's listing (the tree reads listings through those). */
export function useAfterWrite() {
  const revalidate = useRevalidateKeys();
  return (cluster: string, ...keys: string[]) => {
    const all = new Set<string>();
    for (const key of keys) {
      all.add(key);
      if (key !== "/") all.add(parentOf(key));
    }
    return revalidate(cluster, ...all);
  };
}
