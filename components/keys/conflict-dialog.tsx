"use client";
import { MergeView } from "@codemirror/merge";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import type { EtcdNode } from "@/lib/api/types";
import type { ErrorText } from "@/lib/editor/error-text";

export interface ConflictDialogProps {
  open: boolean;
  keyPath: string;
  theirs: EtcdNode;
  mine: string;
  busy: boolean;
  error: ErrorText | null;
  onReload: () => void;
  onOverwrite: () => void;
  onKeepEditing: () => void;
}

const readOnly = (label: string) => [
  EditorState.readOnly.of(true),
  EditorView.editable.of(false),
  EditorView.lineWrapping,
  EditorView.contentAttributes.of({ "aria-label": label }),
];

/** Save found the key changed: their current value beside yours (read-only diff), and three ways on. */
export function ConflictDialog({ open, keyPath, theirs, mine, busy, error, onReload, onOverwrite, onKeepEditing }: ConflictDialogProps) {
  const theirValue = theirs.value ?? "";
  // A callback ref with cleanup (React 19): the merge view lives as long as its element.
  const mergeRef = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) return;
      const view = new MergeView({
        a: { doc: theirValue, extensions: readOnly("Their value") },
        b: { doc: mine, extensions: readOnly("Your value") },
        parent: element,
        gutter: true,
      });
      return () => view.destroy();
    },
    [theirValue, mine],
  );
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : onKeepEditing())}
      title="Conflict"
      wide
      description={`${keyPath} changed since you loaded it (now at index ${theirs.modifiedIndex ?? "?"}). Nothing was saved.`}
    >
      <div className="grid grid-cols-2 gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        <p>Theirs (stored now, index {theirs.modifiedIndex ?? "?"})</p>
        <p>Yours (not saved)</p>
      </div>
      <div ref={mergeRef} className="mt-1 max-h-[50vh] overflow-auto rounded-md border border-zinc-300 text-sm dark:border-zinc-700" />
      <div className="mt-3">
        <ErrorNote error={error} />
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button onClick={onReload} disabled={busy}>
          Reload (discard mine)
        </Button>
        <Button variant="danger" onClick={onOverwrite} disabled={busy}>
          Overwrite
        </Button>
        <Button variant="primary" onClick={onKeepEditing} disabled={busy}>
          Keep editing
        </Button>
      </div>
    </Dialog>
  );
}
