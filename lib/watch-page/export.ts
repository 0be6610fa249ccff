// "Export JSON": a panel's kept log as a file. Pure: the shape and the file name; the download itself is
// the component's. Changes come with etcd's own nodes (v2) or key-values as the v3 stream sends them (bytes in
// base64, lib/watch3/protocol.ts), so the file can be fed to other tools as is. A v2 file is unchanged by v3:
// the v3 one says `keyspace: "v3"`, `prefix` and `fromRevision`.

import type { V2Node } from "@/lib/etcd/wire";
import type { KeyValueData3, ResyncReason3 } from "@/lib/watch3/protocol";
import type { ResyncReason, WatchAction } from "@/lib/watch/protocol";
import type { ActionFilter, LogEntry } from "./log";
import type { PanelSpec } from "./panels";

export type ExportedEntry =
  | { type: "change"; receivedAt: string; index: number; action: WatchAction; key: string; node: V2Node; prevNode?: V2Node }
  | { type: "resync"; receivedAt: string; etcdIndex: number; reason: ResyncReason }
  /** v3: `key` in its display form; `kv` and `prevKv` as the stream sent them. */
  | { type: "change"; receivedAt: string; revision: number; action: "put" | "delete"; key: string; kv: KeyValueData3; prevKv?: KeyValueData3 }
  | { type: "resync"; receivedAt: string; revision: number; reason: ResyncReason3 };

type PanelFields =
  | { key: string; recursive: boolean; fromIndex: number | null }
  | { keyspace: "v3"; key: string; prefix: boolean; fromRevision: number | null };

export type WatchExport = PanelFields & {
  cluster: string;
  /** The action filter applied ("all": none). Resync entries are always included. */
  filter: ActionFilter;
  exportedAt: string;
  /** Older entries the panel had let go (it keeps the newest 10,000): the file does not hold them. */
  droppedBefore: number;
  /** Oldest first: the shown log, then what arrived while paused. */
  entries: ExportedEntry[];
};

function exportedEntry(entry: LogEntry): ExportedEntry {
  const receivedAt = new Date(entry.receivedAt).toISOString();
  if (entry.kind === "resync") {
    return entry.keyspace === "v3"
      ? { type: "resync", receivedAt, revision: entry.position, reason: entry.reason as ResyncReason3 }
      : { type: "resync", receivedAt, etcdIndex: entry.position, reason: entry.reason as ResyncReason };
  }
  const { source } = entry.change;
  if (source.keyspace === "v3") {
    const { type, prevKv, ...kv } = source.event;
    return { type: "change", receivedAt, revision: kv.modRevision, action: type, key: entry.change.key, kv, ...(prevKv ? { prevKv } : {}) };
  }
  const { index, action, node, prevNode } = source.event;
  return { type: "change", receivedAt, index, action, key: node.key, node, ...(prevNode ? { prevNode } : {}) };
}

function panelFields(spec: PanelSpec): PanelFields {
  return spec.keyspace === "v3"
    ? { keyspace: "v3", key: spec.key, prefix: spec.prefix, fromRevision: spec.fromRevision ?? null }
    : { key: spec.key, recursive: spec.recursive, fromIndex: spec.fromIndex ?? null };
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
    ...panelFields(input.spec),
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
