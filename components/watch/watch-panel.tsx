"use client";
import { Download, Eraser, Pause, Play, X } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { useWatchLog } from "@/lib/hooks/use-watch-log";
import { useFormat } from "@/lib/i18n/format";
import { buildExport, exportFileName } from "@/lib/watch-page/export";
import { countEvents, filterEntries, MAX_KEPT_ENTRIES, type ActionFilter } from "@/lib/watch-page/log";
import { V3_ACTIONS, type LogAction } from "@/lib/watch-page/log-change";
import { panelTitleParts, type PanelSpec } from "@/lib/watch-page/panels";
import { WATCH_ACTIONS } from "@/lib/watch/protocol";
import { downloadJson } from "@/lib/download";
import { EventLog } from "./event-log";
import { StreamIndicator } from "./stream-indicator";

export interface WatchPanelProps {
  cluster: string;
  spec: PanelSpec;
  onRemove: () => void;
}

/** "12 events", "Showing 3 of 12 events", and what the cap let go, in plain words. */
function LogSummary({ total, shownCount, dropped, filter }: { total: number; shownCount: number; dropped: number; filter: ActionFilter }) {
  const t = useTranslations("watch.panel");
  const format = useFormat();
  return (
    <p className="text-xs text-muted">
      {filter === "all" ? t("events", { count: total }) : t("showing", { shown: shownCount, count: total })}
      {dropped > 0 ? t("letGo", { dropped, kept: format.number(MAX_KEPT_ENTRIES) }) : ""}
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
  const t = useTranslations("watch.panel");
  const parts = panelTitleParts(spec);
  // v3's whole keyspace has the empty key: said in words rather than shown as nothing.
  const keyText = parts.key === "" ? t("everyKey") : parts.key;
  const title = t("name", { ...parts, key: keyText });
  const actions: readonly LogAction[] = spec.keyspace === "v3" ? V3_ACTIONS : WATCH_ACTIONS;
  const PauseIcon = log.paused ? Play : Pause;

  const exportJson = () => {
    const now = new Date();
    // Everything kept, including what a pause holds back, under the current filter.
    const entries = filterEntries(log.entries.concat(log.held), filter);
    downloadJson(exportFileName(cluster, spec.key, now), buildExport({ cluster, spec, filter, entries, dropped: log.dropped, now }));
  };

  return (
    <section aria-label={t("region", { title })} className="flex min-w-0 flex-col rounded-lg border border-line">
      <header className="flex flex-col gap-2 p-3">
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 className="truncate font-mono text-sm font-semibold" title={keyText}>
              {keyText}
            </h2>
            <p className="text-xs text-muted">{t("scope", parts)}</p>
          </div>
          <button
            type="button"
            aria-label={t("remove")}
            title={t("remove")}
            onClick={onRemove}
            className="shrink-0 rounded p-1 text-muted hover:bg-hover hover:text-fg"
          >
            <X aria-hidden size={16} />
          </button>
        </div>
        <StreamIndicator stream={stream} />
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={log.paused ? resume : pause}>
            <PauseIcon aria-hidden size={14} />
            {log.paused ? t("resume") : t("pause")}
          </Button>
          <Button onClick={clear}>
            <Eraser aria-hidden size={14} />
            {t("clear")}
          </Button>
          <Button onClick={exportJson}>
            <Download aria-hidden size={14} />
            {t("exportJson")}
          </Button>
          <select
            aria-label={t("filter")}
            value={filter}
            onChange={(e) => setFilter(e.target.value as ActionFilter)}
            className="rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm"
          >
            <option value="all">{t("allActions")}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        {log.paused ? (
          <p role="status" aria-label={t("paused")} className="rounded-md bg-warning-soft px-2 py-1 text-xs text-warning">
            {t("pausedText", { count: heldCount })}
          </p>
        ) : null}
        <LogSummary total={total} shownCount={shownCount} dropped={log.dropped} filter={filter} />
      </header>
      <EventLog entries={shown} label={t("list", { title })} emptyText={filter === "all" ? t("noChanges") : t("noChangesWithAction")} />
    </section>
  );
}
