"use client";
// The running part of a delete through POST …/bulk-delete, shared by "Delete selected…" and a directory's
// Delete dialog: the request (in pieces of MAX_BULK_DELETE_ITEMS), Stop, and the progress and report view.
import { File, Folder } from "lucide-react";
import { useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/field";
import { clusterPath } from "@/lib/api/fetcher";
import { fetchNdjson } from "@/lib/api/stream/ndjson";
import { applyLine, outcomeCode, startProgress, type BulkDeleteProgress } from "@/lib/bulk-delete/progress";
import { MAX_BULK_DELETE_ITEMS, type BulkDeleteItem, type BulkDeleteItemResult, type BulkDeleteLine } from "@/lib/bulk-delete/schema";
import type { ErrorText } from "@/lib/editor/error-text";
import { useRevalidateKeys } from "@/lib/hooks/use-key";
import { errorText } from "./error-text";
import { VirtualList } from "./virtual-list";

export type BulkDeletePhase = "confirm" | "running" | "done";

/**
 * Runs bulk deletes and keeps their progress. `run` takes a progress already started (the caller may have
 * counted items it could not send) and the listings to re-read afterwards.
 */
export function useBulkDeleteRun(cluster: string, onFinished: (progress: BulkDeleteProgress) => void) {
  const t = useTranslations("keys.bulkRun");
  const [phase, setPhase] = useState<BulkDeletePhase>("confirm");
  const [, setVersion] = useState(0);
  const progress = useRef<BulkDeleteProgress>(startProgress(0));
  const abort = useRef<AbortController | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const revalidate = useRevalidateKeys();

  async function run(state: BulkDeleteProgress, items: readonly BulkDeleteItem[], touched: readonly string[]) {
    progress.current = state;
    setPhase("running");
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    const repaint = frameRepaint(() => setVersion((v) => v + 1));
    try {
      // The server takes MAX_BULK_DELETE_ITEMS per request: a bigger selection goes in several, in turn.
      for (let start = 0; start < items.length; start += MAX_BULK_DELETE_ITEMS) {
        const body = JSON.stringify({ items: items.slice(start, start + MAX_BULK_DELETE_ITEMS) });
        await fetchNdjson(clusterPath(cluster, "bulk-delete"), { method: "POST", headers: { "content-type": "application/json" }, body, signal: controller.signal }, (line) => {
          applyLine(state, line as BulkDeleteLine);
          repaint();
        });
      }
    } catch (caught) {
      setError(controller.signal.aborted ? { message: t("stopped") } : errorText(caught, "delete"));
    } finally {
      abort.current = null;
      setPhase("done");
      setVersion((v) => v + 1);
      // The live watch removes the rows; re-reading the listings makes sure of it (and of a missed event).
      void revalidate(cluster, ...new Set(touched));
      onFinished(state);
    }
  }

  return { phase, progress: progress.current, error, run, stop: () => abort.current?.abort() };
}

/** A repaint at most once an animation frame: a run streams a line per key, which must not render per key. */
export function frameRepaint(render: () => void): () => void {
  let frame = 0;
  return () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  };
}

export interface BulkDeleteRunViewProps {
  phase: BulkDeletePhase;
  progress: BulkDeleteProgress;
  error: ErrorText | null;
  /** One sentence on where the run is, or how it ended. */
  status: string;
  bar: { label: string; value: number; max: number };
  onStop: () => void;
  onDone: () => void;
}

/** Progress while running (with Stop), then what was not deleted and why (with Done). */
export function BulkDeleteRunView({ phase, progress, error, status, bar, onStop, onDone }: BulkDeleteRunViewProps) {
  const t = useTranslations("keys.bulkRun");
  const outcome = useTranslations("reports.bulkDelete");
  return (
    <div className="space-y-3 text-sm">
      <div role="status" aria-live="polite">
        {status}
      </div>
      <progress aria-label={bar.label} className="h-2 w-full" max={Math.max(bar.max, 1)} value={bar.value} />
      <ErrorNote error={error} />
      {phase === "done" && progress.notDeleted.length ? (
        <VirtualList
          label={t("notDeleted")}
          items={progress.notDeleted}
          tall
          nameOf={(result) => `${result.key}: ${outcome(outcomeCode(result))}`}
          render={(result) => <NotDeletedRow result={result} />}
        />
      ) : null}
      <div className="flex justify-end gap-2 pt-1">
        {phase === "running" ? <Button onClick={onStop}>{t("stop")}</Button> : <Button onClick={onDone}>{t("done")}</Button>}
      </div>
    </div>
  );
}

function NotDeletedRow({ result }: { result: BulkDeleteItemResult }) {
  const outcome = useTranslations("reports.bulkDelete");
  // The label words the outcome; only a plain failure has no code beyond the server's (English) message.
  const detail = result.outcome === "failed" && !result.outcomeUnknown ? result.message : undefined;
  return (
    <>
      <KindIcon dir={result.dir} />
      <span className="min-w-0 flex-1 truncate whitespace-pre font-mono" title={result.key}>
        {result.key}
      </span>
      <span className="shrink-0 rounded bg-danger-soft px-1 text-[11px] text-danger" title={detail}>
        {outcome(outcomeCode(result))}
      </span>
    </>
  );
}

export function KindIcon({ dir }: { dir: boolean }) {
  return dir ? <Folder aria-hidden size={14} className="shrink-0 text-warning" /> : <File aria-hidden size={14} className="shrink-0 text-muted" />;
}
