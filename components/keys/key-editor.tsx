"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { useState, type KeyboardEvent } from "react";
import { useTranslations } from "use-intl";
import { useExportWithToast } from "@/components/transfer/export-button";
import { ErrorNote } from "@/components/ui/field";
import { useAccess } from "@/lib/hooks/use-access";
import { isSaveShortcut } from "@/lib/keyboard/shortcuts";
import { parentOf } from "@/lib/key-path";
import { CasDialog } from "./cas-dialog";
import { ChangedNotice } from "./changed-notice";
import { ConflictDialog } from "./conflict-dialog";
import { openCopyMove } from "./copy-move-host";
import { DeleteKeyDialog } from "./delete-dialogs";
import { KeyActions, MORE_ICONS, type MoreAction } from "./key-actions";
import { KeyDetails } from "./key-details";
import { KeyTtl } from "./key-ttl";
import { useKeyEdit } from "./use-key-edit";
import { ValueSection } from "./value-section";

export interface KeyEditorProps {
  cluster: string;
  node: V2Node;
  onNavigate: (key: string) => void;
  /** Re-read the key from the server; resolves to the fresh node (undefined when it is gone). */
  reload: () => Promise<V2Node | undefined>;
  /** The edit not saved yet (null when there is none), so that it outlives the editor if the key goes. */
  onUnsavedChange?: (text: string | null) => void;
}

/** A key's value and TTL, saved with compare-and-swap on the index it was loaded at. */
export function KeyEditor({ cluster, node, onNavigate, reload, onUnsavedChange }: KeyEditorProps) {
  const t = useTranslations("keyPanel");
  const edit = useKeyEdit({ cluster, node, reload, onUnsavedChange });
  const { keyPath, base, busy, dirty, conflict } = edit;
  // A viewer, or a read-only cluster, gets the same panel without anything that would write.
  const { canWrite } = useAccess(cluster);
  /** The version the Delete dialog was opened for: a change while it is open must not be deleted unseen. */
  const [deleting, setDeleting] = useState<V2Node | null>(null);
  const [casOpen, setCasOpen] = useState(false);
  const exportWithToast = useExportWithToast();

  const more: MoreAction[] = [
    ...(canWrite
      ? [
          { id: "cas", label: t("actions.cas"), icon: MORE_ICONS.cas, onSelect: () => setCasOpen(true) },
          { id: "copy", label: t("actions.copy"), icon: MORE_ICONS.copy, onSelect: () => openCopyMove({ cluster, from: keyPath, mode: "copy" }) },
          { id: "move", label: t("actions.move"), icon: MORE_ICONS.move, onSelect: () => openCopyMove({ cluster, from: keyPath, mode: "move" }) },
        ]
      : []),
    // Reading is all an export needs.
    { id: "export", label: t("actions.export"), icon: MORE_ICONS.export, onSelect: () => void exportWithToast(cluster, keyPath) },
  ];

  // Ctrl/Cmd+S anywhere in the editor saves (and keeps the browser's "save page" away).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isSaveShortcut(event)) return;
    event.preventDefault();
    if (canWrite && !busy && dirty) edit.save();
  };

  return (
    <div className="space-y-4" onKeyDown={onKeyDown}>
      <KeyDetails node={base} withTtl={false} />
      <KeyTtl node={base} canWrite={canWrite} busy={busy} onWrite={edit.writeTtl} />
      {edit.changedByOther !== null && !dirty ? (
        <p role="status" aria-label={t("changed.liveName")} className="text-sm text-info">
          {t("changed.live", { index: edit.changedByOther })}
        </p>
      ) : null}
      {edit.theirsNewer && dirty ? <ChangedNotice index={node.modifiedIndex} onCompare={edit.compare} onDiscardMine={edit.discard} /> : null}
      <ValueSection
        keyPath={keyPath}
        initial={node.value ?? ""}
        draft={edit.draft}
        setDraft={edit.setDraft}
        dirty={dirty}
        canWrite={canWrite}
        busy={busy}
        onError={edit.setError}
      />
      <ErrorNote error={edit.error} />
      <KeyActions canWrite={canWrite} dirty={dirty} busy={busy} onSave={edit.save} onDiscard={edit.discard} onDelete={() => setDeleting(base)} more={more} />
      {conflict ? (
        <ConflictDialog
          keyPath={keyPath}
          theirs={{ value: conflict.theirs.value ?? "", index: conflict.theirs.modifiedIndex }}
          mine={edit.draft}
          reason={conflict.reason}
          busy={busy}
          error={edit.conflictError}
          onDiscardMine={edit.discard}
          onOverwrite={() => edit.overwrite(conflict.theirs)}
          onKeepEditing={edit.keepEditing}
        />
      ) : null}
      <DeleteKeyDialog
        open={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
        cluster={cluster}
        node={deleting ?? base}
        onDeleted={() => onNavigate(parentOf(keyPath))}
        onUnknownOutcome={() => void edit.reloadAfterUnknownOutcome()}
      />
      <CasDialog
        open={casOpen}
        onOpenChange={setCasOpen}
        cluster={cluster}
        keyPath={keyPath}
        node={base}
        onDone={(next) => {
          if (!dirty) edit.adopt(next);
        }}
      />
    </div>
  );
}
