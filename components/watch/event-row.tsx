import { Maximize2 } from "lucide-react";
import { memo } from "react";
import { describeResync, formatClock } from "@/lib/watch-page/format";
import type { LogEntry } from "@/lib/watch-page/log";
import { valueChange } from "@/lib/watch-page/value-change";
import type { WatchAction } from "@/lib/watch/protocol";
import { ValueDiff } from "./value-diff";

const ACTION_TONES: Record<WatchAction, string> = {
  set: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  create: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  update: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  compareAndSwap: "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200",
  delete: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  compareAndDelete: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  expire: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
};

export interface EventRowProps {
  entry: LogEntry;
  onDetails: (entry: LogEntry) => void;
}

/** One log row, two lines: time, action, key, index; then the previous value beside the new one. */
export const EventRow = memo(function EventRow({ entry, onDetails }: EventRowProps) {
  const time = (
    <time dateTime={new Date(entry.receivedAt).toISOString()} className="shrink-0 font-mono text-xs text-zinc-500">
      {formatClock(entry.receivedAt)}
    </time>
  );
  if (entry.kind === "resync") {
    return (
      <div className="flex h-full items-center gap-2 border-l-4 border-sky-500 bg-sky-50 px-2 text-xs text-sky-950 dark:bg-sky-950/40 dark:text-sky-100">
        {time}
        <span className="line-clamp-2">{describeResync(entry.etcdIndex, entry.reason)}</span>
      </div>
    );
  }
  const { event } = entry;
  return (
    <div className="flex h-full items-center gap-2 px-2">
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-center gap-2">
          {time}
          <span className={`shrink-0 rounded px-1.5 text-xs font-medium ${ACTION_TONES[event.action]}`}>{event.action}</span>
          <span className="min-w-0 flex-1 truncate font-mono text-xs">{event.node.key}</span>
          <span className="shrink-0 font-mono text-xs text-zinc-500">
            <span className="sr-only">index </span>
            <span aria-hidden>#</span>
            {event.index}
          </span>
        </div>
        <ValueDiff change={valueChange(event)} action={event.action} />
      </div>
      <button
        type="button"
        aria-label={`Details of index ${event.index}`}
        title="Details"
        onClick={() => onDetails(entry)}
        className="shrink-0 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <Maximize2 aria-hidden size={14} />
      </button>
    </div>
  );
});
