"use client";
// The v3 key editor's state, as v2's (components/keys/use-key-edit.ts): the key state the edit is based on (Save
// compares its mod revision, §3.3), the draft (text, or bytes that are not UTF-8: lib/keypanel3/value-draft.ts), a
// change made elsewhere, and the writes (Save, Overwrite, the TTL's, Refresh), each a compare-and-swap or a lease
// call followed by a fresh read.
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { runEditorWrite } from "@/components/keys/editor-write";
import type { Key3Response, KeyState3, PutKey3Body } from "@/lib/api/keys3";
import { putKey3, refreshLease3 } from "@/lib/api/keys3-client";
import type { ErrorText } from "@/lib/editor/error-text";
import { draftOf, revisionAfter, sameValue, valueBody, type Draft3 } from "@/lib/keypanel3/value-draft";
import { keyDisplay } from "@/lib/keyspace3/key-bytes";

export interface KeyEdit3Options {
  cluster: string;
  keyBytes: Uint8Array;
  /** The key as last read (SWR, the live stream's re-reads). */
  data: Key3Response;
  /** A fresh read of the key (not joined to one in flight): after a write, its state is the written one. */
  reload: () => Promise<Key3Response | undefined>;
  /** The text not saved yet (null when there is none), so it outlives the editor if the key goes. */
  onUnsavedChange?: (text: string | null) => void;
}

export function useKeyEdit3({ cluster, keyBytes, data, reload, onUnsavedChange }: KeyEdit3Options) {
  const t = useTranslations("keyPanel");
  const t3 = useTranslations("keyPanel3");
  const name = keyDisplay(keyBytes);
  const [base, setBase] = useState(data);
  const [draft, setDraft] = useState<Draft3>(() => draftOf(data.value));
  const [seen, setSeen] = useState(data);
  const [busy, setBusy] = useState(false);
  /** Mod revision of a change by someone else that replaced the untouched form. */
  const [changedByOther, setChangedByOther] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  /** Their state, in the Compare dialog: after a refused Save ("save") or asked for with Compare ("compare"). */
  const [conflict, setConflict] = useState<{ theirs: KeyState3; reason: "save" | "compare" } | null>(null);
  const [conflictError, setConflictError] = useState<ErrorText | null>(null);
  const dirty = !sameValue(draft, base.value);
  // Fresh data replaces an untouched form; an edit in progress keeps its base (Save then conflicts by design).
  // A late answer to an earlier read must not replace a newer base; our own write's live re-read is not someone else's.
  if (data !== seen) {
    setSeen(data);
    if (!dirty && !revisionAfter(base.modRevision, data.modRevision)) {
      setBase(data);
      setDraft(draftOf(data.value));
      if (revisionAfter(data.modRevision, base.modRevision) && !busy) setChangedByOther(data.modRevision);
    }
  }
  /** The stored key is newer than the edit's base, written by someone else. */
  const theirsNewer = revisionAfter(data.modRevision, base.modRevision) && !busy;

  const unsaved = dirty && draft.kind === "text" ? draft.text : null;
  useEffect(() => onUnsavedChange?.(unsaved), [unsaved, onUnsavedChange]);

  function adopt(next: Key3Response) {
    setBase(next);
    setChangedByOther(null);
    setDraft(draftOf(next.value));
  }

  async function reloadAfterUnknownOutcome() {
    const fresh = await reload().catch(() => undefined);
    if (fresh) adopt(fresh);
  }

  /** One write with the usual outcomes (editor-write.ts), then a fresh read; a refusal carries their state (§3.3). */
  function run(write: () => Promise<unknown>, done: (fresh: Key3Response) => void, inDialog: boolean): Promise<boolean> {
    return runEditorWrite<KeyState3>(
      { setBusy, setError, setConflictError, setConflict },
      {
        key: name,
        inDialog,
        write: async () => {
          await write();
          const fresh = await reload().catch(() => undefined);
          if (fresh) done(fresh);
        },
        // No current state: the compare failed because the key is gone (create_revision 0). Say so, keep the text.
        theirs: async (refusal) => (refusal.body.current ? { theirs: refusal.body.current } : { error: { message: t3("goneOnSave", { key: name }) } }),
        words: { changedAgain: t("conflict.changedAgain"), unknownOutcome: t("toast.unknownOutcome") },
        reloadAfterUnknownOutcome,
      },
    );
  }

  /** Save (on the edit's base) or Overwrite (on their mod revision): the draft, the lease kept (no `ttl`). */
  async function write(modRevision: string, action: "save" | "overwrite") {
    const body: PutKey3Body = { ...valueBody(draft), modRevision };
    const ok = await run(() => putKey3(cluster, keyBytes, body), adopt, action === "overwrite");
    if (ok) toast.success(action === "overwrite" ? t("toast.overwrote", { key: name }) : t("toast.saved", { key: name }));
  }

  /** The TTL's writes keep an edit in progress as it is: only the base moves on. */
  const keepDraft = (fresh: Key3Response) => {
    setBase(fresh);
    if (!dirty) setDraft(draftOf(fresh.value));
  };

  /** A new lease of `ttl` seconds for the stored value (null: detach it from its lease), compared on the base. */
  async function writeTtl(ttl: number | null) {
    const body: PutKey3Body = { ...valueBody(draftOf(base.value)), modRevision: base.modRevision, ttl };
    const ok = await run(() => putKey3(cluster, keyBytes, body), keepDraft, false);
    if (ok) toast.success(ttl === null ? t3("toast.ttlRemoved", { key: name }) : t("toast.ttlSet", { key: name, ttl }));
    return ok;
  }

  /** One keepalive of the key's lease: back to its granted TTL. */
  async function refreshTtl() {
    const lease = base.lease;
    if (!lease) return false;
    const ok = await run(() => refreshLease3(cluster, lease.id), keepDraft, false);
    if (ok) toast.success(t3("toast.refreshed", { key: name, ttl: lease.grantedTtl }));
    return ok;
  }

  return {
    name,
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
    save: () => void write(base.modRevision, "save"),
    overwrite: (theirs: KeyState3) => void write(theirs.modRevision, "overwrite"),
    writeTtl,
    refreshTtl,
    /** Back to the stored value: the newest one known, theirs when it changed underneath. */
    discard: () => {
      const theirs = conflict?.theirs;
      if (theirs && revisionAfter(theirs.modRevision, data.modRevision)) void reloadAfterUnknownOutcome();
      else adopt(data);
      setConflict(null);
      setConflictError(null);
      setError(null);
    },
    /** Compare: their version beside mine in the dialog. */
    compare: () => setConflict({ theirs: { ...data, lease: data.lease?.id ?? "0" }, reason: "compare" }),
    /** Keep editing: after a refused Save the edit is based on their version (the next Save replaces it). */
    keepEditing: () => {
      const theirs = conflict?.reason === "save" ? conflict.theirs : null;
      if (theirs) setBase((b) => ({ ...b, ...theirs, lease: b.lease }));
      setConflict(null);
      setConflictError(null);
    },
    adopt,
    reloadAfterUnknownOutcome,
  };
}

export type KeyEdit3 = ReturnType<typeof useKeyEdit3>;
