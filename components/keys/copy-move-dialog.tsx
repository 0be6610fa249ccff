"use client";
import { Copy, MoveRight } from "lucide-react";
import { useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field } from "@/components/ui/field";
import { copyMove } from "@/lib/api/copy-move-client";
import { ApiError } from "@/lib/api/errors";
import { copyMoveBodySchema } from "@/lib/copy-move/plan";
import type { CopyMoveLine, CopyMoveReport } from "@/lib/copy-move/protocol";
import { isComplete, summaryArguments, suggestedDestination } from "@/lib/copy-move/report";
import type { ErrorText } from "@/lib/editor/error-text";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import { baseNameOf } from "@/lib/key-path";
import { useCopyMoveWords } from "./use-copy-move-words";

export type CopyMoveMode = "copy" | "move";
type Problem = Extract<CopyMoveLine, { type: "problem" }>;

/** Problems listed in the dialog; the count says how many more there were. */
const LISTED_PROBLEMS = 200;

export interface CopyMoveDialogProps {
  cluster: string;
  /** The key or directory to copy or move. */
  from: string;
  mode: CopyMoveMode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called when the dialog closes after a move that copied everything: select the new path. */
  onMoved?: (to: string) => void;
}

interface Progress {
  phase: "copy" | "delete";
  done: number;
  total: number;
}

/**
 * Copy or move a key or directory to another path, with the warning that etcd v2 cannot do it
 * atomically, progress while it runs, and the report.
 */
export function CopyMoveDialog({ cluster, from, mode, open, onOpenChange, onMoved }: CopyMoveDialogProps) {
  const afterWrite = useAfterWrite();
  const words = useCopyMoveWords();
  const validation = useValidationText();
  const [to, setTo] = useState(() => suggestedDestination(from, mode));
  const [toError, setToError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [problemCount, setProblemCount] = useState(0);
  const [report, setReport] = useState<CopyMoveReport | null>(null);
  const [stoppedByYou, setStoppedByYou] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const t = useTranslations("keys.copyMove");
  const verb = t("verb", { mode });

  function reset() {
    setTo(suggestedDestination(from, mode));
    setToError(null);
    setError(null);
    setProgress(null);
    setProblems([]);
    setProblemCount(0);
    setReport(null);
    setStoppedByYou(false);
  }

  function close(next: boolean) {
    if (next) return onOpenChange(true);
    if (running) return; // Stop first: closing must not hide a write that is still going on.
    const movedTo = mode === "move" && report?.deletedSource ? report.to : null;
    reset();
    onOpenChange(false);
    if (movedTo) onMoved?.(movedTo);
  }

  async function start() {
    const parsed = copyMoveBodySchema.safeParse({ from, to: to.trim(), move: mode === "move" });
    if (!parsed.success) {
      setToError(parsed.error.issues.map(validation.issue).join("; "));
      return;
    }
    setToError(null);
    setError(null);
    setRunning(true);
    const controller = new AbortController();
    abort.current = controller;
    const found: Problem[] = [];
    let count = 0;
    try {
      await copyMove(cluster, parsed.data, controller.signal, (line) => {
        if (line.type === "start") setProgress({ phase: "copy", done: 0, total: line.total });
        else if (line.type === "progress") setProgress({ phase: line.phase, done: line.done, total: line.total });
        else if (line.type === "problem") {
          count++;
          if (found.length < LISTED_PROBLEMS) found.push(line);
          setProblems([...found]);
          setProblemCount(count);
        } else if (line.type === "done") setReport(line.report);
      });
    } catch (caught) {
      if (controller.signal.aborted) setStoppedByYou(true);
      else if (caught instanceof ApiError) setError({ message: caught.message, etcdCode: caught.body.etcdCode });
      else setError({ message: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      abort.current = null;
      setRunning(false);
      void afterWrite(cluster, from, parsed.data.to);
    }
  }

  const started = progress !== null || report !== null || stoppedByYou;
  const phaseText = progress?.phase === "delete" ? t("deletingSource") : t("copying");
  return (
    <Dialog open={open} onOpenChange={close} title={t("title", { mode, name: baseNameOf(from) })} description={t("description", { mode, from })}>
      <div className="space-y-3">
        <div role="note" aria-label={t("notAtomic")} className="rounded-md border border-warning-line bg-warning-soft px-3 py-2 text-sm text-warning">
          <p>{t("notAtomicText", { mode })}</p>
          <p className="mt-1">{t("safety", { mode })}</p>
        </div>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!running && !started) void start();
          }}
        >
          <Field label={t("destination")} value={to} onChange={(e) => setTo(e.target.value)} error={toError} disabled={running || started} autoFocus autoComplete="off" hint={t("destinationHint")} />
          <ErrorNote error={error} />
          {progress ? (
            <div className="space-y-1">
              <progress aria-label={t("progressBar", { mode })} value={progress.done} max={Math.max(progress.total, 1)} className="w-full" />
              <p role="status" aria-label={t("progress")} className="text-sm">
                {t("progressText", { phase: phaseText, done: progress.done, total: progress.total })}
                {running ? "…" : ""}
              </p>
            </div>
          ) : null}
          {stoppedByYou ? (
            <p role="alert" className="text-sm">
              {t("stopped", { sourceKept: mode === "move" && progress?.phase !== "delete" ? "yes" : "no" })}
            </p>
          ) : null}
          {report ? (
            <p role="status" aria-label={t("report")} className={`text-sm ${isComplete(report) ? "" : "text-warning"}`}>
              {t("summary", summaryArguments(report))}
              {report.stop ? ` ${words.stop(report.stop)}` : report.stopped ? ` ${report.stopped}` : ""}
            </p>
          ) : null}
          {problems.length > 0 ? (
            <div>
              <p className="text-sm font-medium">{t("notDone", { count: problemCount })}</p>
              <ul aria-label={t("problems")} className="mt-1 max-h-48 overflow-auto rounded-md border border-line text-xs">
                {problems.map((p, i) => (
                  <li key={i} className="border-b border-line px-2 py-1 last:border-b-0">
                    <span className="font-mono">{p.key}</span>: {words.problem(p)}
                  </li>
                ))}
              </ul>
              {problemCount > problems.length ? <p className="text-xs text-muted">{t("more", { count: problemCount - problems.length })}</p> : null}
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            {running ? (
              <Button onClick={() => abort.current?.abort()}>{t("stop")}</Button>
            ) : started ? (
              <Button variant="primary" onClick={() => close(false)}>
                {mode === "move" && report?.deletedSource ? t("closeAndOpen", { name: baseNameOf(report.to) }) : t("close")}
              </Button>
            ) : (
              <>
                <Button onClick={() => close(false)}>{t("cancel")}</Button>
                <Button type="submit" variant="primary">
                  {mode === "copy" ? <Copy aria-hidden size={14} /> : <MoveRight aria-hidden size={14} />} {verb}
                </Button>
              </>
            )}
          </div>
        </form>
      </div>
    </Dialog>
  );
}
