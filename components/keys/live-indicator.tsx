"use client";
import { StreamIndicator } from "@/components/watch/stream-indicator";
import { useLiveKeysContext } from "@/lib/hooks/use-live-keys";

/** Whether the tree and the key panel follow etcd's changes right now, and why not when they do not. */
export function LiveIndicator() {
  return <StreamIndicator stream={useLiveKeysContext()} label="Live updates" />;
}
