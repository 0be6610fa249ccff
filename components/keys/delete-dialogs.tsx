"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field } from "@/components/ui/field";
import { deleteKey, getKey } from "@/lib/api/keys-client";
import { startProgress, type BulkDeleteProgress } from "@/lib/bulk-delete/progress";
import type { ErrorText } from "@/lib/editor/error-text";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { baseNameOf, parentOf } from "@/lib/key-path";
import { countTree } from "@/lib/tree/count";
import { BulkDeleteRunView, useBulkDeleteRun, type BulkDeletePhase } from "./bulk-delete-run";
import { errorText, isApiError } from "./error-text";

export interface DeleteKeyDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  node: V2Node;
  onDeleted: () => void;
  onUnknownOutcome: () => void;
}

/** Compare-and-delete on the loaded modifiedIndex: a key changed behind the panel is not deleted. */
export function DeleteKeyDialog({ open, onOpenChange, cluster, node, onDeleted, onUnknownOutcome }: DeleteKeyDialogProps) {
  const t = useTranslations("keys.delete");
  const afterWrite = useAfterWrite();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await deleteKey(cluster, node.key, { prevIndex: node.modifiedIndex });
      toast.success(t("deleted", { key: node.key }));
      onOpenChange(false);
      void afterWrite(cluster, node.key);
      onDeleted();
    } catch (caught) {
      setError(errorText(caught, "delete", node.key));
      if (isApiError(caught) && caught.outcomeUnknown) onUnknownOutcome();
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setError(null);
        onOpenChange(next);
      }}
      title={t("keyTitle", { name: baseNameOf(node.key) })}
      description={t("keyDescription", { key: node.key, index: node.modifiedIndex ?? "?" })}
    >
      <ErrorNote error={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => onOpenChange(false)}>{t("cancel")}</Button>
        <Button variant="danger" onClick={() => void confirm()} disabled={busy}>
          {t("delete")}
        </Button>
      </div>
    </Dialog>
  );
}

export interface DeleteDirectoryDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  dir: string;
  onDeleted: () => void;
}

/**
 * Deleting a directory: says how much it holds (a non-empty one needs its name typed), then deletes what
 * that count saw through the bulk delete (lib/subtree: key by key, compare-and-delete, never recursive),
 * with progress and Stop. Anything written into it after the count, or changed since, is kept and listed.
 */
export function DeleteDirectoryDialog(props: DeleteDirectoryDialogProps) {
  // Mounted while open, so each opening counts afresh and starts at the confirmation.
  return props.open ? <DeleteDirectoryFlow {...props} /> : null;
}

interface DirectoryRead {
  count: { keys: number; dirs: number };
  /** The directory's index (another directory of the same name is kept) and the read's etcd index (what the user saw). */
  modifiedIndex: number;
  etcdIndex: number;
}

function DeleteDirectoryFlow({ open, onOpenChange, cluster, dir, onDeleted }: DeleteDirectoryDialogProps) {
  const t = useTranslations("keys.delete");
  const name = baseNameOf(dir);
  const [read, setRead] = useState<DirectoryRead | null>(null);
  const [typed, setTyped] = useState("");
  const [loadError, setLoadError] = useState<ErrorText | null>(null);
  const { phase, progress, error, run, stop } = useBulkDeleteRun(cluster, (state) => {
    if (state.deleted.includes(dir) && state.notDeleted.length === 0) {
      toast.success(t("deleted", { key: dir }));
      onOpenChange(false);
      onDeleted();
    }
  });

  useEffect(() => {
    let cancelled = false;
    getKey(cluster, dir, { recursive: true, quorum: true })
      .then((result) => {
        if (cancelled || !result.node) return;
        setRead({ count: countTree(result.node), modifiedIndex: result.node.modifiedIndex ?? 0, etcdIndex: result.etcdIndex });
      })
      .catch((caught: unknown) => !cancelled && setLoadError(errorText(caught, "load", dir)));
    return () => {
      cancelled = true;
    };
  }, [cluster, dir]);

  const count = read?.count ?? null;
  const empty = count !== null && count.keys + count.dirs === 0;
  const confirmed = empty || typed === name;

  function close(next: boolean) {
    // While running, Stop first: the dialog then shows what happened.
    if (next || phase !== "running") onOpenChange(next);
  }

  function start() {
    if (!read) return;
    const state = startProgress(1);
    void run(state, [{ key: dir, prevIndex: read.modifiedIndex, dir: true, seenAt: read.etcdIndex }], [parentOf(dir), dir]);
  }

  return (
    <Dialog open={open} onOpenChange={close} title={t("dirTitle", { name })}>
      {phase === "confirm" ? (
        <>
          <p role="status" className="mb-3 text-sm">
            {count === null ? t("counting", { dir }) : empty ? t("empty", { dir }) : t("holds", { dir, keys: count.keys, dirs: count.dirs ? count.dirs + 1 : 0 })}
          </p>
          {count !== null && !empty ? (
            <Field label={t("typeToConfirm")} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" hint={t("typeHint", { name })} />
          ) : null}
          <div className="mt-3">
            <ErrorNote error={loadError} />
          </div>
          <div className="mt-4 flex justify-end gap-2">
            <Button onClick={() => close(false)}>{t("cancel")}</Button>
            <Button variant="danger" onClick={start} disabled={read === null || !confirmed}>
              {t("delete")}
            </Button>
          </div>
        </>
      ) : (
        <BulkDeleteRunView
          phase={phase}
          progress={progress}
          error={error}
          status={directoryStatus(t, dir, phase, progress, count?.keys ?? 0)}
          bar={{ label: t("keysDeleted"), value: progress.current?.deletedKeys ?? 0, max: progress.current?.totalKeys ?? count?.keys ?? 0 }}
          onStop={stop}
          onDone={() => close(false)}
        />
      )}
    </Dialog>
  );
}

/** Where a directory's delete is, or how it ended, in one sentence. */
function directoryStatus(t: ReturnType<typeof useTranslations<"keys.delete">>, dir: string, phase: BulkDeletePhase, progress: BulkDeleteProgress, counted: number): string {
  const own = progress.notDeleted.find((r) => r.key === dir && r.under === undefined);
  const deleted = own?.deletedKeys ?? progress.current?.deletedKeys ?? 0;
  const total = progress.current?.totalKeys ?? counted;
  if (phase === "running") return t("running", { dir, deleted, total });
  if (progress.deleted.includes(dir)) return t("deletedAll", { dir, total });
  const inside = progress.notDeleted.filter((r) => r.under === dir);
  const kept = inside.filter((r) => r.outcome === "changed" || r.outcome === "added").length;
  const failed = inside.filter((r) => r.outcome === "failed");
  const unknown = failed.filter((r) => r.outcomeUnknown).length;
  const parts = [t("deletedSome", { dir, deleted, total })];
  if (kept) parts.push(t("kept", { count: kept }));
  if (failed.length) parts.push(t("failed", { count: failed.length, unknown }));
  if (own?.notAttemptedKeys) parts.push(t("notAttempted", { count: own.notAttemptedKeys }));
  return parts.join(" ");
}
