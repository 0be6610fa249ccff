"use client";
import { useMemo, useState, type KeyboardEvent } from "react";
import { useTranslations } from "use-intl";
import { ChangedNotice } from "@/components/keys/changed-notice";
import { ConflictDialog } from "@/components/keys/conflict-dialog";
import { KeyActions } from "@/components/keys/key-actions";
import { ValueSection } from "@/components/keys/value-section";
import { ErrorNote } from "@/components/ui/field";
import type { Key3Response } from "@/lib/api/keys3";
import { useAccess } from "@/lib/hooks/use-access";
import { isSaveShortcut } from "@/lib/keyboard/shortcuts";
import { bytesDraft, draftBytes, draftComparable, draftOf } from "@/lib/keypanel3/value-draft";
import { DeleteKey3Dialog } from "./delete-key3-dialog";
import { LeaseSection3 } from "./lease-section3";
import { useKeyEdit3 } from "./use-key-edit3";

export interface KeyEditor3Props {
  cluster: string;
  keyBytes: Uint8Array;
  data: Key3Response;
  reload: () => Promise<Key3Response | undefined>;
  onUnsavedChange?: (text: string | null) => void;
  /** The key was deleted from here (Delete, or its lease revoked). */
  onDeleted: () => void;
}

/** A v3 key's value, revisions and lease, saved with compare-and-swap on the mod revision it was loaded at. */
export function KeyEditor3({ cluster, keyBytes, data, reload, onUnsavedChange, onDeleted }: KeyEditor3Props) {
  const t = useTranslations("keyPanel3");
  const edit = useKeyEdit3({ cluster, keyBytes, data, reload, onUnsavedChange });
  const { name, base, busy, dirty, conflict, draft } = edit;
  // A viewer, or a read-only cluster, gets the same panel without anything that would write.
  const { canWrite } = useAccess(cluster);
  const [deleting, setDeleting] = useState<string | null>(null);
  const initial = draftOf(data.value);
  // One array per draft: the hex and base64 views memoize on it.
  const bytes = useMemo(() => draftBytes(draft), [draft]);

  // Ctrl/Cmd+S anywhere in the editor saves (and keeps the browser's "save page" away).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isSaveShortcut(event)) return;
    event.preventDefault();
    if (canWrite && !busy && dirty) edit.save();
  };

  return (
    <div className="space-y-4" onKeyDown={onKeyDown}>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {(["createRevision", "modRevision", "version"] as const).map((field) => (
          <div key={field} className="flex gap-2">
            <dt className="text-muted">{t(field)}</dt>
            <dd className="font-mono">{base[field]}</dd>
          </div>
        ))}
      </dl>
      <LeaseSection3
        cluster={cluster}
        lease={base.lease}
        canWrite={canWrite}
        busy={busy}
        onWriteTtl={edit.writeTtl}
        onRefresh={edit.refreshTtl}
        onRevoked={onDeleted}
      />
      {edit.changedByOther !== null && !dirty ? (
        <p role="status" aria-label={t("changed.liveName")} className="text-sm text-info">
          {t("changed.live", { revision: edit.changedByOther })}
        </p>
      ) : null}
      {edit.theirsNewer && dirty ? <ChangedNotice v3 index={data.modRevision} onCompare={edit.compare} onDiscardMine={edit.discard} /> : null}
      <ValueSection
        keyPath={name}
        initial={initial.kind === "text" ? initial.text : ""}
        draft={draft.kind === "text" ? draft.text : ""}
        setDraft={(text) => edit.setDraft({ kind: "text", text })}
        dirty={dirty}
        canWrite={canWrite}
        busy={busy}
        onError={edit.setError}
        v3={{ bytes, onFileBytes: (bytes) => edit.setDraft(bytesDraft(bytes)) }}
      />
      <ErrorNote error={edit.error} />
      <KeyActions canWrite={canWrite} dirty={dirty} busy={busy} onSave={edit.save} onDiscard={edit.discard} onDelete={() => setDeleting(base.modRevision)} more={[]} />
      {conflict ? (
        <ConflictDialog
          v3
          keyPath={name}
          theirs={{ value: draftComparable(draftOf(conflict.theirs.value)), index: conflict.theirs.modRevision }}
          mine={draftComparable(draft)}
          reason={conflict.reason}
          busy={busy}
          error={edit.conflictError}
          onDiscardMine={edit.discard}
          onOverwrite={() => edit.overwrite(conflict.theirs)}
          onKeepEditing={edit.keepEditing}
        />
      ) : null}
      <DeleteKey3Dialog
        open={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
        cluster={cluster}
        keyBytes={keyBytes}
        name={name}
        modRevision={deleting ?? base.modRevision}
        onDeleted={onDeleted}
        onReload={() => void edit.reloadAfterUnknownOutcome()}
      />
    </div>
  );
}
