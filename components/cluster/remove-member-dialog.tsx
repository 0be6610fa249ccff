"use client";
import { useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import type { MemberOverview } from "@/lib/api/cluster-overview";
import { removeMember } from "@/lib/api/members-client";
import type { ErrorText } from "@/lib/editor/error-text";
import { memberErrorText } from "./member-error";
import { QuorumAfterNote } from "./quorum-after-note";
import { useMemberLabel } from "./use-member-label";

export interface RemoveMemberDialogProps {
  member: MemberOverview | null;
  onClose: () => void;
  cluster: string;
  memberCount: number;
  healthyCount: number;
  onChanged: () => void;
}

export function RemoveMemberDialog({ member, onClose, cluster, memberCount, healthyCount, onChanged }: RemoveMemberDialogProps) {
  const t = useTranslations("cluster.remove");
  const memberLabel = useMemberLabel();
  const tCommon = useTranslations("common");
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);
  const label = member ? memberLabel(member) : "";

  async function confirm() {
    if (!member) return;
    setBusy(true);
    setError(null);
    try {
      await removeMember(cluster, member.id);
      toast.success(t("removed", { member: label }));
      onClose();
      onChanged();
    } catch (caught) {
      setError(memberErrorText(caught, "remove", label));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={member !== null}
      onOpenChange={(open) => {
        if (!open) {
          setError(null);
          onClose();
        }
      }}
      title={t("title", { member: label })}
      description={
        member?.health === "unstarted"
          ? t("unstarted", { member: label })
          : t("leaves", { member: label, id: member?.id ?? "" })
      }
    >
      <QuorumAfterNote change={{ memberCount, healthyCount, delta: -1, removedHealthy: member?.health === "healthy" }} />
      <div className="mt-3">
        <ErrorNote error={error} />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose} disabled={busy}>
          {tCommon("cancel")}
        </Button>
        <Button variant="danger" onClick={() => void confirm()} disabled={busy}>
          {t("confirm")}
        </Button>
      </div>
    </Dialog>
  );
}
