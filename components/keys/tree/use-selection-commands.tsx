"use client";
import dynamic from "next/dynamic";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";
import { useRegisterCommands, type Command } from "@/lib/commands/registry";
import { useFormatCount } from "@/lib/hooks/use-format-count";
import type { Selection } from "@/lib/tree/selection";
import type { TreeStore } from "@/lib/tree/store";
import { selectionAfterDelete } from "@/lib/tree/tree-state";
import { SelectionBar } from "../selection-bar";

// The bulk delete dialog (its list, its stream reader, the request's schema) loads when it first opens.
const BulkDeleteDialog = dynamic(() => import("../bulk-delete-dialog").then((m) => m.BulkDeleteDialog), { ssr: false });

interface SelectionCommandsProps {
  store: TreeStore;
  cluster: string;
  checked: Selection;
  canWrite: boolean;
  selectedKey: string;
  onSelect: (key: string) => void;
}

/**
 * What the checked rows offer: the bar above the tree, Delete selected / Clear selection in the command
 * palette, and the bulk delete dialog; after a delete, the deleted rows are unchecked and a panel showing
 * a deleted key moves to the nearest directory left.
 */
export function useSelectionCommands({ store, cluster, checked, canWrite, selectedKey, onSelect }: SelectionCommandsProps): { bar: ReactNode; dialog: ReactNode } {
  const [bulkDeleteOpen, setBulkDeleteOpen] = useState(false);
  const formatCount = useFormatCount();
  const t = useTranslations("tree");
  const afterBulkDelete = useCallback(
    (deleted: readonly string[]) => {
      store.uncheckDeleted(deleted);
      const next = selectionAfterDelete(selectedKey, deleted);
      if (next !== null) onSelect(next);
    },
    [store, selectedKey, onSelect],
  );
  const commands = useMemo<Command[]>(
    () =>
      checked.size === 0
        ? []
        : [
            ...(canWrite ? [{ id: "tree-delete-selected", label: t("deleteSelectedCount", { count: formatCount(checked.size) }), group: t("selectionGroup"), keywords: ["remove", "bulk"], run: () => setBulkDeleteOpen(true) }] : []),
            { id: "tree-clear-selection", label: t("clearSelection"), group: t("selectionGroup"), keywords: ["uncheck", "deselect"], run: store.clearChecks },
          ],
    [checked.size, canWrite, store, formatCount, t],
  );
  useRegisterCommands("key-tree-selection", commands);
  return {
    bar: checked.size > 0 ? <SelectionBar count={checked.size} canDelete={canWrite} onDelete={() => setBulkDeleteOpen(true)} onClear={store.clearChecks} /> : null,
    dialog: canWrite && bulkDeleteOpen ? <BulkDeleteDialog open={bulkDeleteOpen} onOpenChange={setBulkDeleteOpen} cluster={cluster} selection={checked} onFinished={afterBulkDelete} /> : null,
  };
}
