// "Export JSON": a panel's kept log as a file. Pure: the shape and the file name; the download itself is
// the component's. Changes come with etcd's own nodes, so the file can be fed to other tools as is.

import type { V2Node } from "@/lib/etcd/wire";
import type { ResyncReason, WatchAction } from "@/lib/watch/protocol";
import type { ActionFilter, LogEntry } from "./log";
import type { PanelSpec } from "./panels";

export type ExportedEntry =
  | { type: "change"; receivedAt: string; index: number; action: WatchAction; key: string; node: V2Node; prevNode?: V2Node }
  | { type: "resync"; receivedAt: string; etcdIndex: number; reason: ResyncReason };

export interface WatchExport {
  cluster: string;
  key: string;
  recursive: boolean;
  fromIndex: number | null;
  /** The action filter applied ("all": none). Resync entries are always included. */
  filter: ActionFilter;
  exportedAt: string;
  /** Older entries the panel had let go (it keeps the newest 10,000): the file does not hold them. */
  droppedBefore: number;
  /** Oldest first: the shown log, then what arrived while paused. */
  entries: ExportedEntry[];
}

function exportedEntry(entry: LogEntry): ExportedEntry {
  const receivedAt = new Date(entry.receivedAt).toISOString();
  if (entry.kind === "resync") return { type: "resync", receivedAt, etcdIndex: entry.etcdIndex, reason: entry.reason };
  const { index, action, node, prevNode } = entry.event;
  return { type: "change", receivedAt, index, action, key: node.key, node, ...(prevNode ? { prevNode } : {}) };
}

export function buildExport(input: {
  cluster: string;
  spec: PanelSpec;
  filter: ActionFilter;
  /** Already filtered, oldest first. */
  entries: readonly LogEntry[];
  dropped: number;
  now: Date;
}): WatchExport {
  return {
    cluster: input.cluster,
    key: input.spec.key,
    recursive: input.spec.recursive,
    fromIndex: input.spec.fromIndex ?? null,
    filter: input.filter,
    exportedAt: input.now.toISOString(),
    droppedBefore: input.dropped,
    entries: input.entries.map(exportedEntry),
  };
}

/** "etcd-watch-default-config-app-20261124T160301Z.json": safe on every file system. */
export function exportFileName(cluster: string, key: string, now: Date): string {
  const slug = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "root";
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `etcd-watch-${slug(cluster)}-${slug(key).slice(0, 80)}-${stamp}.json`;
}
