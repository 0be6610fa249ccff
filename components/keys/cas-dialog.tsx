"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field, TextAreaField } from "@/components/ui/field";
import { putKey } from "@/lib/api/keys-client";
import { putKeyBodySchema, type PutKeyBody } from "@/lib/api/schemas";
import type { ErrorText } from "@/lib/editor/error-text";
import { remainingSeconds } from "@/lib/editor/ttl";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { errorText } from "./error-text";

type PrevExist = "any" | "true" | "false";

export interface CasDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  keyPath: string;
  /** The key as loaded, when it exists: its TTL is kept (etcd drops it on a write without ttl). */
  node?: V2Node;
  onDone?: (node: V2Node) => void;
}

/** etcd's conditional write spelled out: new value, prevValue, prevIndex, prevExist. */
export function CasDialog({ open, onOpenChange, cluster, keyPath, node, onDone }: CasDialogProps) {
  const afterWrite = useAfterWrite();
  const selectId = useId();
  const t = useTranslations("keys.cas");
  const [value, setValue] = useState("");
  const [prevValue, setPrevValue] = useState("");
  const [prevIndex, setPrevIndex] = useState("");
  const [prevExist, setPrevExist] = useState<PrevExist>("any");
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);

  async function apply() {
    setError(null);
    const found: Record<string, string> = {};
    if (prevIndex.trim() !== "" && !/^\d+$/.test(prevIndex.trim())) found.prevIndex = t("prevIndexInvalid");
    const body: PutKeyBody = { value };
    if (prevValue !== "") body.prevValue = prevValue;
    if (prevIndex.trim() !== "" && !found.prevIndex) body.prevIndex = Number(prevIndex.trim());
    if (prevExist !== "any") body.prevExist = prevExist === "true";
    if (node?.expiration && prevExist !== "false") body.ttl = Math.max(1, remainingSeconds(node.expiration, Date.now()));
    const checked = putKeyBodySchema.safeParse(body);
    // The form's only reachable refusals are worded here; anything else keeps the schema's own message.
    if (!checked.success) for (const issue of checked.error.issues) found[String(issue.path[0] ?? "value")] ??= issue.path[0] === "prevIndex" ? t("prevIndexInvalid") : issue.path[0] === "prevExist" ? t("prevExistConflict") : issue.message;
    setIssues(found);
    if (!checked.success || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const result = await putKey(cluster, keyPath, checked.data);
      toast.success(t("applied", { key: keyPath, action: result.action === "create" ? "created" : "updated" }));
      void afterWrite(cluster, keyPath);
      if (result.node) onDone?.(result.node);
      close(false);
    } catch (caught) {
      setError(errorText(caught, "cas", keyPath));
    } finally {
      setBusy(false);
    }
  }

  function close(next: boolean) {
    if (!next) {
      setValue("");
      setPrevValue("");
      setPrevIndex("");
      setPrevExist("any");
      setIssues({});
      setError(null);
    }
    onOpenChange(next);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={t("title")}
      description={t("description", { key: keyPath, ttlKept: node?.expiration ? "yes" : "no" })}
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <TextAreaField label={t("newValue")} value={value} onChange={setValue} rows={3} error={issues.value} />
        <Field label="prevValue" value={prevValue} onChange={(e) => setPrevValue(e.target.value)} error={issues.prevValue} hint={t("prevValueHint")} />
        <Field label="prevIndex" inputMode="numeric" value={prevIndex} onChange={(e) => setPrevIndex(e.target.value)} error={issues.prevIndex} hint={node?.modifiedIndex ? t("prevIndexHintLoaded", { index: node.modifiedIndex }) : t("prevIndexHint")} />
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium">
            prevExist
          </label>
          <select
            id={selectId}
            value={prevExist}
            onChange={(e) => setPrevExist(e.target.value as PrevExist)}
            className="rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm"
          >
            <option value="any">{t("prevExistAny")}</option>
            <option value="true">{t("prevExistTrue")}</option>
            <option value="false">{t("prevExistFalse")}</option>
          </select>
          {issues.prevExist ? <p className="text-sm text-danger">{issues.prevExist}</p> : null}
        </div>
        <ErrorNote error={error} />
        <div className="flex justify-end gap-2">
          <Button onClick={() => close(false)}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {t("apply")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
