"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Upload } from "lucide-react";
import { useId, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import { errorText } from "@/components/keys/error-text";
import type { ErrorText } from "@/lib/editor/error-text";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { previewImport, runImport } from "@/lib/transfer/client";
import type { ImportPreview, ImportReport } from "@/lib/transfer/plan";
import { useImportWords } from "./use-import-words";

export interface ImportDialogProps {
  cluster: string;
  /** The directory the file is imported into (created by the import when it does not exist). */
  dirKey: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

type Stage =
  | { kind: "pick" }
  | { kind: "planning"; fileName: string }
  | { kind: "preview"; fileName: string; text: string; preview: ImportPreview }
  | { kind: "running"; fileName: string; done: number; total: number }
  | { kind: "done"; fileName: string; report: ImportReport; cancelled?: boolean };

/**
 * Import an export file into a directory: pick the file, see the dry run's plan (what would be created,
 * changed, left alone, and conflicts), choose skip or overwrite, then the import with its progress and a
 * report of what failed. Editors only (the server checks it too).
 */
export function ImportDialog({ cluster, dirKey, open, onOpenChange }: ImportDialogProps) {
  const t = useTranslations("transfer.import");
  const [stage, setStage] = useState<Stage>({ kind: "pick" });
  const [onExisting, setOnExisting] = useState<"skip" | "overwrite">("skip");
  const [error, setError] = useState<ErrorText | null>(null);
  const abort = useRef<AbortController | null>(null);
  const afterWrite = useAfterWrite();
  const fileId = useId();

  function close(next: boolean) {
    if (next) return onOpenChange(true);
    abort.current?.abort();
    abort.current = null;
    setStage({ kind: "pick" });
    setError(null);
    setOnExisting("skip");
    onOpenChange(false);
  }

  async function pick(file: File | undefined) {
    if (!file) return;
    setError(null);
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setStage({ kind: "planning", fileName: file.name });
    try {
      const text = await file.text();
      const preview = await previewImport(cluster, dirKey, text, controller.signal);
      if (!controller.signal.aborted) setStage({ kind: "preview", fileName: file.name, text, preview });
    } catch (caught) {
      if (controller.signal.aborted) return;
      setError(errorText(caught, "load", dirKey));
      setStage({ kind: "pick" });
    }
  }

  async function start(current: Extract<Stage, { kind: "preview" }>) {
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    const { fileName, text, preview } = current;
    setStage({ kind: "running", fileName, done: 0, total: preview.total });
    try {
      const report = await runImport(cluster, dirKey, text, { onExisting, since: preview.etcdIndex, signal: controller.signal }, (done, total) =>
        setStage((s) => (s.kind === "running" ? { ...s, done, total } : s)),
      );
      setStage({ kind: "done", fileName, report });
    } catch (caught) {
      if (controller.signal.aborted) {
        setStage({ kind: "done", fileName, cancelled: true, report: { target: dirKey, total: preview.total, created: 0, changed: 0, skipped: 0, unchanged: 0, failed: [], notAttempted: preview.total } });
      } else {
        setError(errorText(caught, "load", dirKey));
        setStage(current);
      }
    } finally {
      abort.current = null;
      void afterWrite(cluster, dirKey);
    }
  }

  return (
    <Dialog open={open} onOpenChange={close} title={t("title", { dir: dirKey })} description={t("description")} wide>
      <div className="space-y-4">
        {stage.kind === "pick" || stage.kind === "planning" ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={fileId} className="text-sm font-medium">
              {t("file")}
            </label>
            <input id={fileId} type="file" accept="application/json,.json" disabled={stage.kind === "planning"} onChange={(e) => void pick(e.target.files?.[0])} className="text-sm" />
            {stage.kind === "planning" ? <p role="status">{t("planning", { file: stage.fileName, dir: dirKey })}</p> : null}
          </div>
        ) : null}
        <ErrorNote error={error} />
        {stage.kind === "preview" ? <PreviewView stage={stage} onExisting={onExisting} setOnExisting={setOnExisting} onStart={() => void start(stage)} onBack={() => setStage({ kind: "pick" })} /> : null}
        {stage.kind === "running" ? (
          <div className="space-y-2">
            <label className="flex flex-col gap-1 text-sm">
              <span>{t("running", { file: stage.fileName, done: stage.done, total: stage.total })}</span>
              <progress aria-label={t("progress")} value={stage.done} max={Math.max(stage.total, 1)} className="w-full" />
            </label>
            <Button onClick={() => abort.current?.abort()}>{t("stop")}</Button>
            <p className="text-xs text-muted">{t("stopHint")}</p>
          </div>
        ) : null}
        {stage.kind === "done" ? <ReportView stage={stage} onClose={() => close(false)} /> : null}
      </div>
    </Dialog>
  );
}

function PreviewView({
  stage,
  onExisting,
  setOnExisting,
  onStart,
  onBack,
}: {
  stage: Extract<Stage, { kind: "preview" }>;
  onExisting: "skip" | "overwrite";
  setOnExisting: (value: "skip" | "overwrite") => void;
  onStart: () => void;
  onBack: () => void;
}) {
  const t = useTranslations("transfer.import");
  const words = useImportWords();
  const { preview, fileName } = stage;
  const { counts } = preview;
  const rows: Row[] = [
    ...preview.change.map((e) => ({ key: e.key, what: t("rows.change"), note: "" })),
    ...preview.conflict.map((e) => ({ key: e.key, what: t("rows.conflict"), note: words.conflict(e) })),
    ...preview.create.map((e) => ({ key: e.key, what: e.dir ? t("rows.createDirectory") : t("rows.create"), note: "" })),
  ];
  const writes = counts.create + (onExisting === "overwrite" ? counts.change : 0);
  return (
    <div className="space-y-3">
      <p className="text-sm">
        {t("compared", { file: fileName, count: preview.total, target: preview.target, index: preview.etcdIndex })}
      </p>
      <dl aria-label={t("preview")} className="grid grid-cols-4 gap-2 text-sm">
        <Count label={t("counts.create")} value={counts.create} />
        <Count label={t("counts.change")} value={counts.change} />
        <Count label={t("counts.unchanged")} value={counts.unchanged} />
        <Count label={t("counts.conflicts")} value={counts.conflict} />
      </dl>
      {rows.length > 0 ? <VirtualList label={t("planned")} rows={rows} /> : <p role="status">{t("nothingToChange")}</p>}
      {counts.conflict > 0 ? <p className="text-sm text-muted">{t("conflictsHint")}</p> : null}
      {counts.change > 0 ? (
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">{t("existing")}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="onExisting" value="skip" checked={onExisting === "skip"} onChange={() => setOnExisting("skip")} />
            {t("skip")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="onExisting" value="overwrite" checked={onExisting === "overwrite"} onChange={() => setOnExisting("overwrite")} />
            {t("overwrite")}
          </label>
        </fieldset>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onBack}>{t("another")}</Button>
        <Button variant="primary" onClick={onStart} disabled={writes === 0}>
          <Upload aria-hidden size={14} /> {t("start")}
        </Button>
      </div>
    </div>
  );
}

function ReportView({ stage, onClose }: { stage: Extract<Stage, { kind: "done" }>; onClose: () => void }) {
  const t = useTranslations("transfer.import");
  const { report, cancelled } = stage;
  const words = useImportWords();
  const rows: Row[] = report.failed.map((f) => ({ key: f.key, what: t("rows.failed"), note: words.failure(f) }));
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm font-medium">
        {cancelled
          ? t("cancelled", { file: stage.fileName })
          : report.stopped
            ? t("stoppedEarly", { file: stage.fileName, reason: words.stopped(report) })
            : t("finished", { file: stage.fileName, failures: report.failed.length })}
      </p>
      {cancelled ? null : (
        <dl aria-label={t("report")} className="grid grid-cols-3 gap-2 text-sm sm:grid-cols-6">
          <Count label={t("counts.created")} value={report.created} />
          <Count label={t("counts.changed")} value={report.changed} />
          <Count label={t("counts.skipped")} value={report.skipped} />
          <Count label={t("counts.unchanged")} value={report.unchanged} />
          <Count label={t("counts.failed")} value={report.failed.length} />
          <Count label={t("counts.notAttempted")} value={report.notAttempted} />
        </dl>
      )}
      {rows.length > 0 ? <VirtualList label={t("failures")} rows={rows} /> : null}
      <div className="flex justify-end">
        <Button variant="primary" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
    </div>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md border border-line px-2 py-1">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-mono">{value}</dd>
    </div>
  );
}

interface Row {
  key: string;
  what: string;
  note: string;
}

const ROW_HEIGHT = 28;

/** A list that stays fast with 100,000 rows: only the visible ones are in the DOM. */
function VirtualList({ label, rows }: { label: string; rows: Row[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  return (
    <div ref={scrollRef} role="list" tabIndex={0} aria-label={label} className="max-h-64 overflow-auto rounded-md border border-line text-sm">
      <div role="presentation" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className="absolute left-0 top-0 flex w-full items-center gap-2 truncate px-2"
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              <span className="w-32 shrink-0 text-muted">{row.what}</span>
              <span className="truncate font-mono">{row.key}</span>
              {row.note ? <span className="truncate text-muted">{row.note}</span> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
