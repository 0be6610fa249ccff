"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { File, Folder } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field } from "@/components/ui/field";
import { clusterPath } from "@/lib/api/fetcher";
import { fetchNdjson } from "@/lib/api/stream/ndjson";
import { applyLine, outcomeLabel, startProgress, type BulkDeleteProgress } from "@/lib/bulk-delete/progress";
import { MAX_BULK_DELETE_ITEMS, type BulkDeleteItem, type BulkDeleteItemResult, type BulkDeleteLine } from "@/lib/bulk-delete/schema";
import type { ErrorText } from "@/lib/editor/error-text";
import { useRevalidateKeys } from "@/lib/hooks/use-key";
import { baseNameOf, parentOf } from "@/lib/key-path";
import { formatCount } from "@/lib/tree/format";
import { planDelete, type PlannedItem, type Selection } from "@/lib/tree/selection";
import { errorText } from "./error-text";

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
  const [phase, setPhase] = useState<"confirm" | "running" | "done">("confirm");
  const [, setVersion] = useState(0);
  const progress = useRef<BulkDeleteProgress>(startProgress(0));
  const abort = useRef<AbortController | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const revalidate = useRevalidateKeys();

  const dirs = plan.items.filter((i) => i.dir);
  const sendable = plan.items.filter((i): i is PlannedItem & { modifiedIndex: number } => i.modifiedIndex !== undefined);
  const confirmWord = dirs.length === 1 ? baseNameOf(dirs[0]!.key) : "delete";
  const confirmed = dirs.length === 0 || typed === confirmWord;

  function close(next: boolean) {
    // While running, Stop first: the dialog then shows what happened to every key.
    if (next || phase !== "running") onOpenChange(next);
  }

  async function run() {
    const state = startProgress(plan.items.length);
    for (const item of plan.items) {
      if (item.modifiedIndex === undefined) {
        state.finished++;
        state.notDeleted.push({ key: item.key, dir: item.dir, outcome: "not_attempted", message: "The tree has no index for it yet: reload and select it again." });
      }
    }
    progress.current = state;
    setPhase("running");
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    let frame = 0;
    const repaint = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    try {
      // The server takes MAX_BULK_DELETE_ITEMS per request: a bigger selection goes in several, in turn.
      for (let start = 0; start < sendable.length; start += MAX_BULK_DELETE_ITEMS) {
        const items: BulkDeleteItem[] = sendable.slice(start, start + MAX_BULK_DELETE_ITEMS).map((i) => ({ key: i.key, prevIndex: i.modifiedIndex, ...(i.dir ? { dir: true } : {}) }));
        await fetchNdjson(
          clusterPath(cluster, "bulk-delete"),
          { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ items }), signal: controller.signal },
          (line) => {
            applyLine(state, line as BulkDeleteLine);
            repaint();
          },
        );
      }
    } catch (caught) {
      setError(controller.signal.aborted ? { message: "Stopped. What was deleted before stays deleted; the rest was left alone." } : errorText(caught, "delete"));
    } finally {
      abort.current = null;
      setPhase("done");
      setVersion((v) => v + 1);
      // The live watch removes the rows; re-reading the listings makes sure of it (and of a missed event).
      const touched = new Set([...plan.items.map((i) => parentOf(i.key)), ...dirs.map((d) => d.key)]);
      void revalidate(cluster, ...touched);
      onFinished(state.deleted);
    }
  }

  const current = progress.current;
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
                {item.dir ? <Folder aria-hidden size={14} className="shrink-0 text-amber-600" /> : <File aria-hidden size={14} className="shrink-0 text-zinc-500" />}
                <span className="min-w-0 flex-1 truncate whitespace-pre font-mono">{item.key}</span>
                {item.dir ? <span className="shrink-0 rounded bg-amber-100 px-1 text-[11px] text-amber-900 dark:bg-amber-900 dark:text-amber-100">directory and its subtree</span> : null}
              </>
            )}
          />
          {plan.covered.length ? <p className="text-zinc-600 dark:text-zinc-400">{`${plural(plan.covered.length, "other selected key is", "other selected keys are")} inside a selected directory and go with it.`}</p> : null}
          {dirs.length ? <Field label="Type to confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" hint={`Type ${confirmWord}`} /> : null}
          <div className="flex justify-end gap-2 pt-1">
            <Button onClick={() => close(false)}>Cancel</Button>
            <Button variant="danger" disabled={!confirmed} onClick={() => void run()}>
              {`Delete ${plural(plan.items.length, "item", "items")}`}
            </Button>
          </div>
        </div>
      ) : (
        <div className="space-y-3 text-sm">
          <div role="status" aria-live="polite">
            {phase === "running"
              ? `Deleting… ${formatCount(current.finished)} of ${formatCount(current.total)} done.`
              : `Deleted ${formatCount(current.deleted.length)} of ${formatCount(current.total)}.${current.notDeleted.length ? ` Not deleted: ${formatCount(current.notDeleted.length)}.` : ""}`}
          </div>
          <progress aria-label="Bulk delete progress" className="h-2 w-full" max={Math.max(current.total, 1)} value={current.finished} />
          {phase === "running" && current.current ? (
            <p className="truncate whitespace-pre text-zinc-600 dark:text-zinc-400">{`${current.current.key}: ${formatCount(current.current.deletedKeys)} of ${formatCount(current.current.totalKeys)} keys deleted`}</p>
          ) : null}
          <ErrorNote error={error} />
          {phase === "done" && current.notDeleted.length ? (
            <VirtualList
              label="Not deleted"
              items={current.notDeleted}
              tall
              nameOf={(result) => `${result.key}: ${outcomeLabel(result)}${result.message ? `. ${result.message}` : ""}`}
              render={(result) => <NotDeletedRow result={result} />}
            />
          ) : null}
          <div className="flex justify-end gap-2 pt-1">
            {phase === "running" ? <Button onClick={() => abort.current?.abort()}>Stop</Button> : <Button onClick={() => close(false)}>Done</Button>}
          </div>
        </div>
      )}
    </Dialog>
  );
}

function NotDeletedRow({ result }: { result: BulkDeleteItemResult }) {
  return (
    <>
      {result.dir ? <Folder aria-hidden size={14} className="shrink-0 text-amber-600" /> : <File aria-hidden size={14} className="shrink-0 text-zinc-500" />}
      <span className="min-w-0 flex-1 truncate whitespace-pre font-mono" title={result.key}>
        {result.key}
      </span>
      <span className="shrink-0 rounded bg-red-100 px-1 text-[11px] text-red-900 dark:bg-red-950 dark:text-red-100" title={result.message}>
        {outcomeLabel(result)}
      </span>
    </>
  );
}

const ROW = 26;

/** A list that renders only the rows in view (a selection can be 100,000 keys long). */
function VirtualList<T extends { key: string }>({ label, items, render, nameOf, tall }: { label: string; items: readonly T[]; render: (item: T) => ReactNode; nameOf: (item: T) => string; tall?: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 8 });
  const height = Math.min(items.length * ROW, tall ? 320 : 208);
  return (
    <div ref={scrollRef} role="list" aria-label={label} style={{ height }} className="overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index]!;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-label={nameOf(item)}
              style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${row.start}px)` }}
              className="flex items-center gap-2 px-2"
            >
              {render(item)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
