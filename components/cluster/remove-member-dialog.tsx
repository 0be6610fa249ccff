"use client";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote } from "@/components/ui/field";
import type { MemberOverview } from "@/lib/cluster-monitor/overview";
import { removeMember } from "@/lib/api/members-client";
import { quorumSize } from "@/lib/cluster-page/quorum";
import type { ErrorText } from "@/lib/editor/error-text";
import { memberErrorText } from "./member-error";
import { memberLabel } from "@/lib/cluster-page/member-label";

export interface RemoveMemberDialogProps {
  member: MemberOverview | null;
  onClose: () => void;
  cluster: string;
  memberCount: number;
  onChanged: () => void;
}

export function RemoveMemberDialog({ member, onClose, cluster, memberCount, onChanged }: RemoveMemberDialogProps) {
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);
  const label = member ? memberLabel(member) : "";

  async function confirm() {
    if (!member) return;
    setBusy(true);
    setError(null);
    try {
      await removeMember(cluster, member.id);
      toast.success(`Removed ${label}`);
      onClose();
      onChanged();
    } catch (caught) {
      setError(memberErrorText(caught, "remove", label));
    } finally {
      setBusy(false);
    }
  }

  const after = Math.max(memberCount - 1, 0);
  return (
    <Dialog
      open={member !== null}
      onOpenChange={(open) => {
        if (!open) {
          setError(null);
          onClose();
        }
      }}
      title={`Remove ${label}?`}
      description={
        member?.health === "unstarted"
          ? `${label} was added but never started; removing it takes it out of the quorum count.`
          : `${label} (${member?.id}) leaves the cluster and shuts itself down. It cannot rejoin under the same id.`
      }
    >
      <p className="text-sm">
        The cluster then has {after} member{after === 1 ? "" : "s"} and needs {quorumSize(after)} of them healthy for writes.
      </p>
      <div className="mt-3">
        <ErrorNote error={error} />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="danger" onClick={() => void confirm()} disabled={busy}>
          Remove member
        </Button>
      </div>
    </Dialog>
  );
}
