"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import type { ErrorText } from "@/lib/editor/error-text";
import { ValueDiff } from "./value-diff";

export interface ConflictDialogProps {
  keyPath: string;
  theirs: V2Node;
  mine: string;
  /** "save": Save found the key changed; "compare": the user asked to see a change made elsewhere. */
  reason: "save" | "compare";
  busy: boolean;
  error: ErrorText | null;
  onDiscardMine: () => void;
  onOverwrite: () => void;
  onKeepEditing: () => void;
}

/** Their stored value beside yours (read-only diff), and three ways on, labelled as in the changed notice. */
export function ConflictDialog({ keyPath, theirs, mine, reason, busy, error, onDiscardMine, onOverwrite, onKeepEditing }: ConflictDialogProps) {
  const t = useTranslations("keyPanel.conflict");
  const index = theirs.modifiedIndex ?? "?";
  return (
    <Dialog
      open
      onOpenChange={(next) => (next ? undefined : onKeepEditing())}
      title={reason === "save" ? t("title") : t("compareTitle")}
      wide
      description={reason === "save" ? t("description", { key: keyPath, index }) : t("compareDescription", { key: keyPath, index })}
    >
      <ValueDiff theirs={theirs.value ?? ""} mine={mine} theirsCaption={t("theirs", { index })} mineCaption={t("mine")} />
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
