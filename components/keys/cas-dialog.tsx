"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { useId, useState } from "react";
import { toast } from "sonner";
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
    if (prevIndex.trim() !== "" && !/^\d+$/.test(prevIndex.trim())) found.prevIndex = "prevIndex is a whole number, 1 or more";
    const body: PutKeyBody = { value };
    if (prevValue !== "") body.prevValue = prevValue;
    if (prevIndex.trim() !== "" && !found.prevIndex) body.prevIndex = Number(prevIndex.trim());
    if (prevExist !== "any") body.prevExist = prevExist === "true";
    if (node?.expiration && prevExist !== "false") body.ttl = Math.max(1, remainingSeconds(node.expiration, Date.now()));
    const checked = putKeyBodySchema.safeParse(body);
    if (!checked.success) for (const issue of checked.error.issues) found[String(issue.path[0] ?? "value")] ??= issue.message;
    setIssues(found);
    if (!checked.success || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const result = await putKey(cluster, keyPath, checked.data);
      toast.success(`Compare and swap applied: ${keyPath} ${result.action === "create" ? "created" : "updated"}`);
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
      title="Compare and swap"
      description={`Writes ${keyPath} only if every condition you fill in holds.${node?.expiration ? " The key's TTL is kept." : ""}`}
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <TextAreaField label="New value" value={value} onChange={setValue} rows={3} error={issues.value} />
        <Field label="prevValue" value={prevValue} onChange={(e) => setPrevValue(e.target.value)} error={issues.prevValue} hint="Only if the stored value is exactly this (empty: don't compare)." />
        <Field label="prevIndex" inputMode="numeric" value={prevIndex} onChange={(e) => setPrevIndex(e.target.value)} error={issues.prevIndex} hint={node?.modifiedIndex ? `Only if modifiedIndex is this (loaded: ${node.modifiedIndex}).` : "Only if modifiedIndex is this."} />
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium">
            prevExist
          </label>
          <select
            id={selectId}
            value={prevExist}
            onChange={(e) => setPrevExist(e.target.value as PrevExist)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="any">any</option>
            <option value="true">must exist</option>
            <option value="false">must not exist</option>
          </select>
          {issues.prevExist ? <p className="text-sm text-red-700 dark:text-red-300">{issues.prevExist}</p> : null}
        </div>
        <ErrorNote error={error} />
        <div className="flex justify-end gap-2">
          <Button onClick={() => close(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            Apply
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
