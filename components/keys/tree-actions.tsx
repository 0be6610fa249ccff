"use client";
// What a tree row's context menu offers, and the dialogs its items open. One place for both, so a new
// action (search in a directory, export, import, copy, move …) is an item here plus its dialog below.
import { ClipboardCopy, Copy, Download, ExternalLink, FilePlus, FolderInput, FolderOpen, FolderPlus, Search, Square, SquareCheck, Trash2, Upload } from "lucide-react";
import { useCallback, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { useExportWithToast } from "@/components/transfer/export-button";
import { ImportDialog, SearchDialog } from "./lazy-dialogs";
import type { NodeRow } from "@/lib/tree/flatten";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { isWithin, parentOf } from "@/lib/key-path";
import { openCopyMove } from "./copy-move-host";
import { NewKeyDialog } from "./create-dialogs";
import { DeleteDirectoryDialog, DeleteKeyDialog } from "./delete-dialogs";
import type { TreeMenuItem } from "./tree-menu";

export interface TreeActionsContext {
  cluster: string;
  /** The user may write on this cluster (editor role, cluster not read-only): write items are offered. */
  canWrite: boolean;
  /** The key open in the panel (the URL): moved to the parent when a delete takes it away. */
  selectedKey: string;
  /** Shows a key in the panel (the URL). */
  navigate: (key: string) => void;
  /** Opens a row: a directory shows its children, and the row is shown in the panel. */
  openRow: (row: NodeRow) => void;
  isChecked: (key: string) => boolean;
  /** Adds the row to the multi-selection (the checkboxes), or takes it out. */
  toggleChecked: (row: NodeRow) => void;
}

type OpenDialog = { kind: "new-key" | "new-dir" | "delete" | "search" | "import"; row: NodeRow } | null;


/** The items of `row`'s menu (`itemsFor`) and the dialogs they open (`dialogs`, to be rendered). */
export function useTreeActions(context: TreeActionsContext): { itemsFor: (row: NodeRow) => TreeMenuItem[]; dialogs: ReactNode } {
  const { cluster, canWrite, selectedKey, navigate, openRow, isChecked, toggleChecked } = context;
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const afterWrite = useAfterWrite();
  const close = (open: boolean) => (open ? undefined : setDialog(null));
  const t = useTranslations("keys.treeMenu");
  const exportWithToast = useExportWithToast();
  const copyPath = useCallback(
    async (key: string) => {
      try {
        await navigator.clipboard.writeText(key);
        toast.success(t("copied", { key }));
      } catch {
        toast.error(t("clipboardRefused"));
      }
    },
    [t],
  );

  const itemsFor = useCallback(
    (row: NodeRow): TreeMenuItem[] => {
      const checked = isChecked(row.key);
      const items: TreeMenuItem[] = [
        { id: "open", label: t("open"), icon: row.isDir ? FolderOpen : ExternalLink, onSelect: () => openRow(row) },
        { id: "copy-path", label: t("copyPath"), icon: ClipboardCopy, onSelect: () => void copyPath(row.key) },
        { id: "select", label: checked ? t("unselect") : t("select"), icon: checked ? Square : SquareCheck, onSelect: () => toggleChecked(row) },
      ];
      if (row.isDir) items.push({ id: "search", label: t("searchIn"), icon: Search, onSelect: () => setDialog({ kind: "search", row }), separatorBefore: true });
      items.push({ id: "export", label: t("export"), icon: Download, onSelect: () => void exportWithToast(cluster, row.key), separatorBefore: !row.isDir });
      if (canWrite && row.isDir) items.push({ id: "import", label: t("import"), icon: Upload, onSelect: () => setDialog({ kind: "import", row }) });
      if (canWrite) {
        items.push(
          { id: "copy", label: t("copy"), icon: Copy, onSelect: () => openCopyMove({ cluster, from: row.key, mode: "copy" }) },
          { id: "move", label: t("move"), icon: FolderInput, onSelect: () => openCopyMove({ cluster, from: row.key, mode: "move" }) },
        );
      }
      if (canWrite && row.isDir) {
        items.push(
          { id: "new-key", label: t("newKey"), icon: FilePlus, onSelect: () => setDialog({ kind: "new-key", row }), separatorBefore: true },
          { id: "new-dir", label: t("newDir"), icon: FolderPlus, onSelect: () => setDialog({ kind: "new-dir", row }) },
        );
      }
      if (canWrite) {
        items.push({
          id: "delete",
          label: t("delete"),
          icon: Trash2,
          danger: true,
          separatorBefore: true,
          // A key is deleted by compare-and-delete on the index it is listed with: none known, no delete.
          disabled: !row.isDir && row.modifiedIndex === undefined,
          onSelect: () => setDialog({ kind: "delete", row }),
        });
      }
      return items;
    },
    [canWrite, cluster, isChecked, openRow, toggleChecked, t, copyPath, exportWithToast],
  );

  const row = dialog?.row;
  const afterDelete = (key: string) => {
    if (isWithin(selectedKey, key)) navigate(parentOf(key));
  };
  const dialogs = row ? (
    <>
      {row.isDir ? (
        <>
          <NewKeyDialog open={dialog.kind === "new-key"} onOpenChange={close} cluster={cluster} dir={row.key} onCreated={navigate} />
          <NewKeyDialog open={dialog.kind === "new-dir"} onOpenChange={close} cluster={cluster} dir={row.key} onCreated={navigate} kind="directory" />
          <SearchDialog open={dialog.kind === "search"} onOpenChange={close} cluster={cluster} dirKey={row.key} onSelect={navigate} />
          {canWrite ? <ImportDialog open={dialog.kind === "import"} onOpenChange={close} cluster={cluster} dirKey={row.key} /> : null}
          <DeleteDirectoryDialog open={dialog.kind === "delete"} onOpenChange={close} cluster={cluster} dir={row.key} onDeleted={() => afterDelete(row.key)} />
        </>
      ) : (
        <DeleteKeyDialog
          open={dialog.kind === "delete"}
          onOpenChange={close}
          cluster={cluster}
          node={{ key: row.key, modifiedIndex: row.modifiedIndex }}
          onDeleted={() => afterDelete(row.key)}
          onUnknownOutcome={() => void afterWrite(cluster, row.key)}
        />
      )}
    </>
  ) : null;
  return { itemsFor, dialogs };
}
