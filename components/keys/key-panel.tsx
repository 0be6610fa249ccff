"use client";
import { FilePlus, GitCompareArrows } from "lucide-react";
import dynamic from "next/dynamic";
import { useCallback, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { ExportButton } from "@/components/transfer/export-button";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton-rows";
import { useAccess } from "@/lib/hooks/use-access";
import type { KeyResponse } from "@/lib/api/types";
import { useKey, useRevalidateKeys } from "@/lib/hooks/use-key";
import { useKeyRemoval, type Removal } from "@/lib/hooks/use-key-removal";
import { useLiveKeysContext } from "@/lib/hooks/use-live-keys";
import { useRereadAfterExpiry } from "@/lib/hooks/use-reread-after-expiry";
import { baseNameOf, parentOf } from "@/lib/key-path";
import { CasDialog } from "./cas-dialog";
import { NewKeyDialog } from "./create-dialogs";
import { DirectoryPanel } from "./directory-panel";
import { errorText } from "./error-text";
import { RecreateExpired, type RecreateExpiredProps } from "./recreate-expired";
import type { V2Node } from "@/lib/etcd/wire";
import { KeyPathHeading } from "./key-path-heading";

// In its own chunk: the editor brings CodeMirror and the YAML parser (about half of the page's JavaScript),
// which a directory (and the first paint of the tree) never needs.
const KeyEditor = dynamic(() => import("./key-editor").then((m) => m.KeyEditor), {
  ssr: false,
  loading: () => <EditorLoading />,
});

function EditorLoading() {
  const t = useTranslations("keyPanel");
  return <p role="status">{t("loadingEditor")}</p>;
}

export interface KeyPanelProps {
  cluster: string;
  keyPath: string;
  onNavigate: (key: string) => void;
}

/** The selected key: the value editor for a key, the summary and actions for a directory, or "not found". */
export function KeyPanel({ cluster, keyPath, onNavigate }: KeyPanelProps) {
  const t = useTranslations("keyPanel");
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
  // The key as last seen: when it expires, "Re-create" puts back this value and TTL.
  const last = useRef<V2Node | null>(null);
  if (node && !node.dir && node.key === keyPath) last.current = node;
  else if (last.current && last.current.key !== keyPath) last.current = null;
  const expired = expiredNode(last.current, removal);

  // When the TTL runs out, the live stream's expire event removes the key; without the stream, it is re-read.
  useRereadAfterExpiry(expiration, live, reread);

  // The ref is read in the render the removal itself causes, after the editor's last report.
  if (removal || error?.code === "key_not_found") {
    const recreate = expired ? { last: expired, index: removal?.action === "expire" ? removal.index : undefined, onRecreated: () => void reread() } : undefined;
    return <NotFound cluster={cluster} keyPath={keyPath} onNavigate={onNavigate} removal={removal ?? undefined} unsaved={unsaved.current} expired={recreate} />;
  }
  if (isLoading && !node) return <KeyLoading keyPath={keyPath} />;
  if (!node) return error ? <ErrorNote error={errorText(error, "load", keyPath)} /> : null;

  return (
    <article aria-label={t("articleName", { key: keyPath })} className="space-y-4">
      <div className="flex items-start justify-between gap-2">
        <KeyPathHeading keyPath={keyPath} />
        {/* A key's Export is in its More actions menu. */}
        {node.dir ? <ExportButton cluster={cluster} keyPath={keyPath} /> : null}
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

/** The last version of the open key when it is gone because its own TTL ran out (its directory's, or a delete, is not). */
function expiredNode(last: V2Node | null, removal: Removal | null): (V2Node & { expiration: string }) | null {
  if (!last?.expiration) return null;
  if (removal) return removal.action === "expire" && removal.key === last.key ? (last as V2Node & { expiration: string }) : null;
  // Without the live stream: not found once its expiration has passed.
  return Date.parse(last.expiration) <= Date.now() ? (last as V2Node & { expiration: string }) : null;
}

/** Why the key is gone, in plain words: what the live stream saw, or only that it does not exist. */
function GoneText({ keyPath, removal }: { keyPath: string; removal: Removal | undefined }) {
  const t = useTranslations("keyPanel.gone");
  if (!removal) return t("notFound", { key: keyPath });
  const values = { key: keyPath, dir: removal.key, index: removal.index };
  if (removal.key === keyPath) return removal.action === "expire" ? t("expired", values) : t("deleted", values);
  return removal.action === "expire" ? t("dirExpired", values) : t("dirDeleted", values);
}

type Recreate = Omit<RecreateExpiredProps, "cluster" | "canWrite">;

/**
 * The key is gone: why, and Create it (with any unsaved text). A key whose own TTL ran out says when, and
 * offers Re-create with its last value first.
 */
function NotFound({ cluster, keyPath, onNavigate, removal, unsaved, expired }: KeyPanelProps & { removal?: Removal; unsaved?: string | null; expired?: Recreate }) {
  const t = useTranslations("keyPanel");
  const [creating, setCreating] = useState(false);
  const [cas, setCas] = useState(false);
  const { canWrite } = useAccess(cluster);
  return (
    <article aria-label={t("articleName", { key: keyPath })} className="space-y-4">
      <KeyPathHeading keyPath={keyPath} />
      {expired ? (
        <RecreateExpired cluster={cluster} canWrite={canWrite} {...expired} />
      ) : (
        <p role="alert">
          <GoneText keyPath={keyPath} removal={removal} />
        </p>
      )}
      {unsaved ? <p role="status">{t("gone.unsavedKept")}</p> : null}
      {canWrite ? (
        <div className="flex gap-2">
          <Button variant={expired ? "secondary" : "primary"} onClick={() => setCreating(true)}>
            <FilePlus aria-hidden size={14} /> {t("gone.createIt")}
          </Button>
          <Button onClick={() => setCas(true)}>
            <GitCompareArrows aria-hidden size={14} /> {t("gone.cas")}
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

/** Grey rows in the panel's place while the key loads. */
function KeyLoading({ keyPath }: { keyPath: string }) {
  const t = useTranslations("errors.loading");
  return <SkeletonRows label={t("key", { key: keyPath })} rows={5} />;
}
