"use client";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { errorText } from "@/components/keys/error-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import type { Lease3Response } from "@/lib/api/keys3";
import { getLease3, revokeLease3 } from "@/lib/api/keys3-client";
import type { ErrorText } from "@/lib/editor/error-text";

export interface RevokeLease3DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  leaseId: string;
  onRevoked: () => void;
}

/** Revoking a lease deletes every key attached to it (§7): the dialog lists them first, then revokes. */
export function RevokeLease3Dialog(props: RevokeLease3DialogProps) {
  // Mounted while open, so each opening reads the lease afresh.
  return props.open ? <RevokeLease3Flow {...props} /> : null;
}

function RevokeLease3Flow({ open, onOpenChange, cluster, leaseId, onRevoked }: RevokeLease3DialogProps) {
  const t = useTranslations("keyPanel3.revoke");
  const [lease, setLease] = useState<Lease3Response | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let cancelled = false;
    getLease3(cluster, leaseId)
      .then((read) => !cancelled && setLease(read))
      .catch((caught: unknown) => !cancelled && setError(errorText(caught, "load")));
    return () => {
      cancelled = true;
    };
  }, [cluster, leaseId]);

  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      await revokeLease3(cluster, leaseId);
      toast.success(t("revoked", { id: leaseId, count: lease?.keys.length ?? 0 }));
      onOpenChange(false);
      onRevoked();
    } catch (caught) {
      setError(errorText(caught, "delete"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("title", { id: leaseId })}>
      {lease ? (
        <>
          <p className="mb-2 text-sm">{t("lists", { count: lease.keys.length })}</p>
          <ul aria-label={t("keysLabel")} className="max-h-60 overflow-auto rounded-md border border-line p-2 font-mono text-xs">
            {lease.keys.map((key) => (
              <li key={key} className="break-all">
                {key}
              </li>
            ))}
          </ul>
        </>
      ) : error ? null : (
        <p role="status" className="text-sm">
          {t("reading")}
        </p>
      )}
      <div className="mt-3">
        <ErrorNote error={error} />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => onOpenChange(false)}>{t("cancel")}</Button>
        <Button variant="danger" onClick={() => void revoke()} disabled={busy || lease === null}>
          {t("confirm")}
        </Button>
      </div>
    </Dialog>
  );
}
