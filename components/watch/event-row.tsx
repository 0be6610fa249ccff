import { Maximize2 } from "lucide-react";
import { memo } from "react";
import { useTranslations } from "use-intl";
import { useFormat } from "@/lib/i18n/format";
import type { LogEntry } from "@/lib/watch-page/log";
import { positionUnit, type LogAction } from "@/lib/watch-page/log-change";
import { ValueDiff } from "./value-diff";

const ACTION_TONES: Record<LogAction, string> = {
  put: "bg-info-soft text-info",
  set: "bg-info-soft text-info",
  create: "bg-success-soft text-success",
  update: "bg-info-soft text-info",
  compareAndSwap: "bg-info-soft text-info",
  delete: "bg-danger-soft text-danger",
  compareAndDelete: "bg-danger-soft text-danger",
  expire: "bg-warning-soft text-warning",
};

export interface EventRowProps {
  entry: LogEntry;
  onDetails: (entry: LogEntry) => void;
}

/** One log row, two lines: time, action, key, index (v2) or revision (v3); then the previous value beside the new one. */
export const EventRow = memo(function EventRow({ entry, onDetails }: EventRowProps) {
  const t = useTranslations("watch.row");
  const format = useFormat();
  const time = (
    <time dateTime={new Date(entry.receivedAt).toISOString()} className="shrink-0 font-mono text-xs text-muted">
      {format.clock(entry.receivedAt)}
    </time>
  );
  if (entry.kind === "resync") {
    return (
      <div className="flex h-full items-center gap-2 border-l-4 border-info-line bg-info-soft px-2 text-xs text-info">
        {time}
        <span className="line-clamp-2">
          {entry.keyspace === "v3"
            ? t("resync3", { reason: entry.reason === "compacted" ? "compacted" : "behind", revision: entry.position })
            : t("resync", { reason: entry.reason === "history-cleared" ? "historyCleared" : "behind", index: entry.position })}
        </span>
      </div>
    );
  }
  const { change } = entry;
  const unit = positionUnit(change);
  return (
    <div className="flex h-full items-center gap-2 px-2">
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 items-center gap-2">
          {time}
          <span className={`shrink-0 rounded px-1.5 text-xs font-medium ${ACTION_TONES[change.action]}`}>{change.action}</span>
          <span className="min-w-0 flex-1 truncate font-mono text-xs">{change.key}</span>
          <span className="shrink-0 font-mono text-xs text-muted">
            <span className="sr-only">{unit === "revision" ? t("revisionPrefix") : t("indexPrefix")}</span>
            <span aria-hidden>#</span>
            {change.position}
          </span>
        </div>
        <ValueDiff change={change.change} action={change.action} />
      </div>
      <button
        type="button"
        aria-label={unit === "revision" ? t("detailsRevision", { revision: change.position }) : t("details", { index: change.position })}
        title={t("detailsTitle")}
        onClick={() => onDetails(entry)}
        className="shrink-0 rounded p-1 text-muted hover:bg-hover hover:text-fg"
      >
        <Maximize2 aria-hidden size={14} />
      </button>
    </div>
  );
});
