"use client";
import { Plus, Trash2 } from "lucide-react";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { KindIcon } from "@/components/keys/bulk-delete-run";
import { errorText } from "@/components/keys/error-text";
import { KeyPathHeading } from "@/components/keys/key-path-heading";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/skeleton-rows";
import { base64ToBytes } from "@/lib/binary/value-bytes";
import { useAccess } from "@/lib/hooks/use-access";
import { useDir3 } from "@/lib/hooks/use-keys3";
import { useLiveKeys3Context } from "@/lib/hooks/use-live-keys3";
import { changesChildren, childId, PANEL_CHILDREN } from "@/lib/keypanel3/dir-children";
import { keyDisplay, parentOfDir, parseKeyDisplay } from "@/lib/keyspace3/key-bytes";
import { v3KeysPageHref, type V3KeyTarget } from "@/lib/keyspace3/key-url";
import { DeleteDir3Dialog } from "./delete-dir3-dialog";
import { NewKey3Dialog } from "./new-key3-dialog";

export interface DirectoryPanel3Props {
  cluster: string;
  /** The directory (the root: empty). */
  prefix: Uint8Array;
  onNavigate: (target: V3KeyTarget) => void;
}

/** The target of a directory: the root's own for the empty prefix. */
export const dirTarget = (prefix: Uint8Array): V3KeyTarget => (prefix.length === 0 ? { kind: "root" } : { kind: "dir", prefix });

/** How long a live change waits before the listing is read again (more changes meanwhile are the same read). */
const REREAD_AFTER_MS = 1_000;

/**
 * A v3 directory or the root: how many children it has, the first of them as links (the tree browses them all),
 * New key here, Delete directory (not the root).
 */
export function DirectoryPanel3({ cluster, prefix, onNavigate }: DirectoryPanel3Props) {
  const t = useTranslations("directory");
  const t3 = useTranslations("keyPanel3.dir");
  const tTree = useTranslations("keys3.tree");
  const { data, error, mutate } = useDir3(cluster, prefix);
  const { canWrite } = useAccess(cluster);
  const [dialog, setDialog] = useState<"key" | "delete" | null>(null);
  const live = useLiveKeys3Context();
  const listed = useMemo(() => new Set(data?.children.map(childId)), [data]);
  // A change that adds or removes a child (or a missed one) re-reads the listing, at most once a second: on a busy
  // keyspace (the root sees every change) the new values under it never do, and a burst is one read.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reread = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        void mutate();
      }, REREAD_AFTER_MS);
    };
    const unsubscribe = live.subscribe((batch) => {
      if (batch.kind === "resync") return reread();
      const changes = batch.events.map((event) => ({ type: event.type, key: base64ToBytes(event.key) ?? new Uint8Array(0) }));
      if (changes.some((change) => changesChildren(prefix, listed, change))) reread();
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [live, prefix, listed, mutate]);
  const isRoot = prefix.length === 0;
  // The root is the empty prefix, not "/" (a directory of its own on v3).
  const dir = isRoot ? t3("rootName") : keyDisplay(prefix);
  const close = (open: boolean) => (open ? undefined : setDialog(null));
  if (error) return <ErrorNote error={errorText(error, "load", dir)} />;
  if (!data) return <SkeletonRows label={dir} rows={5} />;
  return (
    <article aria-label={dir} className="space-y-4">
      <KeyPathHeading keyPath={dir} />
      <p role="status" aria-label={t("childCountLabel")}>
        {t3("childCount", { count: data.children.length, truncated: data.truncated ? "yes" : "no" })}
      </p>
      {canWrite ? (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setDialog("key")}>
            <Plus aria-hidden size={14} /> {t("newKey")}
          </Button>
          {isRoot ? null : (
            <Button variant="danger" onClick={() => setDialog("delete")} className="ml-auto">
              <Trash2 aria-hidden size={14} /> {t("delete")}
            </Button>
          )}
        </div>
      ) : null}
      {data.children.length === 0 ? (
        <p className="text-sm text-muted">{t("empty")}</p>
      ) : (
        <ul aria-label={t("contents")} className="space-y-0.5 text-sm">
          {data.children.slice(0, PANEL_CHILDREN).map((child) => {
            const parse = parseKeyDisplay(child.key);
            if (!parse.ok) return null;
            const target: V3KeyTarget = child.kind === "dir" ? { kind: "dir", prefix: parse.bytes } : { kind: "key", key: parse.bytes };
            return (
              <li key={`${child.kind}:${child.key}`} className="flex items-center gap-1.5">
                <KindIcon dir={child.kind === "dir"} />
                <Link href={v3KeysPageHref(cluster, target)} className="min-w-0 truncate whitespace-pre font-mono hover:underline">
                  {/* A key equal to the directory's prefix (`a/` in `a/`) has no name of its own: named as the tree names it. */}
                  {child.name === "" ? <span className="italic">{tTree("emptyName")}</span> : child.name}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {data.children.length > PANEL_CHILDREN ? <p className="text-sm text-muted">{t3("moreInTree", { shown: PANEL_CHILDREN })}</p> : null}
      <NewKey3Dialog open={dialog === "key"} onOpenChange={close} cluster={cluster} dir={prefix} onCreated={(key) => onNavigate({ kind: "key", key })} />
      {isRoot ? null : <DeleteDir3Dialog open={dialog === "delete"} onOpenChange={close} cluster={cluster} prefix={prefix} onDeleted={() => onNavigate(dirTarget(parentOfDir(prefix)))} />}
    </article>
  );
}
