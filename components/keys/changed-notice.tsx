"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { Button } from "@/components/ui/button";
import { ValueDiff } from "./value-diff";

export interface ChangedNoticeProps {
  keyPath: string;
  theirs: V2Node;
  mine: string;
  onLoadTheirs: () => void;
  onKeepEditing: () => void;
}

/**
 * The key changed underneath an edit in progress: the edit is kept, their value is shown beside it, and the
 * user chooses. Keep editing leaves the edit based on the version it started from, so Save still goes
 * through compare-and-swap and shows the conflict dialog.
 */
export function ChangedNotice({ keyPath, theirs, mine, onLoadTheirs, onKeepEditing }: ChangedNoticeProps) {
  return (
    <section aria-label="Changed underneath" className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950">
      <p role="alert" className="text-sm text-amber-900 dark:text-amber-100">
        {`${keyPath} changed since you opened it: another client wrote index ${theirs.modifiedIndex ?? "?"}. Your text is kept and not saved.`}
      </p>
      <ValueDiff theirs={theirs.value ?? ""} mine={mine} theirsCaption={`Theirs (stored now, index ${theirs.modifiedIndex ?? "?"})`} mineCaption="Yours (not saved)" />
      <div className="flex flex-wrap gap-2">
        <Button onClick={onLoadTheirs}>Load theirs (discard mine)</Button>
        <Button variant="primary" onClick={onKeepEditing}>
          Keep editing
        </Button>
      </div>
    </section>
  );
}
