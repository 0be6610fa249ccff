import { Maximize2 } from "lucide-react";
import { memo } from "react";
import { useTranslations } from "use-intl";
import { useFormat } from "@/lib/i18n/format";
import type { LogEntry } from "@/lib/watch-page/log";
import { valueChange } from "@/lib/watch-page/value-change";
import type { WatchAction } from "@/lib/watch/protocol";
import { ValueDiff } from "./value-diff";

const ACTION_TONES: Record<WatchAction, string> = {
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

/** One log row, two lines: time, action, key, index; then the previous value beside the new one. */
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
        <span className="line-clamp-2">{t("resync", { reason: entry.reason === "history-cleared" ? "historyCleared" : "behind", index: entry.etcdIndex })}</span>
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
          <span className="shrink-0 font-mono text-xs text-muted">
            <span className="sr-only">{t("indexPrefix")}</span>
            <span aria-hidden>#</span>
            {event.index}
          </span>
        </div>
        <ValueDiff change={valueChange(event)} action={event.action} />
      </div>
      <button
        type="button"
        aria-label={t("details", { index: event.index })}
        title={t("detailsTitle")}
        onClick={() => onDetails(entry)}
        className="shrink-0 rounded p-1 text-muted hover:bg-hover hover:text-fg"
      >
        <Maximize2 aria-hidden size={14} />
      </button>
    </div>
  );
});
