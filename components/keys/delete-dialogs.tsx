"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field } from "@/components/ui/field";
import { deleteKey, getKey } from "@/lib/api/keys-client";
import type { ErrorText } from "@/lib/editor/error-text";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { baseNameOf } from "@/lib/key-path";
import { errorText, isApiError } from "./error-text";

export interface DeleteKeyDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  node: V2Node;
  onDeleted: () => void;
  onUnknownOutcome: () => void;
}

/** Compare-and-delete on the loaded modifiedIndex: a key changed behind the panel is not deleted. */
export function DeleteKeyDialog({ open, onOpenChange, cluster, node, onDeleted, onUnknownOutcome }: DeleteKeyDialogProps) {
  const afterWrite = useAfterWrite();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await deleteKey(cluster, node.key, { prevIndex: node.modifiedIndex });
      toast.success(`Deleted ${node.key}`);
      onOpenChange(false);
      void afterWrite(cluster, node.key);
      onDeleted();
    } catch (caught) {
      setError(errorText(caught, "delete", node.key));
      if (isApiError(caught) && caught.outcomeUnknown) onUnknownOutcome();
    } finally {
      setBusy(false);
    }
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setError(null);
        onOpenChange(next);
      }}
      title={`Delete ${baseNameOf(node.key)}?`}
      description={`${node.key} (index ${node.modifiedIndex ?? "?"}) will be deleted, unless it changed since you loaded it.`}
    >
      <ErrorNote error={error} />
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => onOpenChange(false)}>Cancel</Button>
        <Button variant="danger" onClick={() => void confirm()} disabled={busy}>
          Delete
        </Button>
      </div>
    </Dialog>
  );
}

/** Files and directories below a recursive listing's node. */
export function countDescendants(node: V2Node): { keys: number; dirs: number } {
  let keys = 0;
  let dirs = 0;
  for (const child of node.nodes ?? []) {
    if (child.dir) {
      dirs++;
      const below = countDescendants(child);
      keys += below.keys;
      dirs += below.dirs;
    } else keys++;
  }
  return { keys, dirs };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export interface DeleteDirectoryDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  dir: string;
  onDeleted: () => void;
}

/** Deleting a directory: says how much it holds; a non-empty one needs its name typed. */
export function DeleteDirectoryDialog({ open, onOpenChange, cluster, dir, onDeleted }: DeleteDirectoryDialogProps) {
  const afterWrite = useAfterWrite();
  const name = baseNameOf(dir);
  const [count, setCount] = useState<{ keys: number; dirs: number } | null>(null);
  const [typed, setTyped] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorText | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    getKey(cluster, dir, { recursive: true, quorum: true })
      .then((result) => !cancelled && result.node && setCount(countDescendants(result.node)))
      .catch((caught: unknown) => !cancelled && setError(errorText(caught, "load", dir)));
    return () => {
      cancelled = true;
    };
  }, [open, cluster, dir, generation]);

  const empty = count !== null && count.keys + count.dirs === 0;
  const confirmed = empty || typed === name;

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await deleteKey(cluster, dir, empty ? { dir: true } : { dir: true, recursive: true });
      toast.success(`Deleted ${dir}`);
      close(false);
      void afterWrite(cluster, dir);
      onDeleted();
    } catch (caught) {
      setError(errorText(caught, "delete", dir));
      // Something was added meanwhile: count again, and ask for the name.
      if (isApiError(caught, "directory_not_empty")) setGeneration((g) => g + 1);
    } finally {
      setBusy(false);
    }
  }

  function close(next: boolean) {
    if (!next) {
      setTyped("");
      setError(null);
      setCount(null);
    }
    onOpenChange(next);
  }

  return (
    <Dialog open={open} onOpenChange={close} title={`Delete directory ${name}?`}>
      <p role="status" className="mb-3 text-sm">
        {count === null
          ? `Counting what ${dir} holds…`
          : empty
            ? `${dir} is empty.`
            : `${dir} holds ${plural(count.keys, "key", "keys")}${count.dirs ? ` in ${plural(count.dirs + 1, "directory", "directories")} (itself included)` : ""}. All of it will be deleted.`}
      </p>
      {count !== null && !empty ? (
        <Field label="Type the directory name to confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" hint={`Type ${name}`} />
      ) : null}
      <div className="mt-3">
        <ErrorNote error={error} />
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => close(false)}>Cancel</Button>
        <Button variant="danger" onClick={() => void confirm()} disabled={busy || count === null || !confirmed}>
          Delete
        </Button>
      </div>
    </Dialog>
  );
}
