"use client";
import { FilePlus, GitCompareArrows } from "lucide-react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { ExportButton } from "@/components/transfer/export-button";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/field";
import { useAccess } from "@/lib/hooks/use-access";
import type { KeyResponse } from "@/lib/api/types";
import { useKey, useRevalidateKeys } from "@/lib/hooks/use-key";
import { useKeyRemoval, type Removal } from "@/lib/hooks/use-key-removal";
import { useLiveKeysContext } from "@/lib/hooks/use-live-keys";
import { baseNameOf, parentOf } from "@/lib/key-path";
import { CasDialog } from "./cas-dialog";
import { NewKeyDialog } from "./create-dialogs";
import { DirectoryPanel } from "./directory-panel";
import { errorText } from "./error-text";
import { KeyPathHeading } from "./key-path-heading";

// In its own chunk: the editor brings CodeMirror and the YAML parser (about half of the page's JavaScript),
// which a directory (and the first paint of the tree) never needs.
const KeyEditor = dynamic(() => import("./key-editor").then((m) => m.KeyEditor), {
  ssr: false,
  loading: () => <p role="status">Loading the editor…</p>,
});

export interface KeyPanelProps {
  cluster: string;
  keyPath: string;
  onNavigate: (key: string) => void;
}

/** The selected key: the value editor for a key, the summary and actions for a directory, or "not found". */
export function KeyPanel({ cluster, keyPath, onNavigate }: KeyPanelProps) {
  const { data, error, isLoading } = useKey(cluster, keyPath);
  // Re-reads through the app's one revalidation (lib/swr/revalidate.ts): a fresh request, and the tree's listing of it too.
  const revalidateKeys = useRevalidateKeys();
  const reread = useCallback(async () => (await revalidateKeys(cluster, keyPath))[0] as KeyResponse | undefined, [revalidateKeys, cluster, keyPath]);
  const live = useLiveKeysContext().state === "live";
  const removal = useKeyRemoval(keyPath, () => void reread());
  // The editor's unsaved text, kept here: when the key is deleted or expires the editor goes, the text stays.
  const unsaved = useRef<string | null>(null);
  const keepUnsaved = useCallback((text: string | null) => {
    unsaved.current = text;
  }, []);
  const node = data?.node;
  const expiration = error ? undefined : node?.expiration;

  // When the TTL runs out, the live stream's expire event removes the key. Without the stream, re-read
  // until etcd has expired it (its leader does so 0–0.5 s late).
  useEffect(() => {
    if (!expiration || live) return;
    let poll: ReturnType<typeof setInterval> | undefined;
    const start = setTimeout(
      () => {
        void reread();
        poll = setInterval(() => void reread(), 1000);
      },
      Math.max(0, Date.parse(expiration) - Date.now()) + 300,
    );
    return () => {
      clearTimeout(start);
      if (poll) clearInterval(poll);
    };
  }, [expiration, reread, live]);

  // The ref is read in the render the removal itself causes, after the editor's last report.
  if (removal) return <NotFound cluster={cluster} keyPath={keyPath} onNavigate={onNavigate} removal={removal} unsaved={unsaved.current} />;
  if (error?.code === "key_not_found") return <NotFound cluster={cluster} keyPath={keyPath} onNavigate={onNavigate} />;
  if (isLoading && !node) return <p role="status">Loading {keyPath}…</p>;
  if (!node) return error ? <ErrorNote error={errorText(error, "load", keyPath)} /> : null;

  return (
    <article aria-label={`Key ${keyPath}`} className="space-y-4">
      <div className="flex items-start justify-between gap-2">
        <KeyPathHeading keyPath={keyPath} />
        <ExportButton cluster={cluster} keyPath={keyPath} />
      </div>
      {error ? <ErrorNote error={errorText(error, "load", keyPath)} /> : null}
      {node.dir ? (
        <DirectoryPanel cluster={cluster} node={node} onNavigate={onNavigate} />
      ) : (
        <KeyEditor
          cluster={cluster}
          node={node}
          onNavigate={onNavigate}
          reload={async () => (await reread())?.node}
          onUnsavedChange={keepUnsaved}
        />
      )}
    </article>
  );
}

/** Why the key is gone, in plain words: what the live stream saw, or only that it does not exist. */
function goneText(keyPath: string, removal: Removal | undefined): string {
  if (!removal) return `${keyPath} was not found: it does not exist (or its TTL ran out).`;
  const what = removal.action === "expire" ? "expired" : "was deleted";
  const when = `at etcd index ${removal.index}`;
  if (removal.key === keyPath) return `${keyPath} ${what} ${when}; it is not found any more.`;
  return `${keyPath} is not found any more: its directory ${removal.key} ${what} ${when}.`;
}

function NotFound({ cluster, keyPath, onNavigate, removal, unsaved }: KeyPanelProps & { removal?: Removal; unsaved?: string | null }) {
  const [creating, setCreating] = useState(false);
  const [cas, setCas] = useState(false);
  const { canWrite } = useAccess(cluster);
  return (
    <article aria-label={`Key ${keyPath}`} className="space-y-4">
      <KeyPathHeading keyPath={keyPath} />
      <p role="alert">{goneText(keyPath, removal)}</p>
      {unsaved ? <p role="status">Your unsaved text is kept: Create it starts with it.</p> : null}
      {canWrite ? (
        <div className="flex gap-2">
          <Button variant="primary" onClick={() => setCreating(true)}>
            <FilePlus aria-hidden size={14} /> Create it
          </Button>
          <Button onClick={() => setCas(true)}>
            <GitCompareArrows aria-hidden size={14} /> Compare and swap
          </Button>
        </div>
      ) : null}
      <NewKeyDialog
        open={creating}
        onOpenChange={setCreating}
        cluster={cluster}
        dir={parentOf(keyPath)}
        initialName={baseNameOf(keyPath)}
        initialValue={unsaved ?? ""}
        onCreated={onNavigate}
      />
      <CasDialog open={cas} onOpenChange={setCas} cluster={cluster} keyPath={keyPath} />
    </article>
  );
}
