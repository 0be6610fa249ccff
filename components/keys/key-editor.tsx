"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { GitCompareArrows, RefreshCw, Save, Trash2, WandSparkles } from "lucide-react";
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ErrorNote, Field } from "@/components/ui/field";
import { getKey, putKey } from "@/lib/api/keys-client";
import type { ErrorText } from "@/lib/editor/error-text";
import { detectFormat, hasReplacementCharacter, prettyPrint, validationDelayMs, type FormatInfo } from "@/lib/editor/format";
import { buildSavePlan } from "@/lib/editor/save-plan";
import { parseTtlField } from "@/lib/editor/ttl";
import { useAccess } from "@/lib/hooks/use-access";
import { isSaveShortcut } from "@/lib/keyboard/shortcuts";
import { isNotText, notTextReason } from "@/lib/binary/value-bytes";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { baseNameOf, parentOf } from "@/lib/key-path";
import { CasDialog } from "./cas-dialog";
import { ChangedNotice } from "./changed-notice";
import { ConflictDialog } from "./conflict-dialog";
import { CopyMoveButtons } from "./copy-move-host";
import { DeleteKeyDialog } from "./delete-dialogs";
import { errorText, isApiError } from "./error-text";
import { KeyDetails } from "./key-details";
import { StoreFileInput } from "./store-file";
import { ValueEditor } from "./value-editor";
import { Base64View, DownloadDecoded, HexView, ValueViewPicker, type ValueView } from "./value-views";

const FORMAT_NAMES = { json: "JSON", yaml: "YAML", plain: "Plain text" } as const;

export interface KeyEditorProps {
  cluster: string;
  node: V2Node;
  onNavigate: (key: string) => void;
  /** Re-read the key from the server; resolves to the fresh node (undefined when it is gone). */
  reload: () => Promise<V2Node | undefined>;
  /** The edit not saved yet (null when there is none), so that it outlives the editor if the key goes. */
  onUnsavedChange?: (text: string | null) => void;
}

