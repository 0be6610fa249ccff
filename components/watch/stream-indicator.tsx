import { useTranslations } from "use-intl";
import type { WatchStream, WatchStreamState } from "@/lib/hooks/use-watch-stream";

const DOTS: Record<WatchStreamState, string> = {
  connecting: "bg-muted",
  live: "bg-success",
  reconnecting: "bg-warning animate-pulse",
  resyncing: "bg-info animate-pulse",
  failed: "bg-danger",
};

/**
 * The stream's state in words (role=status, so a change is announced), with the reason when there is one.
 * `label` is its accessible name (the Keys page's says "Live updates").
 */
export function StreamIndicator({ stream, label }: { stream: Pick<WatchStream, "state" | "message">; label?: string }) {
  const t = useTranslations("watch.stream");
  return (
    <p role="status" aria-label={label ?? t("label")} className="flex min-w-0 items-center gap-1.5 text-xs text-muted">
      <span aria-hidden className={`inline-block size-2 shrink-0 rounded-full ${DOTS[stream.state]}`} />
      <span className="font-medium text-fg">{t(`states.${stream.state}`)}</span>
      {stream.message ? <span className="truncate">{stream.message}</span> : null}
    </p>
  );
}
