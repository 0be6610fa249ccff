"use client";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import type { ErrorText } from "@/lib/editor/error-text";
import { ValueDiff } from "./value-diff";

export interface ConflictDialogProps {
  keyPath: string;
  /** Their stored value (as text to compare) and where it is now: v2's modifiedIndex, v3's mod revision. */
  theirs: { value: string; index: string | number | undefined };
  mine: string;
  /** v3 words its position as a mod revision, not an index. */
  v3?: boolean;
  /** "save": Save found the key changed; "compare": the user asked to see a change made elsewhere. */
  reason: "save" | "compare";
  busy: boolean;
  error: ErrorText | null;
  onDiscardMine: () => void;
  onOverwrite: () => void;
  onKeepEditing: () => void;
}

/** Their stored value beside yours (read-only diff), and three ways on, labelled as in the changed notice. */
export function ConflictDialog({ keyPath, theirs, mine, v3, reason, busy, error, onDiscardMine, onOverwrite, onKeepEditing }: ConflictDialogProps) {
  const t = useTranslations("keyPanel.conflict");
  const t3 = useTranslations("keyPanel3.conflict");
  // The sentences that name the index; the buttons are the same words in both keyspaces.
  const tIndex = v3 ? t3 : t;
  const index = theirs.index ?? "?";
  return (
    <Dialog
      open
      onOpenChange={(next) => (next ? undefined : onKeepEditing())}
      title={reason === "save" ? t("title") : t("compareTitle")}
      wide
      description={reason === "save" ? tIndex("description", { key: keyPath, index }) : tIndex("compareDescription", { key: keyPath, index })}
    >
      <ValueDiff theirs={theirs.value} mine={mine} theirsCaption={tIndex("theirs", { index })} mineCaption={t("mine")} />
      <div className="mt-3">
        <ErrorNote error={error} />
      </div>
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button onClick={onDiscardMine} disabled={busy}>
          {t("discardMine")}
        </Button>
        <Button variant="danger" onClick={onOverwrite} disabled={busy}>
          {t("overwrite")}
        </Button>
        <Button variant="primary" onClick={onKeepEditing} disabled={busy}>
          {t("keepEditing")}
        </Button>
      </div>
    </Dialog>
  );
}