/** A key's value and TTL, saved with compare-and-swap on the index it was loaded at. */
export function KeyEditor({ cluster, node, onNavigate, reload, onUnsavedChange }: KeyEditorProps) {
  const keyPath = node.key;
  const afterWrite = useAfterWrite();
  // A viewer, or a read-only cluster, gets the same panel without anything that would write.
  const { canWrite } = useAccess(cluster);
  // The node the edit is based on (its modifiedIndex is what Save compares with), and the edit.
  const [base, setBase] = useState(node);
  const [draft, setDraft] = useState(node.value ?? "");
  const [ttlText, setTtlText] = useState<string | undefined>(undefined);
  const [seen, setSeen] = useState(node);
  const [busy, setBusy] = useState(false);
  /** Index of a change by someone else that replaced the untouched form (a short note says so). */
  const [changedByOther, setChangedByOther] = useState<number | null>(null);
  /** Index whose "changed since you opened it" notice the user closed with Keep editing. */
  const [noticeClosedAt, setNoticeClosedAt] = useState<number | null>(null);
  const dirty = draft !== (base.value ?? "") || ttlText !== undefined;
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
  const theirsNewer = (node.modifiedIndex ?? 0) > (base.modifiedIndex ?? 0) && !busy;

  const unsaved = dirty ? draft : null;
  useEffect(() => onUnsavedChange?.(unsaved), [unsaved, onUnsavedChange]);

  // A value that is not text opens as hex, never as garbled text; its text view is read-only.
  const [view, setView] = useState<ValueView>(() => (isNotText(node.value ?? "") ? "hex" : "text"));
  const notText = useMemo(() => notTextReason(draft), [draft]);
  const [fileNote, setFileNote] = useState<string | null>(null);

  const [info, setInfo] = useState<FormatInfo>(() => detectFormat(node.value ?? ""));
  useEffect(() => {
    const timer = setTimeout(() => setInfo(detectFormat(draft)), validationDelayMs(draft.length));
    return () => clearTimeout(timer);
  }, [draft]);

  const [error, setError] = useState<ErrorText | null>(null);
  const [ttlError, setTtlError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<V2Node | null>(null);
  const [conflictError, setConflictError] = useState<ErrorText | null>(null);
  /** The version the Delete dialog was opened for: a change while it is open must not be deleted unseen. */
  const [deleting, setDeleting] = useState<V2Node | null>(null);
  const [casOpen, setCasOpen] = useState(false);

  function adopt(next: V2Node) {
    setBase(next);
    setChangedByOther(null);
    setDraft(next.value ?? "");
    setTtlText(undefined);
    setTtlError(null);
  }

  async function reloadAfterUnknownOutcome() {
    const fresh = await reload().catch(() => undefined);
    if (fresh) adopt(fresh);
  }

  async function write(from: V2Node, action: "save" | "overwrite") {
    const plan = buildSavePlan(from, { value: draft, ttl: ttlText }, Date.now());
    if (!plan.ok) {
      if (plan.field === "ttl") setTtlError(plan.error);
      else setError({ message: plan.error });
      return;
    }
    setBusy(true);
    setError(null);
    setTtlError(null);
    setConflictError(null);
    try {
      const result = await putKey(cluster, keyPath, plan.body);
      if (result.node) adopt(result.node);
      setConflict(null);
      toast.success(action === "overwrite" ? `Overwrote ${keyPath}` : `Saved ${keyPath}`);
      void afterWrite(cluster, keyPath);
    } catch (caught) {
      if (isApiError(caught, "compare_failed")) {
        const theirs = await getKey(cluster, keyPath, { quorum: true }).catch((e: unknown) => e);
        if (isApiError(theirs)) {
          setConflict(null);
          setError(errorText(theirs, "save", keyPath));
        } else if (theirs && typeof theirs === "object" && "node" in theirs && theirs.node) {
          if (action === "overwrite") setConflictError({ message: "It changed again while you decided; here is the newest version." });
          setConflict(theirs.node as V2Node);
        }
      } else if (isApiError(caught) && caught.outcomeUnknown) {
        setConflict(null);
        setError(errorText(caught, "save", keyPath));
        toast.warning("The outcome of the save is unknown; reloaded.");
        await reloadAfterUnknownOutcome();
      } else if (action === "overwrite") {
        setConflictError(errorText(caught, "save", keyPath));
      } else {
        setError(errorText(caught, "save", keyPath));
      }
    } finally {
      setBusy(false);
    }
  }

  async function refreshTtl() {
    const text = ttlText ?? (base.expiration ? String(base.ttl ?? "") : "");
    const field = parseTtlField(text);
    if (!field.ok) return setTtlError(field.error);
    if (field.ttl === null) return setTtlError("Enter a TTL in seconds to refresh.");
    setBusy(true);
    setError(null);
    setTtlError(null);
    try {
      const result = await putKey(cluster, keyPath, { refresh: true, prevExist: true, ttl: field.ttl });
      if (result.node) {
        // The value did not change: keep any edit in progress, based on the renewed node.
        setBase(result.node);
        if (!dirty || draft === (base.value ?? "")) setDraft(result.node.value ?? "");
        setTtlText(undefined);
      }
      toast.success(`TTL of ${keyPath} renewed: ${field.ttl} s`);
      void afterWrite(cluster, keyPath);
    } catch (caught) {
      setError(errorText(caught, "refresh", keyPath));
      if (isApiError(caught) && caught.outcomeUnknown) await reloadAfterUnknownOutcome();
    } finally {
      setBusy(false);
    }
  }

  function prettify() {
    const pretty = prettyPrint(draft, info.format);
    if (pretty === null) setError({ message: `The value is not valid ${FORMAT_NAMES[info.format]}; fix it first.` });
    else setDraft(pretty);
  }

  const ttlShown = ttlText ?? (base.expiration ? String(base.ttl ?? "") : "");
  const canPretty = info.format !== "plain" && !info.problem;

  // Ctrl/Cmd+S anywhere in the editor saves (and keeps the browser's "save page" away).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isSaveShortcut(event)) return;
    event.preventDefault();
    if (canWrite && !busy) void write(base, "save");
  };

  return (
    <div className="space-y-4" onKeyDown={onKeyDown}>
      <KeyDetails node={base} />
      {changedByOther !== null && !dirty ? (
        <p role="status" aria-label="Live change" className="text-sm text-sky-800 dark:text-sky-200">
          Changed by another client: now at index {changedByOther}.
        </p>
      ) : null}
      {theirsNewer && dirty && !conflict && noticeClosedAt !== node.modifiedIndex ? (
        <ChangedNotice
          keyPath={keyPath}
          theirs={node}
          mine={draft}
          onLoadTheirs={() => adopt(node)}
          onKeepEditing={() => setNoticeClosedAt(node.modifiedIndex ?? null)}
        />
      ) : theirsNewer ? (
        <p role="status" className="text-sm text-amber-700 dark:text-amber-300">
          Your edit is based on index {base.modifiedIndex}; the key is now at index {node.modifiedIndex}. Saving will show the conflict.
        </p>
      ) : null}
      <div className="space-y-1">
        <div className="flex items-center justify-between gap-2">
          <p className="text-sm">
            <span className="font-medium">Value</span> ·{" "}
            <span aria-label="Detected format">{FORMAT_NAMES[info.format]}</span>
            {dirty ? <span className="ml-2 text-xs text-amber-700 dark:text-amber-300">(unsaved changes)</span> : null}
          </p>
          <div className="flex items-center gap-3">
            <ValueViewPicker view={view} onChange={setView} />
            {canWrite && view === "text" ? (
              <Button onClick={prettify} disabled={!canPretty || busy || notText !== null}>
                <WandSparkles aria-hidden size={14} /> Pretty-print
              </Button>
            ) : null}
          </div>
        </div>
        {notText ? (
          <p role="note" aria-label="Not text" className="text-sm text-amber-700 dark:text-amber-300">
            This value is not text. {notText}{" "}
            {view === "text"
              ? "Shown read-only as text: editing it as text would change its bytes. Use Store a file… to replace it."
              : "Shown as its bytes so nothing is garbled."}
          </p>
        ) : null}
        {view === "hex" ? (
          <HexView value={draft} />
        ) : view === "base64" ? (
          <Base64View value={draft} />
        ) : (
          <ValueEditor value={draft} onChange={canWrite && !notText ? setDraft : undefined} format={info.format} readOnly={!canWrite || notText !== null} />
        )}
        <div className="flex flex-wrap items-start gap-3">
          <DownloadDecoded value={draft} fileName={`${baseNameOf(keyPath)}.bin`} />
          {canWrite ? (
            <StoreFileInput
              onLoaded={(base64, note) => {
                setDraft(base64);
                setView("text");
                setFileNote(`${note} Save to store it.`);
              }}
            />
          ) : null}
        </div>
        {fileNote && dirty ? (
          <p role="status" aria-label="File loaded" className="text-sm">
            {fileNote}
          </p>
        ) : null}
        {info.problem ? (
          <p role="status" aria-label="Parse error" className="text-sm text-red-700 dark:text-red-300">
            {FORMAT_NAMES[info.format]} error{info.problem.line !== undefined ? ` on line ${info.problem.line}` : ""}: {info.problem.message}
          </p>
        ) : null}
        {hasReplacementCharacter(draft) ? (
          <p role="status" className="text-sm text-amber-700 dark:text-amber-300">
            This value contains U+FFFD replacement characters: etcd holds bytes that are not valid UTF-8, and the v2 API cannot
            return them. Saving would store the replacement characters instead of the original bytes.
          </p>
        ) : null}
      </div>
      {canWrite ? (
        <>
          <Field
            label="TTL (seconds)"
            inputMode="numeric"
            value={ttlShown}
            onChange={(e) => {
              setTtlText(e.target.value);
              setTtlError(null);
            }}
            error={ttlError}
            hint={
              base.expiration
                ? "Left as is, Save keeps the TTL running (sends the time left). Empty removes the TTL."
                : "Empty: no TTL. A number of seconds sets one on Save."
            }
            className="max-w-xs"
          />
          <ErrorNote error={error} />
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" onClick={() => void write(base, "save")} disabled={busy}>
              <Save aria-hidden size={14} /> Save
            </Button>
            <Button onClick={() => void refreshTtl()} disabled={busy}>
              <RefreshCw aria-hidden size={14} /> Refresh TTL
            </Button>
            <Button onClick={() => setCasOpen(true)} disabled={busy}>
              <GitCompareArrows aria-hidden size={14} /> Compare and swap
            </Button>
            <CopyMoveButtons cluster={cluster} keyPath={keyPath} disabled={busy} />
            <Button variant="danger" onClick={() => setDeleting(base)} disabled={busy}>
              <Trash2 aria-hidden size={14} /> Delete
            </Button>
          </div>
        </>
      ) : null}
      {conflict ? (
        <ConflictDialog
          open
          keyPath={keyPath}
          theirs={conflict}
          mine={draft}
          busy={busy}
          error={conflictError}
          onReload={() => {
            adopt(conflict);
            setConflict(null);
            setError(null);
            void afterWrite(cluster, keyPath);
          }}
          onOverwrite={() => void write(conflict, "overwrite")}
          onKeepEditing={() => {
            // You have seen their version: the next Save replaces it (and fails again if it changes once more).
            setBase(conflict);
            setConflict(null);
            setConflictError(null);
            void afterWrite(cluster, keyPath);
          }}
        />
      ) : null}
      <DeleteKeyDialog
        open={deleting !== null}
        onOpenChange={(open) => (open ? undefined : setDeleting(null))}
        cluster={cluster}
        node={deleting ?? base}
        onDeleted={() => onNavigate(parentOf(keyPath))}
        onUnknownOutcome={() => void reloadAfterUnknownOutcome()}
      />
      <CasDialog
        open={casOpen}
        onOpenChange={setCasOpen}
        cluster={cluster}
        keyPath={keyPath}
        node={base}
        onDone={(next) => {
          if (!dirty) adopt(next);
        }}
      />
    </div>
  );
}
