"use client";
// The open key ran out of TTL: say when, and offer to put it back as it was (its last value and TTL).
// The create fails if the key exists again (prevExist=false): someone else's new key is never overwritten.
import type { V2Node } from "@/lib/etcd/wire";
import { RotateCcw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/field";
import { putKey } from "@/lib/api/keys-client";
import type { ErrorText } from "@/lib/editor/error-text";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { errorText } from "./error-text";

export interface RecreateExpiredProps {
  cluster: string;
  /** The key as last read, with its value, TTL and expiration. */
  last: V2Node & { expiration: string };
  /** The etcd index of the expiry, when the live stream saw it. */
  index?: number;
  canWrite: boolean;
  onRecreated: () => void;
}

export function RecreateExpired({ cluster, last, index, canWrite, onRecreated }: RecreateExpiredProps) {
  const t = useTranslations("keyPanel.expired");
  const format = useFormatter();
  const afterWrite = useAfterWrite();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const time = format.dateTime(new Date(last.expiration), { dateStyle: "medium", timeStyle: "medium" });
  const ttl = last.ttl !== undefined && last.ttl > 0 ? last.ttl : undefined;

  async function recreate() {
    setBusy(true);
    setError(null);
    try {
      await putKey(cluster, last.key, { value: last.value ?? "", prevExist: false, ...(ttl ? { ttl } : {}) });
      toast.success(t("recreated", { key: last.key }));
      void afterWrite(cluster, last.key);
      onRecreated();
    } catch (caught) {
      setError(errorText(caught, "create", last.key));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <p role="alert">{index !== undefined ? t("atIndex", { time, index }) : t("at", { time })}</p>
      {canWrite ? (
        <>
          <p className="text-sm text-muted">{ttl ? t("offerWithTtl", { ttl }) : t("offer")}</p>
          <Button variant="primary" onClick={() => void recreate()} disabled={busy}>
            <RotateCcw aria-hidden size={14} /> {t("recreate")}
          </Button>
          <ErrorNote error={error} />
        </>
      ) : null}
    </div>
  );
}
