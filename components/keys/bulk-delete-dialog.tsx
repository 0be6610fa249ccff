"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { startProgress } from "@/lib/bulk-delete/progress";
import type { BulkDeleteItem } from "@/lib/bulk-delete/schema";
import { baseNameOf, parentOf } from "@/lib/key-path";
import { formatCount } from "@/lib/tree/format";
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

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * "Delete selected…" (mount it to open it): lists what will be deleted (directories flagged: their whole subtree goes), asks for a
 * typed confirmation when a directory is among them, then streams the server's progress and ends with what
 * was not deleted and why.
 */
export function BulkDeleteDialog({ open, onOpenChange, cluster, selection, onFinished }: BulkDeleteDialogProps) {
  // Fixed when the dialog mounts (it is mounted to open): later changes to the selection do not change what
  // was confirmed.
  const [plan] = useState(() => planDelete(selection));
  const [typed, setTyped] = useState("");
  const { phase, progress, error, run, stop } = useBulkDeleteRun(cluster, (state) => onFinished(state.deleted));

  const dirs = plan.items.filter((i) => i.dir);
  const sendable = plan.items.filter((i): i is PlannedItem & { modifiedIndex: number } => i.modifiedIndex !== undefined);
  const confirmWord = dirs.length === 1 ? baseNameOf(dirs[0]!.key) : "delete";
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
        state.notDeleted.push({ key: item.key, dir: item.dir, outcome: "not_attempted", message: "The tree has no index for it yet: reload and select it again." });
      }
    }
    const items: BulkDeleteItem[] = sendable.map((i) => ({ key: i.key, prevIndex: i.modifiedIndex, ...(i.dir ? { dir: true } : {}) }));
    void run(state, items, [...plan.items.map((i) => parentOf(i.key)), ...dirs.map((d) => d.key)]);
  }

  const current = progress.current;
  const status =
    phase === "running"
      ? `Deleting… ${formatCount(progress.finished)} of ${formatCount(progress.total)} done.`
      : `Deleted ${formatCount(progress.deleted.length)} of ${formatCount(progress.total)}.${progress.notDeleted.length ? ` Not deleted: ${formatCount(progress.notDeleted.length)}.` : ""}`;
  return (
    <Dialog open={open} onOpenChange={close} title={`Delete ${plural(plan.items.length + plan.covered.length, "selected key", "selected keys")}?`}>
      {phase === "confirm" ? (
        <div className="space-y-3 text-sm">
          <p>
            {`Each key is deleted only if it is unchanged since the tree listed it (compare-and-delete on its index); a key changed meanwhile is kept and reported.`}
          </p>
          {dirs.length ? (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
              {`${plural(dirs.length, "directory is", "directories are")} deleted with everything in them. etcd v2 cannot compare-and-delete a directory, so the dashboard reads each subtree and deletes it key by key, each compared with the index just read, then the emptied directories: anything changed or added meanwhile is kept, with the directories that hold it. Not atomic: what was deleted before a failure stays deleted.`}
            </p>
          ) : null}
          <VirtualList
            label="To be deleted"
            items={plan.items}
            nameOf={(item) => (item.dir ? `${item.key} (directory and its subtree)` : item.key)}
            render={(item) => (
              <>
                <KindIcon dir={item.dir} />
                <span className="min-w-0 flex-1 truncate whitespace-pre font-mono">{item.key}</span>
                {item.dir ? <span className="shrink-0 rounded bg-amber-100 px-1 text-[11px] text-amber-900 dark:bg-amber-900 dark:text-amber-100">directory and its subtree</span> : null}
              </>
            )}
          />
          {plan.covered.length ? <p className="text-zinc-600 dark:text-zinc-400">{`${plural(plan.covered.length, "other selected key is", "other selected keys are")} inside a selected directory and go with it.`}</p> : null}
          {dirs.length ? <Field label="Type to confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" hint={`Type ${confirmWord}`} /> : null}
          <div className="flex justify-end gap-2 pt-1">
            <Button onClick={() => close(false)}>Cancel</Button>
            <Button variant="danger" disabled={!confirmed} onClick={start}>
              {`Delete ${plural(plan.items.length, "item", "items")}`}
            </Button>
          </div>
        </div>
      ) : (
        <>
          {phase === "running" && current ? (
            <p className="mb-2 truncate whitespace-pre text-sm text-zinc-600 dark:text-zinc-400">{`${current.key}: ${formatCount(current.deletedKeys)} of ${formatCount(current.totalKeys)} keys deleted`}</p>
          ) : null}
          <BulkDeleteRunView
            phase={phase}
            progress={progress}
            error={error}
            status={status}
            bar={{ label: "Bulk delete progress", value: progress.finished, max: progress.total }}
            onStop={stop}
            onDone={() => close(false)}
          />
        </>
      )}
    </Dialog>
  );
}
