"use client";
import { FilePlus } from "lucide-react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { errorText, isApiError } from "@/components/keys/error-text";
import { KeyPathHeading } from "@/components/keys/key-path-heading";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton-rows";
import { getKey3 } from "@/lib/api/keys3-client";
import { bytesToBase64 } from "@/lib/binary/value-bytes";
import { useAccess } from "@/lib/hooks/use-access";
import { useKey3 } from "@/lib/hooks/use-keys3";
import { useLiveKeys3Context } from "@/lib/hooks/use-live-keys3";
import { useRereadAfterExpiry } from "@/lib/hooks/use-reread-after-expiry";
import { keyDisplay, parentOfKey } from "@/lib/keyspace3/key-bytes";
import type { V3KeyTarget } from "@/lib/keyspace3/key-url";
import { DirectoryPanel3, dirTarget } from "./directory-panel3";
import { leaseExpiresAt } from "./lease-section3";
import { NewKey3Dialog } from "./new-key3-dialog";

// In its own chunk, as v2's: the editor brings CodeMirror and the YAML parser, which a directory never needs.
const KeyEditor3 = dynamic(() => import("./key-editor3").then((m) => m.KeyEditor3), {
  ssr: false,
  loading: () => <EditorLoading />,
});

function EditorLoading() {
  const t = useTranslations("keyPanel");
  return <p role="status">{t("loadingEditor")}</p>;
}

export interface KeyPanel3Props {
  cluster: string;
  target: V3KeyTarget;
  onNavigate: (target: V3KeyTarget) => void;
}

/** The v3 Keys page's panel: the key editor for a key, the summary and actions for a directory or the root. */
export function KeyPanel3({ cluster, target, onNavigate }: KeyPanel3Props) {
  if (target.kind === "key") return <KeyView cluster={cluster} keyBytes={target.key} onNavigate={onNavigate} />;
  return <DirectoryPanel3 cluster={cluster} prefix={target.kind === "dir" ? target.prefix : new Uint8Array(0)} onNavigate={onNavigate} />;
}

/** A key: its editor, or why it is gone (keeping unsaved text for Create it). */
function KeyView({ cluster, keyBytes, onNavigate }: { cluster: string; keyBytes: Uint8Array; onNavigate: (target: V3KeyTarget) => void }) {
  const t = useTranslations("keyPanel");
  const name = keyDisplay(keyBytes);
  const { data, error, mutate } = useKey3(cluster, keyBytes);
  /** The revision the live stream saw the key deleted at. */
  const [deletedAt, setDeletedAt] = useState<string | null>(null);
  // The editor's unsaved text, kept here: when the key is deleted the editor goes, the text stays.
  const unsaved = useRef<string | null>(null);
  const keepUnsaved = useCallback((text: string | null) => {
    unsaved.current = text;
  }, []);

  // A fresh read (never joined to one in flight: after a write it must see the write), into the cache.
  const reload = useCallback(async () => {
    try {
      const fresh = await getKey3(cluster, keyBytes);
      await mutate(fresh, { revalidate: false });
      return fresh;
    } catch (caught) {
      if (isApiError(caught, "key_not_found")) await mutate(undefined, { revalidate: true });
      throw caught;
    }
  }, [cluster, keyBytes, mutate]);

  // The page's one live stream: a put re-reads the key, a delete says it is gone.
  const live = useLiveKeys3Context();
  useEffect(() => {
    const wanted = bytesToBase64(keyBytes);
    return live.subscribe((batch) => {
      if (batch.kind === "resync") return void reload().catch(() => undefined);
      const last = batch.events.filter((event) => event.key === wanted).at(-1);
      if (!last) return;
      if (last.type === "delete") setDeletedAt(String(last.modRevision));
      else {
        setDeletedAt(null);
        void reload().catch(() => undefined);
      }
    });
  }, [live, keyBytes, reload]);

  // A lease that runs out deletes the key: the stream says so; without it, the key is re-read when its time is up.
  const rereadQuietly = useCallback(() => reload().catch(() => undefined), [reload]);
  useRereadAfterExpiry(error ? undefined : leaseExpiresAt(data?.lease ?? null), live.state === "live", rereadQuietly);

  const onDeleted = () => onNavigate(dirTarget(parentOfKey(keyBytes)));
  if (deletedAt !== null || error?.code === "key_not_found") {
    return <Gone cluster={cluster} keyBytes={keyBytes} deletedAt={deletedAt} unsaved={unsaved.current} onNavigate={onNavigate} />;
  }
  if (!data) return error ? <ErrorNote error={errorText(error, "load", name)} /> : <SkeletonRows label={name} rows={5} />;
  return (
    <article aria-label={t("articleName", { key: name })} className="space-y-4">
      <KeyPathHeading keyPath={name} />
      {error ? <ErrorNote error={errorText(error, "load", name)} /> : null}
      <KeyEditor3 cluster={cluster} keyBytes={keyBytes} data={data} reload={reload} onUnsavedChange={keepUnsaved} onDeleted={onDeleted} />
    </article>
  );
}

/** The key is gone: why, and Create it (with any unsaved text). */
function Gone({ cluster, keyBytes, deletedAt, unsaved, onNavigate }: { cluster: string; keyBytes: Uint8Array; deletedAt: string | null; unsaved: string | null; onNavigate: (target: V3KeyTarget) => void }) {
  const t = useTranslations("keyPanel");
  const t3 = useTranslations("keyPanel3");
  const [creating, setCreating] = useState(false);
  const { canWrite } = useAccess(cluster);
  const name = keyDisplay(keyBytes);
  const dir = parentOfKey(keyBytes);
  return (
    <article aria-label={t("articleName", { key: name })} className="space-y-4">
      <KeyPathHeading keyPath={name} />
      <p role="alert">{deletedAt !== null ? t3("gone.deleted", { key: name, revision: deletedAt }) : t3("gone.notFound", { key: name })}</p>
      {unsaved ? <p role="status">{t("gone.unsavedKept")}</p> : null}
      {canWrite ? (
        <Button variant="primary" onClick={() => setCreating(true)}>
          <FilePlus aria-hidden size={14} /> {t("gone.createIt")}
        </Button>
      ) : null}
      <NewKey3Dialog
        open={creating}
        onOpenChange={setCreating}
        cluster={cluster}
        dir={dir}
        initialName={keyDisplay(keyBytes.subarray(dir.length))}
        initialValue={unsaved ?? ""}
        onCreated={(key) => onNavigate({ kind: "key", key })}
      />
    </article>
  );
}
