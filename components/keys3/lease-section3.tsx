"use client";
// The v3 key's TTL, which is its lease's (§7): a live countdown (as v2's TTL), the lease id and granted TTL, and
// what to do with it: a new TTL (a new lease for the key), Refresh TTL (one keepalive), Remove TTL (the key
// detached), Revoke lease (every key attached goes: the dialog lists them first).
import { Infinity as Permanent, RefreshCw, TimerReset, Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslations } from "use-intl";
import { TtlForm } from "@/components/keys/key-ttl";
import { TtlCountdown } from "@/components/keys/ttl-countdown";
import { Button } from "@/components/ui/button";
import type { LeaseInfo3 } from "@/lib/api/keys3";
import { leaseExpiration } from "@/lib/keypanel3/value-draft";
import { RevokeLease3Dialog } from "./revoke-lease3-dialog";

export interface LeaseSection3Props {
  cluster: string;
  lease: LeaseInfo3 | null;
  canWrite: boolean;
  busy: boolean;
  /** A new lease of n seconds, or none (null); resolves to whether it was written. */
  onWriteTtl: (ttl: number | null) => Promise<boolean>;
  onRefresh: () => Promise<boolean>;
  /** The lease was revoked: the key is gone. */
  onRevoked: () => void;
}

const readTimes = new WeakMap<LeaseInfo3, number>();

/** When a lease was read (first seen): its TTL counts from then. One time per read, however often it renders. */
function readTimeOf(lease: LeaseInfo3): number {
  let time = readTimes.get(lease);
  if (time === undefined) {
    time = Date.now();
    readTimes.set(lease, time);
  }
  return time;
}

/** When the lease of a key as read runs out (ISO time), the same for every reader of that read; undefined without one. */
export function leaseExpiresAt(lease: LeaseInfo3 | null): string | undefined {
  return lease ? leaseExpiration(lease, readTimeOf(lease)) : undefined;
}

export function LeaseSection3({ cluster, lease, canWrite, busy, onWriteTtl, onRefresh, onRevoked }: LeaseSection3Props) {
  const t = useTranslations("keyPanel.ttl");
  const t3 = useTranslations("keyPanel3.lease");
  // The TTL field, open while the user sets one (its first text; undefined when closed).
  const [text, setText] = useState<string | undefined>(undefined);
  const [revoking, setRevoking] = useState(false);
  const expiration = leaseExpiresAt(lease);

  return (
    <section aria-label={t("region")} className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className="text-muted">{t("label")}</span>
        {lease && expiration ? (
          <>
            <TtlCountdown expiration={expiration} />
            <span className="text-xs text-muted">{t3("info", { id: lease.id, granted: lease.grantedTtl })}</span>
          </>
        ) : (
          <span>{t("none")}</span>
        )}
        {canWrite && text === undefined ? (
          <span className="flex flex-wrap gap-2">
            <Button onClick={() => setText(lease ? String(lease.grantedTtl) : "")} disabled={busy}>
              <TimerReset aria-hidden size={14} /> {lease ? t3("newTtl") : t("set")}
            </Button>
            {lease ? (
              <>
                <Button onClick={() => void onRefresh()} disabled={busy}>
                  <RefreshCw aria-hidden size={14} /> {t3("refresh")}
                </Button>
                <Button onClick={() => void onWriteTtl(null)} disabled={busy}>
                  <Permanent aria-hidden size={14} /> {t3("remove")}
                </Button>
                <Button onClick={() => setRevoking(true)} disabled={busy}>
                  <Trash2 aria-hidden size={14} /> {t3("revoke")}
                </Button>
              </>
            ) : null}
          </span>
        ) : null}
      </div>
      {canWrite && text !== undefined ? <TtlForm initial={text} hint={t3("fieldHint")} busy={busy} onWrite={onWriteTtl} onClose={() => setText(undefined)} /> : null}
      {lease ? <RevokeLease3Dialog open={revoking} onOpenChange={setRevoking} cluster={cluster} leaseId={lease.id} onRevoked={onRevoked} /> : null}
    </section>
  );
}
