"use client";
import { useLiveKeysContext } from "@/lib/hooks/use-live-keys";
import type { WatchStreamState } from "@/lib/hooks/use-watch-stream";

const LOOKS: Record<WatchStreamState, { text: string; dot: string }> = {
  connecting: { text: "connecting", dot: "bg-zinc-400" },
  live: { text: "live", dot: "bg-emerald-600" },
  reconnecting: { text: "reconnecting", dot: "bg-amber-500 motion-safe:animate-pulse" },
  resyncing: { text: "resyncing", dot: "bg-sky-500 motion-safe:animate-pulse" },
  failed: { text: "failed", dot: "bg-red-600" },
};

/** Whether the tree and the key panel follow etcd's changes right now, and why not when they do not. */
export function LiveIndicator() {
  const { state, message } = useLiveKeysContext();
  const look = LOOKS[state];
  return (
    <div role="status" aria-label="Live updates" title={message} className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-300">
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${look.dot}`} />
      <span>{look.text}</span>
      {message && state !== "live" ? <span className="sr-only">{`: ${message}`}</span> : null}
    </div>
  );
}
