"use client";
import { useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { errorText, isApiError } from "@/components/keys/error-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import { deleteKey3 } from "@/lib/api/keys3-client";
import type { ErrorText } from "@/lib/editor/error-text";

export interface DeleteKey3DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  keyBytes: Uint8Array;
  name: string;
  /** The mod revision the panel loaded: the delete compares it (§3.3). */
  modRevision: string;
  onDeleted: () => void;
  /** Re-read the key (after a refused delete, or one whose outcome is unknown). */
  onReload: () => void;
}

/** Compare-and-delete on the loaded mod revision: a key changed behind the panel is not deleted. */
export function DeleteKey3Dialog({ open, onOpenChange, cluster, keyBytes, name, modRevision, onDeleted, onReload }: DeleteKey3DialogProps) {
  const t = useTranslations("keys.delete");
  const t3 = useTranslations("keyPanel3.delete");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const [changed, setChanged] = useState(false);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await deleteKey3(cluster, keyBytes, modRevision);
      toast.success(t("deleted", { key: name }));
      onOpenChange(false);
      onDeleted();
    } catch (caught) {
      if (isApiError(caught, "compare_failed")) {
        setChanged(true);
        setError({ message: caught.body.current ? t3("changed", { key: name, revision: caught.body.current.modRevision }) : t3("gone", { key: name }) });
      } else {
        setError(errorText(caught, "delete", name));
        if (isApiError(caught) && caught.outcomeUnknown) onReload();
      }
    } finally {
      setBusy(false);
    }
  }
  function close(next: boolean) {
    setError(null);
    setChanged(false);
    onOpenChange(next);
  }
  return (
    <Dialog open={open} onOpenChange={close} title={t("keyTitle", { name })} description={t3("description", { key: name, revision: modRevision })}>
      <ErrorNote error={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => close(false)}>{t("cancel")}</Button>
        {changed ? (
          <Button
            variant="primary"
            onClick={() => {
              close(false);
              onReload();
            }}
          >
            {t3("reload")}
          </Button>
        ) : (
          <Button variant="danger" onClick={() => void confirm()} disabled={busy}>
            {t("delete")}
          </Button>
        )}
      </div>
    </Dialog>
  );
}
