"use client";
import { File, Folder } from "lucide-react";
import { useKey } from "@/lib/hooks/use-key";
import { baseNameOf, parentOf } from "@/lib/key-path";

export interface KeyTreeProps {
  cluster: string;
  selectedKey: string;
  onSelect: (key: string) => void;
}

/** The children of the selected directory (or of the selected key's directory). */
export function KeyTree({ cluster, selectedKey, onSelect }: KeyTreeProps) {
  const selected = useKey(cluster, selectedKey);
  const dir = selected.data?.node?.dir ? selectedKey : parentOf(selectedKey);
  const listing = useKey(cluster, dir);
  const children = listing.data?.node?.nodes ?? [];
  return (
    <ul role="tree" aria-label="Keys" className="overflow-auto p-2 text-sm">
      {children.map((node) => (
        <li key={node.key} role="treeitem" aria-selected={node.key === selectedKey} aria-expanded={node.dir ? false : undefined}>
          <button type="button" className="flex w-full items-center gap-2 rounded px-2 py-1 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800" onClick={() => onSelect(node.key)}>
            {node.dir ? <Folder aria-hidden size={14} /> : <File aria-hidden size={14} />}
            <span className="truncate">{baseNameOf(node.key)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
