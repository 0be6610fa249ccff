"use client";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { startProgress } from "@/lib/bulk-delete/progress";
import type { BulkDeleteItem } from "@/lib/bulk-delete/schema";
import { baseNameOf, parentOf } from "@/lib/key-path";
import { planDelete, type PlannedItem, type Selection } from "@/lib/tree/selection";
import { BulkDeleteRunView, KindIcon, useBulkDeleteRun } from "./bulk-delete-run";
import { VirtualList } from "./virtual-list";

export interface BulkDeleteDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  selection: Selection;
  /** After a run: the keys deleted (each selected key or directory that is gone). */
  onFinished: (deleted: readonly string[]) => void;
}

/**
 * "Delete selected…" (mount it to open it): lists what will be deleted (directories flagged: their whole subtree goes), asks for a
 * typed confirmation when a directory is among them, then streams the server's progress and ends with what
 * was not deleted and why.
 */
export function BulkDeleteDialog({ open, onOpenChange, cluster, selection, onFinished }: BulkDeleteDialogProps) {
  // Fixed when the dialog mounts (it is mounted to open): later changes to the selection do not change what
  // was confirmed.
  const t = useTranslations("keys.bulkDelete");
  const [plan] = useState(() => planDelete(selection));
  const [typed, setTyped] = useState("");
  const { phase, progress, error, run, stop } = useBulkDeleteRun(cluster, (state) => onFinished(state.deleted));

  const dirs = plan.items.filter((i) => i.dir);
  const sendable = plan.items.filter((i): i is PlannedItem & { modifiedIndex: number } => i.modifiedIndex !== undefined);
  const confirmWord = dirs.length === 1 ? baseNameOf(dirs[0]!.key) : t("confirmWord");
  const confirmed = dirs.length === 0 || typed === confirmWord;

  function close(next: boolean) {
    // While running, Stop first: the dialog then shows what happened to every key.
    if (next || phase !== "running") onOpenChange(next);
  }

  function start() {
    const state = startProgress(plan.items.length);
    for (const item of plan.items) {
      if (item.modifiedIndex === undefined) {
        state.finished++;
        state.notDeleted.push({ key: item.key, dir: item.dir, outcome: "not_attempted", message: t("noIndex") });
      }
    }
    const items: BulkDeleteItem[] = sendable.map((i) => ({ key: i.key, prevIndex: i.modifiedIndex, ...(i.dir ? { dir: true } : {}) }));
    void run(state, items, [...plan.items.map((i) => parentOf(i.key)), ...dirs.map((d) => d.key)]);
  }

  const current = progress.current;
  const status =
    phase === "running"
      ? t("running", { done: progress.finished, total: progress.total })
      : t("finished", { deleted: progress.deleted.length, total: progress.total, notDeleted: progress.notDeleted.length });
  return (
    <Dialog open={open} onOpenChange={close} title={t("title", { count: plan.items.length + plan.covered.length })}>
      {phase === "confirm" ? (
        <div className="space-y-3 text-sm">
          <p>
            {t("howKeys")}
          </p>
          {dirs.length ? (
            <p className="rounded-md border border-warning-line bg-warning-soft px-3 py-2 text-warning">
              {t("howDirs", { count: dirs.length })}
            </p>
          ) : null}
          <VirtualList
            label={t("toBeDeleted")}
            items={plan.items}
            nameOf={(item) => (item.dir ? t("dirName", { key: item.key }) : item.key)}
            render={(item) => (
              <>
                <KindIcon dir={item.dir} />
                <span className="min-w-0 flex-1 truncate whitespace-pre font-mono">{item.key}</span>
                {item.dir ? <span className="shrink-0 rounded bg-warning-soft px-1 text-[11px] text-warning">{t("dirBadge")}</span> : null}
              </>
            )}
          />
          {plan.covered.length ? <p className="text-muted">{t("covered", { count: plan.covered.length })}</p> : null}
          {dirs.length ? <Field label={t("typeToConfirm")} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" hint={t("typeHint", { word: confirmWord })} /> : null}
          <div className="flex justify-end gap-2 pt-1">
            <Button onClick={() => close(false)}>{t("cancel")}</Button>
            <Button variant="danger" disabled={!confirmed} onClick={start}>
              {t("submit", { count: plan.items.length })}
            </Button>
          </div>
        </div>
      ) : (
        <>
          {phase === "running" && current ? (
            <p className="mb-2 truncate whitespace-pre text-sm text-muted">{t("current", { key: current.key, deleted: current.deletedKeys, total: current.totalKeys })}</p>
          ) : null}
          <BulkDeleteRunView
            phase={phase}
            progress={progress}
            error={error}
            status={status}
            bar={{ label: t("progress"), value: progress.finished, max: progress.total }}
            onStop={stop}
            onDone={() => close(false)}
          />
        </>
      )}
    </Dialog>
  );
}
