"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { File, Folder, FolderPlus, ListPlus, Plus, Search, Trash2, Upload } from "lucide-react";
import { useDeferredValue, useMemo, useState } from "react";
import { ImportDialog, SearchDialog } from "./lazy-dialogs";
import { Button } from "@/components/ui/button";
import { useRegisterCommands, type Command } from "@/lib/commands/registry";
import { baseNameOf, parentOf } from "@/lib/key-path";
import { useAccess } from "@/lib/hooks/use-access";
import { formatCount } from "@/lib/tree/format";
import { NewKeyDialog, QueueDialog } from "./create-dialogs";
import { CopyMoveButtons } from "./copy-move-host";
import { DeleteDirectoryDialog } from "./delete-dialogs";
import { DirectoryTtl } from "./directory-ttl";
import { KeyDetails } from "./key-details";

const PREVIEW = 120;
/**
 * The panel lists at most this many children: the virtualized tree (with its filter) is where a big
 * directory is browsed, and 100,000 buttons here would freeze the page.
 */
const LISTED_CHILDREN = 100;
const NO_CHILDREN: V2Node[] = [];

/** A directory: its children (in etcd's sorted order, so in-order keys list in order) and what to do with it. */
export function DirectoryPanel({ cluster, node, onNavigate }: { cluster: string; node: V2Node; onNavigate: (key: string) => void }) {
  const [dialog, setDialog] = useState<"key" | "dir" | "queue" | "delete" | "search" | "import" | null>(null);
  const children = node.nodes ?? NO_CHILDREN;
  // The list of children renders in a second, interruptible pass: the tree's rows (and a click on them)
  // come first when a big directory arrives.
  const listed = useDeferredValue(children, NO_CHILDREN);
  const isRoot = node.key === "/";
  const dir = isRoot ? "/" : node.key;
  const close = (open: boolean) => (open ? undefined : setDialog(null));
  const { canWrite } = useAccess(cluster);
  // The same actions in the command palette (Ctrl/Cmd+K).
  const commands = useMemo(() => {
    const open = (which: NonNullable<typeof dialog>) => () => setDialog(which);
    const list: Command[] = [{ id: "dir search", label: `Search in ${dir}…`, group: "Directory", keywords: ["find", "grep"], run: open("search") }];
    if (canWrite) {
      list.push(
        { id: "dir new key", label: `New key in ${dir}…`, group: "Directory", keywords: ["create"], run: open("key") },
        { id: "dir new dir", label: `New directory in ${dir}…`, group: "Directory", keywords: ["create", "mkdir"], run: open("dir") },
        { id: "dir queue", label: `Add to queue in ${dir}…`, group: "Directory", keywords: ["in-order", "post"], run: open("queue") },
        { id: "dir import", label: `Import into ${dir}…`, group: "Directory", keywords: ["upload", "restore"], run: open("import") },
      );
      if (!isRoot) list.push({ id: "dir delete", label: `Delete ${dir}…`, group: "Directory", keywords: ["remove"], run: open("delete") });
    }
    return list;
  }, [canWrite, dir, isRoot]);
  useRegisterCommands("directory panel", commands);
  return (
    <div className="space-y-4">
      {isRoot ? null : <KeyDetails node={node} />}
      {isRoot || !canWrite ? null : <DirectoryTtl key={node.expiration ?? "permanent"} cluster={cluster} node={node} />}
      <p role="status" aria-label="Children count">
        Directory with {children.length} {children.length === 1 ? "child" : "children"}.
      </p>
      <Button onClick={() => setDialog("search")}>
        <Search aria-hidden size={14} /> {`Search in ${dir}`}
      </Button>
      {canWrite ? (
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setDialog("key")}>
            <Plus aria-hidden size={14} /> New key
          </Button>
          <Button onClick={() => setDialog("dir")}>
            <FolderPlus aria-hidden size={14} /> New directory
          </Button>
          <Button onClick={() => setDialog("queue")}>
            <ListPlus aria-hidden size={14} /> Add to queue
          </Button>
          {isRoot ? null : <CopyMoveButtons cluster={cluster} keyPath={dir} />}
          <Button onClick={() => setDialog("import")}>
            <Upload aria-hidden size={14} /> Import
          </Button>
          {isRoot ? null : (
            <Button variant="danger" onClick={() => setDialog("delete")}>
              <Trash2 aria-hidden size={14} /> Delete
            </Button>
          )}
        </div>
      ) : null}
      {listed.length > 0 ? (
        <ul aria-label="Children" className="divide-y divide-zinc-200 rounded-md border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
          {listed.slice(0, LISTED_CHILDREN).map((child) => (
            <li key={child.key}>
              <button
                type="button"
                onClick={() => onNavigate(child.key)}
                className="flex w-full items-center gap-2 px-3 py-1.5 text-left hover:bg-zinc-50 dark:hover:bg-zinc-900"
              >
                {child.dir ? <Folder aria-hidden size={14} className="shrink-0" /> : <File aria-hidden size={14} className="shrink-0" />}
                <span className="shrink-0 font-mono">{baseNameOf(child.key)}</span>
                {child.dir ? null : (
                  <span className="truncate font-mono text-zinc-500">
                    {(child.value ?? "").length > PREVIEW ? `${(child.value ?? "").slice(0, PREVIEW)}…` : child.value}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {children.length > LISTED_CHILDREN ? (
        <p className="text-sm text-zinc-500">
          {`The first ${LISTED_CHILDREN} of ${formatCount(children.length)} children. Browse all of them in the tree, where Filter narrows them down.`}
        </p>
      ) : null}
      <NewKeyDialog open={dialog === "key"} onOpenChange={close} cluster={cluster} dir={dir} onCreated={onNavigate} />
      <NewKeyDialog open={dialog === "dir"} onOpenChange={close} cluster={cluster} dir={dir} onCreated={onNavigate} kind="directory" />
      <SearchDialog open={dialog === "search"} onOpenChange={close} cluster={cluster} dirKey={dir} onSelect={onNavigate} />
      <QueueDialog open={dialog === "queue"} onOpenChange={close} cluster={cluster} dir={dir} />
      {canWrite ? <ImportDialog open={dialog === "import"} onOpenChange={close} cluster={cluster} dirKey={dir} /> : null}
      {isRoot ? null : <DeleteDirectoryDialog open={dialog === "delete"} onOpenChange={close} cluster={cluster} dir={dir} onDeleted={() => onNavigate(parentOf(dir))} />}
    </div>
  );
}
