"use client";
// Deleting a v3 directory (a key prefix) as v2's directory delete does: the dialog lists what it holds (the
// listing the user confirms, at its revision), then the route deletes the keys as they were at that revision,
// each compared on its mod revision, never a blind range delete (lib/keys3/delete-prefix.ts). Progress, Stop and
// the report (kept keys: changed since listed; failed ones) are the v2 bulk delete's view.
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { BulkDeleteRunView, frameRepaint, KindIcon, type BulkDeletePhase } from "@/components/keys/bulk-delete-run";
import { errorText } from "@/components/keys/error-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field } from "@/components/ui/field";
import { ApiError } from "@/lib/api/errors";
import type { Dir3Response } from "@/lib/api/keys3";
import { deleteDir3Request, getDir3 } from "@/lib/api/keys3-client";
import { readNdjson } from "@/lib/api/stream/ndjson";
import type { ErrorText } from "@/lib/editor/error-text";
import { applyDeleteDir3Line, startDeleteDir3, type DeleteDir3Progress } from "@/lib/keypanel3/delete-dir-progress";
import type { DeletePrefix3Line } from "@/lib/keys3/delete-prefix";
import { keyDisplay } from "@/lib/keyspace3/key-bytes";

export interface DeleteDir3DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  /** The directory: a prefix ending with "/", never the root. */
  prefix: Uint8Array;
  onDeleted: () => void;
}

export function DeleteDir3Dialog(props: DeleteDir3DialogProps) {
  // Mounted while open, so each opening lists afresh and starts at the confirmation.
  return props.open ? <DeleteDir3Flow {...props} /> : null;
}

/** The directory's own name, as the user types it to confirm ("d" for "a/d/"). */
function dirName(dir: string): string {
  const inner = dir.slice(0, -1);
  return inner.slice(inner.lastIndexOf("/") + 1);
}

function DeleteDir3Flow({ open, onOpenChange, cluster, prefix, onDeleted }: DeleteDir3DialogProps) {
  const t = useTranslations("keys.delete");
  const t3 = useTranslations("keyPanel3.deleteDir");
  const tRun = useTranslations("keys.bulkRun");
  const dir = keyDisplay(prefix);
  const name = dirName(dir);
  const [listing, setListing] = useState<Dir3Response | null>(null);
  const [typed, setTyped] = useState("");
  const [loadError, setLoadError] = useState<ErrorText | null>(null);
  const [phase, setPhase] = useState<BulkDeletePhase>("confirm");
  const [error, setError] = useState<ErrorText | null>(null);
  const [, setVersion] = useState(0);
  const progress = useRef<DeleteDir3Progress>(startDeleteDir3(dir));
  const abort = useRef<AbortController | null>(null);

  useEffect(() => {
    let cancelled = false;
    getDir3(cluster, prefix)
      .then((read) => !cancelled && setListing(read))
      .catch((caught: unknown) => !cancelled && setLoadError(errorText(caught, "load", dir)));
    return () => {
      cancelled = true;
    };
  }, [cluster, prefix, dir]);

  const empty = listing !== null && listing.children.length === 0;
  const confirmed = empty || typed === name;

  function close(next: boolean) {
    // While running, Stop first: the dialog then shows what happened.
    if (next || phase !== "running") onOpenChange(next);
  }

  async function run(seenAt: string) {
    const state = startDeleteDir3(dir);
    progress.current = state;
    setPhase("running");
    const controller = new AbortController();
    abort.current = controller;
    const repaint = frameRepaint(() => setVersion((v) => v + 1));
    try {
      const response = await deleteDir3Request(cluster, prefix, seenAt, controller.signal).catch((caught: unknown) => {
        throw controller.signal.aborted ? caught : ApiError.of("etcd_unavailable", "The dashboard server cannot be reached.");
      });
      await readNdjson(response, (line) => {
        applyDeleteDir3Line(state, dir, line as DeletePrefix3Line);
        repaint();
      });
    } catch (caught) {
      setError(controller.signal.aborted ? { message: tRun("stopped") } : errorText(caught, "delete", dir));
    } finally {
      abort.current = null;
      setPhase("done");
      setVersion((v) => v + 1);
      if (state.deleted.includes(dir)) {
        toast.success(t("deleted", { key: dir }));
        onOpenChange(false);
        onDeleted();
      }
    }
  }

  const state = progress.current;
  return (
    <Dialog open={open} onOpenChange={close} title={t("dirTitle", { name })}>
      {phase === "confirm" ? (
        <>
          <p role="status" className="mb-3 text-sm">
            {listing === null ? t("counting", { dir }) : empty ? t("empty", { dir }) : t3("holds", { dir, count: listing.children.length, truncated: listing.truncated ? "yes" : "no", revision: listing.revision })}
          </p>
          {listing && !empty ? (
            <ul aria-label={t3("listLabel")} className="mb-3 max-h-48 space-y-0.5 overflow-auto rounded-md border border-line p-2 text-xs">
              {listing.children.map((child) => (
                <li key={`${child.kind}:${child.key}`} className="flex items-center gap-1.5 font-mono">
                  <KindIcon dir={child.kind === "dir"} />
                  <span className="min-w-0 truncate whitespace-pre">{child.name}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {listing && !empty ? <Field label={t("typeToConfirm")} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" hint={t("typeHint", { name })} /> : null}
          <div className="mt-3">
            <ErrorNote error={loadError} />
          </div>
          <div className="mt-4 flex justify-end gap-2">
            <Button onClick={() => close(false)}>{t("cancel")}</Button>
            <Button variant="danger" onClick={() => listing && void run(listing.revision)} disabled={listing === null || !confirmed}>
              {t("delete")}
            </Button>
          </div>
        </>
      ) : (
        <BulkDeleteRunView
          phase={phase}
          progress={state}
          error={error}
          status={status(t3, dir, phase, state)}
          bar={{ label: t("keysDeleted"), value: state.counts.deleted, max: phase === "done" ? state.counts.deleted + state.counts.kept + state.counts.failed : state.counts.deleted + 1 }}
          onStop={() => abort.current?.abort()}
          onDone={() => close(false)}
        />
      )}
    </Dialog>
  );
}

/** Where the delete is, or how it ended, in one sentence. */
function status(t3: ReturnType<typeof useTranslations<"keyPanel3.deleteDir">>, dir: string, phase: BulkDeletePhase, p: DeleteDir3Progress): string {
  const { deleted, kept, failed } = p.counts;
  if (phase === "running") return t3("running", { dir, deleted });
  if (p.deleted.includes(dir)) return t3("deletedAll", { dir, deleted });
  const unknown = p.notDeleted.filter((r) => r.outcome === "failed" && r.outcomeUnknown).length;
  const parts = [t3("deletedSome", { dir, deleted })];
  if (kept) parts.push(t3("kept", { count: kept }));
  if (failed) parts.push(t3("failed", { count: failed, unknown }));
  if (p.remaining) parts.push(t3("remaining", { count: p.remaining }));
  return parts.join(" ");
}
