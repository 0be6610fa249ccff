"use client";
// The key editor's state: the node the edit is based on (Save compares its modifiedIndex), the edit, a
// change made elsewhere, and the writes (Save, Overwrite, the TTL's), each a compare-and-swap.
import type { V2Node } from "@/lib/etcd/wire";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { getKey, putKey } from "@/lib/api/keys-client";
import type { PutKeyBody } from "@/lib/api/schemas";
import type { ErrorText } from "@/lib/editor/error-text";
import { buildSavePlan } from "@/lib/editor/save-plan";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { runEditorWrite } from "./editor-write";
import { errorText, isApiError } from "./error-text";

export interface KeyEditOptions {
  cluster: string;
  node: V2Node;
  reload: () => Promise<V2Node | undefined>;
  onUnsavedChange?: (text: string | null) => void;
}

export function useKeyEdit({ cluster, node, reload, onUnsavedChange }: KeyEditOptions) {
  const t = useTranslations("keyPanel");
  const keyPath = node.key;
  const afterWrite = useAfterWrite();
  const [base, setBase] = useState(node);
  const [draft, setDraft] = useState(node.value ?? "");
  const [seen, setSeen] = useState(node);
  const [busy, setBusy] = useState(false);
  /** Index of a change by someone else that replaced the untouched form (a short note says so). */
  const [changedByOther, setChangedByOther] = useState<number | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  /** Their version, shown in the dialog: after a failed Save ("save") or asked for with Compare ("compare"). */
  const [conflict, setConflict] = useState<{ theirs: V2Node; reason: "save" | "compare" } | null>(null);
  const [conflictError, setConflictError] = useState<ErrorText | null>(null);
  const dirty = draft !== (base.value ?? "");
  // Fresh data (a live update, a re-read) replaces an untouched form; an edit in progress keeps its base.
  // (A late answer to an earlier read must not replace a newer base.) While our own write is in flight,
  // its live event may come before its answer: that is not someone else's change.
  if (node !== seen) {
    setSeen(node);
    if (!dirty && (node.modifiedIndex ?? 0) >= (base.modifiedIndex ?? 0)) {
      setBase(node);
      setDraft(node.value ?? "");
      if ((node.modifiedIndex ?? 0) > (base.modifiedIndex ?? 0) && !busy) setChangedByOther(node.modifiedIndex ?? null);
    }
  }
  /** The stored key is newer than the edit's base, written by someone else. */
  const theirsNewer = (node.modifiedIndex ?? 0) > (base.modifiedIndex ?? 0) && !busy;

  const unsaved = dirty ? draft : null;
  useEffect(() => onUnsavedChange?.(unsaved), [unsaved, onUnsavedChange]);

  function adopt(next: V2Node) {
    setBase(next);
    setChangedByOther(null);
    setDraft(next.value ?? "");
  }

  async function reloadAfterUnknownOutcome() {
    const fresh = await reload().catch(() => undefined);
    if (fresh) adopt(fresh);
  }

  /** One write with the usual outcomes (./editor-write.ts); their version after a refused compare is read afresh. */
  function run(body: PutKeyBody, done: (next: V2Node) => void, inDialog: boolean) {
    return runEditorWrite<V2Node>(
      { setBusy, setError, setConflictError, setConflict },
      {
        key: keyPath,
        inDialog,
        write: async () => {
          const result = await putKey(cluster, keyPath, body);
          if (result.node) done(result.node);
          void afterWrite(cluster, keyPath);
        },
        theirs: async () => {
          const theirs = await getKey(cluster, keyPath, { quorum: true }).catch((e: unknown) => e);
          if (isApiError(theirs)) return { error: errorText(theirs, "save", keyPath) };
          if (theirs && typeof theirs === "object" && "node" in theirs && theirs.node) return { theirs: theirs.node as V2Node };
          return null;
        },
        words: { changedAgain: t("conflict.changedAgain"), unknownOutcome: t("toast.unknownOutcome") },
        reloadAfterUnknownOutcome,
      },
    );
  }

  /** Save (on the edit's base) or Overwrite (on their version): the value, the TTL kept running. */
  async function write(from: V2Node, action: "save" | "overwrite") {
    const plan = buildSavePlan(from, { value: draft }, Date.now());
    if (!plan.ok) return setError({ message: plan.error });
    const ok = await run(plan.body, adopt, action === "overwrite");
    if (ok) toast.success(action === "overwrite" ? t("toast.overwrote", { key: keyPath }) : t("toast.saved", { key: keyPath }));
  }

  /** A new TTL (seconds), or null for none, on the stored value: an edit in progress stays as it is. */
  async function writeTtl(ttl: number | null) {
    if (base.modifiedIndex === undefined) return false;
    const body: PutKeyBody = { value: base.value ?? "", prevIndex: base.modifiedIndex };
    if (ttl !== null) body.ttl = ttl;
    else if (base.expiration) body.ttl = null;
    const ok = await run(
      body,
      (next) => {
        setBase(next);
        if (!dirty) setDraft(next.value ?? "");
      },
      false,
    );
    if (ok) toast.success(ttl === null ? t("toast.permanent", { key: keyPath }) : t("toast.ttlSet", { key: keyPath, ttl }));
    return ok;
  }

  return {
    keyPath,
    base,
    draft,
    setDraft,
    dirty,
    busy,
    error,
    setError,
    changedByOther,
    theirsNewer,
    conflict,
    conflictError,
    save: () => void write(base, "save"),
    overwrite: (theirs: V2Node) => void write(theirs, "overwrite"),
    writeTtl,
    /** Back to the stored value: the newest one known, theirs when it changed underneath. */
    discard: () => {
      const theirs = conflict?.theirs;
      adopt(theirs && (theirs.modifiedIndex ?? 0) > (node.modifiedIndex ?? 0) ? theirs : node);
      setConflict(null);
      setConflictError(null);
      setError(null);
    },
    /** Compare: their version beside mine in the dialog. */
    compare: () => setConflict({ theirs: node, reason: "compare" }),
    /** Keep editing: after a failed Save the edit is based on their version (the next Save replaces it). */
    keepEditing: () => {
      if (conflict?.reason === "save") setBase(conflict.theirs);
      setConflict(null);
      setConflictError(null);
      void afterWrite(cluster, keyPath);
    },
    adopt,
    reloadAfterUnknownOutcome,
  };
}

export type KeyEdit = ReturnType<typeof useKeyEdit>;
