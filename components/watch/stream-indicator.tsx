import type { WatchStream, WatchStreamState } from "@/lib/hooks/use-watch-stream";

const LOOKS: Record<WatchStreamState, { label: string; dot: string }> = {
  connecting: { label: "Connecting", dot: "bg-zinc-400" },
  live: { label: "Live", dot: "bg-emerald-500" },
  reconnecting: { label: "Reconnecting", dot: "bg-amber-500 animate-pulse" },
  resyncing: { label: "Resyncing", dot: "bg-sky-500 animate-pulse" },
  failed: { label: "Failed", dot: "bg-red-600" },
};

/**
 * The stream's state in words (role=status, so a change is announced), with the reason when there is one.
 * `label` is its accessible name (the Keys page's says "Live updates").
 */
export function StreamIndicator({ stream, label = "Watch state" }: { stream: Pick<WatchStream, "state" | "message">; label?: string }) {
  const look = LOOKS[stream.state];
  return (
    <p role="status" aria-label={label} className="flex min-w-0 items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      <span aria-hidden className={`inline-block size-2 shrink-0 rounded-full ${look.dot}`} />
      <span className="font-medium text-zinc-900 dark:text-zinc-100">{look.label}</span>
      {stream.message ? <span className="truncate">{stream.message}</span> : null}
    </p>
  );
}
