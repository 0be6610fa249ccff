"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Upload } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import { errorText } from "@/components/keys/error-text";
import type { ErrorText } from "@/lib/editor/error-text";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { previewImport, runImport } from "@/lib/transfer/client";
import type { ImportPreview, ImportReport } from "@/lib/transfer/plan";

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
    <Dialog open={open} onOpenChange={close} title={`Import into ${dirKey}`} description="Keys, values, directories and TTLs from an export file. A preview comes first; nothing is written until you choose Import." wide>
      <div className="space-y-4">
        {stage.kind === "pick" || stage.kind === "planning" ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={fileId} className="text-sm font-medium">
              Export file
            </label>
            <input id={fileId} type="file" accept="application/json,.json" disabled={stage.kind === "planning"} onChange={(e) => void pick(e.target.files?.[0])} className="text-sm" />
            {stage.kind === "planning" ? <p role="status">Reading {stage.fileName} and comparing it with {dirKey}…</p> : null}
          </div>
        ) : null}
        <ErrorNote error={error} />
        {stage.kind === "preview" ? <PreviewView stage={stage} onExisting={onExisting} setOnExisting={setOnExisting} onStart={() => void start(stage)} onBack={() => setStage({ kind: "pick" })} /> : null}
        {stage.kind === "running" ? (
          <div className="space-y-2">
            <label className="flex flex-col gap-1 text-sm">
              <span>
                Importing {stage.fileName}: {stage.done} of {stage.total}
              </span>
              <progress aria-label="Import progress" value={stage.done} max={Math.max(stage.total, 1)} className="w-full" />
            </label>
            <Button onClick={() => abort.current?.abort()}>Stop</Button>
            <p className="text-xs text-zinc-500">Stopping leaves what was written so far in place.</p>
          </div>
        ) : null}
        {stage.kind === "done" ? <ReportView stage={stage} onClose={() => close(false)} /> : null}
      </div>
    </Dialog>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  const { preview, fileName } = stage;
  const { counts } = preview;
  const rows: Row[] = [
    ...preview.change.map((e) => ({ key: e.key, what: "Change", note: "" })),
    ...preview.conflict.map((e) => ({ key: e.key, what: "Conflict", note: e.reason })),
    ...preview.create.map((e) => ({ key: e.key, what: e.dir ? "Create directory" : "Create", note: "" })),
  ];
  const writes = counts.create + (onExisting === "overwrite" ? counts.change : 0);
  return (
    <div className="space-y-3">
      <p className="text-sm">
        {fileName}: {plural(preview.total, "entry", "entries")}, compared with {preview.target} at etcd index {preview.etcdIndex}.
      </p>
      <dl aria-label="Import preview" className="grid grid-cols-4 gap-2 text-sm">
        <Count label="Create" value={counts.create} />
        <Count label="Change" value={counts.change} />
        <Count label="Unchanged" value={counts.unchanged} />
        <Count label="Conflicts" value={counts.conflict} />
      </dl>
      {rows.length > 0 ? <VirtualList label="Planned changes" rows={rows} /> : <p role="status">Nothing to change: etcd already holds everything in the file.</p>}
      {counts.conflict > 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">Conflicts (a key where the file has a directory, or the other way round) are never written.</p> : null}
      {counts.change > 0 ? (
        <fieldset className="space-y-1 text-sm">
          <legend className="font-medium">Keys that exist with another value</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="onExisting" value="skip" checked={onExisting === "skip"} onChange={() => setOnExisting("skip")} />
            Skip them (keep what etcd has)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="onExisting" value="overwrite" checked={onExisting === "overwrite"} onChange={() => setOnExisting("overwrite")} />
            Overwrite them (unless they change after this preview)
          </label>
        </fieldset>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onBack}>Choose another file</Button>
        <Button variant="primary" onClick={onStart} disabled={writes === 0}>
          <Upload aria-hidden size={14} /> Import
        </Button>
      </div>
    </div>
  );
}

function ReportView({ stage, onClose }: { stage: Extract<Stage, { kind: "done" }>; onClose: () => void }) {
  const { report, cancelled } = stage;
  const rows: Row[] = report.failed.map((f) => ({ key: f.key, what: "Failed", note: f.reason }));
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm font-medium">
        {cancelled
          ? `Import of ${stage.fileName} stopped. What was written before stays.`
          : report.stopped
            ? `Import of ${stage.fileName} stopped early: ${report.stopped}`
            : `Import of ${stage.fileName} finished${report.failed.length ? ` with ${plural(report.failed.length, "failure", "failures")}` : ""}.`}
      </p>
      {cancelled ? null : (
        <dl aria-label="Import report" className="grid grid-cols-3 gap-2 text-sm sm:grid-cols-6">
          <Count label="Created" value={report.created} />
          <Count label="Changed" value={report.changed} />
          <Count label="Skipped" value={report.skipped} />
          <Count label="Unchanged" value={report.unchanged} />
          <Count label="Failed" value={report.failed.length} />
          <Count label="Not attempted" value={report.notAttempted} />
        </dl>
      )}
      {rows.length > 0 ? <VirtualList label="Failures" rows={rows} /> : null}
      <div className="flex justify-end">
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </div>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md border border-zinc-200 px-2 py-1 dark:border-zinc-800">
      <dt className="text-xs text-zinc-500">{label}</dt>
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
    <div ref={scrollRef} role="list" tabIndex={0} aria-label={label} className="max-h-64 overflow-auto rounded-md border border-zinc-200 text-sm dark:border-zinc-800">
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
              <span className="w-32 shrink-0 text-zinc-500">{row.what}</span>
              <span className="truncate font-mono">{row.key}</span>
              {row.note ? <span className="truncate text-zinc-500">{row.note}</span> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
