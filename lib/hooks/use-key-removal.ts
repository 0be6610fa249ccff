"use client";
import { useState } from "react";
import { useLiveBatches } from "./use-live-keys";
import { isWithin } from "@/lib/key-path";
import { isRemoval } from "@/lib/tree/apply-event";
import type { WatchAction } from "@/lib/watch/protocol";

/** The live event that removed the open key: its own delete / expiry, or its directory's (`key`). */
export interface Removal {
  action: WatchAction;
  key: string;
  index: number;
}

/**
 * Follows the live stream for the open key: a delete or expiry of it (or of a directory above it) is
 * returned; a later write of the key clears it and `onRecreated` re-reads the key (its cache entry was
 * dropped when it went).
 */
export function useKeyRemoval(keyPath: string, onRecreated: () => void): Removal | null {
  const [removal, setRemoval] = useState<Removal | null>(null);
  useLiveBatches(({ events }) => {
    let latest = removal;
    for (const event of events) {
      const key = event.node.key;
      if (isRemoval(event.action) && isWithin(keyPath, key)) latest = { action: event.action, key, index: event.index };
      else if (!isRemoval(event.action) && key === keyPath) latest = null;
    }
    if (latest === removal) return;
    setRemoval(latest);
    if (removal && latest === null) onRecreated();
  });
  return removal;
}
