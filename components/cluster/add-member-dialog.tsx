"use client";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field } from "@/components/ui/field";
import { addMember } from "@/lib/api/members-client";
import { MAX_PEER_URLS } from "@/lib/api/schemas";
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
  const t = useTranslations("cluster.add");
  const tCommon = useTranslations("common");
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
    if (!parsed.ok) return setInputError(t(`problems.${parsed.problem.code}`, parsed.problem.code === "invalid" ? { url: parsed.problem.url } : { max: MAX_PEER_URLS }));
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
      toast.success(t("added", { id: member.id }));
      reset(false);
      onChanged();
    } catch (caught) {
      setError(memberErrorText(caught, "add"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={reset} title={peerURLs ? t("confirmTitle") : t("title")}>
      {peerURLs ? (
        <div className="space-y-3 text-sm">
          <p>{t.rich("willAdd", { count: peerURLs.length, urls: peerURLs.join(", "), mono: (chunks) => <span className="font-mono">{chunks}</span> })}</p>
          <QuorumAfterNote change={{ memberCount, healthyCount, delta: 1 }} />
          <p>{t.rich("startRightAway", { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
          <ErrorNote error={error} />
          <div className="flex justify-end gap-2">
            <Button onClick={() => setPeerURLs(null)} disabled={busy}>
              {t("back")}
            </Button>
            <Button variant="primary" onClick={() => void confirm()} disabled={busy}>
              {t("title")}
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={review} className="space-y-3">
          <Field
            label={t("peerURLs")}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="http://10.0.0.4:2380"
            hint={t("hint")}
            error={inputError}
            autoFocus
          />
          <div className="flex justify-end gap-2">
            <Button onClick={() => reset(false)}>{tCommon("cancel")}</Button>
            <Button type="submit" variant="primary">
              {t("continue")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
