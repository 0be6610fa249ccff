"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { FolderPlus, ListPlus, Plus, Search, Trash2, Upload } from "lucide-react";
import { useDeferredValue, useId, useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { ImportDialog, SearchDialog } from "./lazy-dialogs";
import { Button } from "@/components/ui/button";
import { useRegisterCommands, type Command } from "@/lib/commands/registry";
import { parentOf } from "@/lib/key-path";
import { useAccess } from "@/lib/hooks/use-access";
import { useTreeState } from "@/lib/hooks/use-tree-store";
import { treeStoreOf } from "@/lib/tree/store";
import { filterTextFor } from "@/lib/tree/tree-state";
import { NewKeyDialog, QueueDialog } from "./create-dialogs";
import { CopyMoveButtons } from "./copy-move-host";
import { DeleteDirectoryDialog } from "./delete-dialogs";
import { DirectoryChildren } from "./directory-children";
import { DirectoryTtl } from "./directory-ttl";
import { KeyDetails } from "./key-details";

const NO_CHILDREN: V2Node[] = [];

/**
 * A directory: its properties (indexes, TTL, how many children), what to do with it, and its contents: every
 * child in a virtualized table. The children are the listing the tree reads (the same SWR entry: one request),
 * narrowed by the tree's filter (the same state in the cluster's tree store, the same rule).
 */
export function DirectoryPanel({ cluster, node, onNavigate }: { cluster: string; node: V2Node; onNavigate: (key: string) => void }) {
  const t = useTranslations("directory");
  const [dialog, setDialog] = useState<"key" | "dir" | "queue" | "delete" | "search" | "import" | null>(null);
  const children = node.nodes ?? NO_CHILDREN;
  // The table renders in a second, interruptible pass: the tree's rows (and a click on them) come first when a
  // big directory arrives.
  const listed = useDeferredValue(children, NO_CHILDREN);
  const isRoot = node.key === "/";
  const dir = isRoot ? "/" : node.key;
  const store = treeStoreOf(cluster);
  const filterText = useTreeState(store, (s) => filterTextFor(s, dir));
  const setFilter = (text: string) => {
    store.setFilter(dir, text);
    // As in the tree: filtering a directory's children opens it there, so both show the same matches.
    if (text) store.setOpen(dir, true);
  };
  const filterId = useId();
  const close = (open: boolean) => (open ? undefined : setDialog(null));
  const { canWrite } = useAccess(cluster);
  // The same actions in the command palette (Ctrl/Cmd+K).
  const commands = useMemo(() => {
    const open = (which: NonNullable<typeof dialog>) => () => setDialog(which);
    const group = t("commandGroup");
    const list: Command[] = [{ id: "dir search", label: t("commandSearch", { dir }), group, keywords: ["find", "grep"], run: open("search") }];
    if (canWrite) {
      list.push(
        { id: "dir new key", label: t("commandNewKey", { dir }), group, keywords: ["create"], run: open("key") },
        { id: "dir new dir", label: t("commandNewDirectory", { dir }), group, keywords: ["create", "mkdir"], run: open("dir") },
        { id: "dir queue", label: t("commandQueue", { dir }), group, keywords: ["in-order", "post"], run: open("queue") },
        { id: "dir import", label: t("commandImport", { dir }), group, keywords: ["upload", "restore"], run: open("import") },
      );
      if (!isRoot) list.push({ id: "dir delete", label: t("commandDelete", { dir }), group, keywords: ["remove"], run: open("delete") });
    }
    return list;
  }, [canWrite, dir, isRoot, t]);
  useRegisterCommands("directory panel", commands);
  return (
    <div className="space-y-6">
      <section aria-label={t("propertiesLabel")} className="space-y-3">
        <p role="status" aria-label={t("childCountLabel")}>
          {t("childCount", { count: children.length })}
        </p>
        {isRoot ? null : <KeyDetails node={node} />}
        {isRoot || !canWrite ? null : <DirectoryTtl key={node.expiration ?? "permanent"} cluster={cluster} node={node} />}
      </section>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setDialog("search")}>
          <Search aria-hidden size={14} /> {t("search", { dir })}
        </Button>
        {canWrite ? (
          <>
            <Button onClick={() => setDialog("key")}>
              <Plus aria-hidden size={14} /> {t("newKey")}
            </Button>
            <Button onClick={() => setDialog("dir")}>
              <FolderPlus aria-hidden size={14} /> {t("newDirectory")}
            </Button>
            <Button onClick={() => setDialog("queue")}>
              <ListPlus aria-hidden size={14} /> {t("queue")}
            </Button>
            {isRoot ? null : <CopyMoveButtons cluster={cluster} keyPath={dir} />}
            <Button onClick={() => setDialog("import")}>
              <Upload aria-hidden size={14} /> {t("import")}
            </Button>
            {isRoot ? null : (
              <Button variant="danger" onClick={() => setDialog("delete")} className="ml-auto">
                <Trash2 aria-hidden size={14} /> {t("delete")}
              </Button>
            )}
          </>
        ) : null}
      </div>
      <section aria-labelledby={`${filterId}-heading`} className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={`${filterId}-heading`} className="text-sm font-medium">
            {t("contents")}
          </h2>
          {children.length > 0 ? (
            <input
              type="search"
              aria-label={t("filterLabel")}
              value={filterText}
              onChange={(e) => setFilter(e.target.value)}
              placeholder={t("filterPlaceholder")}
              autoComplete="off"
              spellCheck={false}
              className="w-56 min-w-0 rounded border border-line-strong bg-surface px-2 py-1 text-sm"
            />
          ) : null}
        </div>
        {/* Empty by its listing, not by the deferred copy (empty for a moment while a big one renders). */}
        {children.length === 0 ? (
          <p className="text-sm text-muted">{t("empty")}</p>
        ) : (
          <DirectoryChildren items={listed} filterText={filterText} onClearFilter={() => setFilter("")} onOpen={onNavigate} />
        )}
      </section>
      <NewKeyDialog open={dialog === "key"} onOpenChange={close} cluster={cluster} dir={dir} onCreated={onNavigate} />
      <NewKeyDialog open={dialog === "dir"} onOpenChange={close} cluster={cluster} dir={dir} onCreated={onNavigate} kind="directory" />
      <SearchDialog open={dialog === "search"} onOpenChange={close} cluster={cluster} dirKey={dir} onSelect={onNavigate} />
      <QueueDialog open={dialog === "queue"} onOpenChange={close} cluster={cluster} dir={dir} />
      {canWrite ? <ImportDialog open={dialog === "import"} onOpenChange={close} cluster={cluster} dirKey={dir} /> : null}
      {isRoot ? null : <DeleteDirectoryDialog open={dialog === "delete"} onOpenChange={close} cluster={cluster} dir={dir} onDeleted={() => onNavigate(parentOf(dir))} />}
    </div>
  );
}
