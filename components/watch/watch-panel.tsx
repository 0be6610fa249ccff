"use client";
import { Download, Eraser, Pause, Play, X } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { useWatchLog } from "@/lib/hooks/use-watch-log";
import { formatCount } from "@/lib/tree/format";
import { buildExport, exportFileName } from "@/lib/watch-page/export";
import { countEvents, filterEntries, MAX_KEPT_ENTRIES, type ActionFilter } from "@/lib/watch-page/log";
import { describePanel, type PanelSpec } from "@/lib/watch-page/panels";
import { WATCH_ACTIONS, type WatchAction } from "@/lib/watch/protocol";
import { downloadJson } from "@/lib/download";
import { EventLog } from "./event-log";
import { StreamIndicator } from "./stream-indicator";

export interface WatchPanelProps {
  cluster: string;
  spec: PanelSpec;
  onRemove: () => void;
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? "" : "s"}`;

/** "12 events", "Showing 3 of 12 events", and what the cap let go, in plain words. */
function LogSummary({ total, shownCount, dropped, filter }: { total: number; shownCount: number; dropped: number; filter: ActionFilter }) {
  return (
    <p className="text-xs text-zinc-600 dark:text-zinc-400">
      {filter === "all" ? plural(total, "event") : `Showing ${formatCount(shownCount)} of ${plural(total, "event")}`}
      {dropped > 0 ? ` · the oldest ${formatCount(dropped)} were let go (a panel keeps the newest ${formatCount(MAX_KEPT_ENTRIES)})` : ""}
    </p>
  );
}

/** One watched key: its stream's state, the controls, and the live log. */
export function WatchPanel({ cluster, spec, onRemove }: WatchPanelProps) {
  const { log, stream, pause, resume, clear } = useWatchLog(cluster, spec);
  const [filter, setFilter] = useState<ActionFilter>("all");
  const shown = useMemo(() => filterEntries(log.entries, filter), [log.entries, filter]);
  // Counted once per batch, not on every render (the stream's state changes with every event).
  const total = useMemo(() => countEvents(log.entries), [log.entries]);
  const shownCount = useMemo(() => countEvents(shown), [shown]);
  const heldCount = useMemo(() => countEvents(log.held), [log.held]);
  const title = describePanel(spec);
  const PauseIcon = log.paused ? Play : Pause;

  const exportJson = () => {
    const now = new Date();
    // Everything kept, including what a pause holds back, under the current filter.
    const entries = filterEntries(log.entries.concat(log.held), filter);
    downloadJson(exportFileName(cluster, spec.key, now), buildExport({ cluster, spec, filter, entries, dropped: log.dropped, now }));
  };

  return (
    <section aria-label={`Watch ${title}`} className="flex min-w-0 flex-col rounded-lg border border-zinc-200 dark:border-zinc-800">
      <header className="flex flex-col gap-2 p-3">
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 className="truncate font-mono text-sm font-semibold" title={spec.key}>
              {spec.key}
            </h2>
            <p className="text-xs text-zinc-500">
              {spec.recursive ? "Recursive" : "This key only"}
              {spec.fromIndex === undefined ? " · changes from now on" : ` · from index ${spec.fromIndex}`}
            </p>
          </div>
          <button
            type="button"
            aria-label="Remove panel"
            title="Remove panel"
            onClick={onRemove}
            className="shrink-0 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            <X aria-hidden size={16} />
          </button>
        </div>
        <StreamIndicator stream={stream} />
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={log.paused ? resume : pause}>
            <PauseIcon aria-hidden size={14} />
            {log.paused ? "Resume" : "Pause"}
          </Button>
          <Button onClick={clear}>
            <Eraser aria-hidden size={14} />
            Clear
          </Button>
          <Button onClick={exportJson}>
            <Download aria-hidden size={14} />
            Export JSON
          </Button>
          <select
            aria-label="Filter by action"
            value={filter}
            onChange={(e) => setFilter(e.target.value as ActionFilter)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="all">All actions</option>
            {WATCH_ACTIONS.map((action: WatchAction) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        {log.paused ? (
          <p role="status" aria-label="Paused" className="rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            Paused: {plural(heldCount, "new event")} held; Resume shows them.
          </p>
        ) : null}
        <LogSummary total={total} shownCount={shownCount} dropped={log.dropped} filter={filter} />
      </header>
      <EventLog entries={shown} label={`Events of ${title}`} emptyText={filter === "all" ? "No changes yet." : "No changes with this action."} />
    </section>
  );
}
