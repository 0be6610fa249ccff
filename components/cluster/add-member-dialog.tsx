"use client";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field } from "@/components/ui/field";
import { addMember } from "@/lib/api/members-client";
import { parsePeerURLs } from "@/lib/cluster-page/member-changes";
import type { ErrorText } from "@/lib/editor/error-text";
import { memberErrorText } from "./member-error";
import { QuorumAfterNote } from "./quorum-after-note";

export interface AddMemberDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  memberCount: number;
  healthyCount: number;
  onChanged: () => void;
}

/** Two steps: the peer URLs, then a confirmation that says what the change does to the quorum. */
export function AddMemberDialog({ open, onOpenChange, cluster, memberCount, healthyCount, onChanged }: AddMemberDialogProps) {
  const [text, setText] = useState("");
  const [peerURLs, setPeerURLs] = useState<string[] | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);

  function reset(next: boolean) {
    if (!next) {
      setText("");
      setPeerURLs(null);
      setInputError(null);
      setError(null);
    }
    onOpenChange(next);
  }

  function review(event: FormEvent) {
    event.preventDefault();
    const parsed = parsePeerURLs(text);
    if (!parsed.ok) return setInputError(parsed.message);
    setInputError(null);
    setError(null);
    setPeerURLs(parsed.peerURLs);
  }

  async function confirm() {
    if (!peerURLs) return;
    setBusy(true);
    setError(null);
    try {
      const member = await addMember(cluster, { peerURLs });
      toast.success(`Member ${member.id} added; start it with --initial-cluster-state existing`);
      reset(false);
      onChanged();
    } catch (caught) {
      setError(memberErrorText(caught, "add"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={reset} title={peerURLs ? "Add this member?" : "Add member"}>
      {peerURLs ? (
        <div className="space-y-3 text-sm">
          <p>
            etcd will add a member with peer URL{peerURLs.length === 1 ? "" : "s"} <span className="font-mono">{peerURLs.join(", ")}</span>.
          </p>
          <QuorumAfterNote change={{ memberCount, healthyCount, delta: 1 }} />
          <p>
            Start the new member right away with <code className="font-mono">--initial-cluster-state existing</code>: until it joins it counts as down.
          </p>
          <ErrorNote error={error} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setPeerURLs(null)} disabled={busy}>
              Back
            </Button>
            <Button variant="primary" onClick={() => void confirm()} disabled={busy}>
              Add member
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={review} className="space-y-3">
          <Field
            label="Peer URLs"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="http://10.0.0.4:2380"
            hint="Separate several URLs with commas or spaces."
            error={inputError}
            autoFocus
          />
          <div className="flex justify-end gap-2">
            <Button onClick={() => reset(false)}>Cancel</Button>
            <Button type="submit" variant="primary">
              Continue
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
