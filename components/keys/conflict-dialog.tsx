"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import type { ErrorText } from "@/lib/editor/error-text";
import { ValueDiff } from "./value-diff";

export interface ConflictDialogProps {
  open: boolean;
  keyPath: string;
  theirs: V2Node;
  mine: string;
  busy: boolean;
  error: ErrorText | null;
  onReload: () => void;
  onOverwrite: () => void;
  onKeepEditing: () => void;
}

/** Save found the key changed: their current value beside yours (read-only diff), and three ways on. */
export function ConflictDialog({ open, keyPath, theirs, mine, busy, error, onReload, onOverwrite, onKeepEditing }: ConflictDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? undefined : onKeepEditing())}
      title="Conflict"
      wide
      description={`${keyPath} changed since you loaded it (now at index ${theirs.modifiedIndex ?? "?"}). Nothing was saved.`}
    >
      <ValueDiff theirs={theirs.value ?? ""} mine={mine} theirsCaption={`Theirs (stored now, index ${theirs.modifiedIndex ?? "?"})`} mineCaption="Yours (not saved)" />
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
