// One change as a Watch panel's log keeps it, whatever the keyspace: where it happened (v2's index or v3's
// revision), what happened, to which key, the value before and after, and the facts the details dialog lists.
// The stream's own data rides along (`source`) for "Export JSON", which writes what etcd sent. The rows, the
// details dialog, the filter and the export read this one shape. Pure and browser-safe.
import type { V2Node } from "@/lib/etcd/wire";
import { base64ToBytes, hexDump } from "@/lib/binary/value-bytes";
import { keyDisplay } from "@/lib/keyspace3/key-bytes";
import type { KeyValueData3, WatchEventData3 } from "@/lib/watch3/protocol";
import type { WatchAction, WatchEvent } from "@/lib/watch/protocol";

/** v2's actions, and v3's two event types (etcd-v3-api.md §6.2: PUT and DELETE). */
export type LogAction = WatchAction | "put" | "delete";
export const V3_ACTIONS = ["put", "delete"] as const satisfies readonly LogAction[];

/**
 * A value as the log shows it: text, a v2 directory, bytes that are not UTF-8 (v3 values are bytes, §1.2:
 * shown as a hex dump), or nothing (no such key before / after).
 */
export type ShownValue = { kind: "text"; text: string } | { kind: "dir" } | { kind: "bytes"; size: number; hex: string } | { kind: "none" };

export interface ValueChange {
  before: ShownValue;
  after: ShownValue;
}

/** A fact of the details dialog: its name (a `watch.details` message) and value. */
export type FactName = "createdIndex" | "modifiedIndex" | "ttl" | "expires" | "createRevision" | "modRevision" | "version" | "lease";
export type Fact = [FactName, string | number];

export type ChangeSource = { keyspace: "v2"; event: WatchEvent } | { keyspace: "v3"; event: WatchEventData3 };

export interface LogChange {
  /** v2: etcd's index of the change; v3: its revision (the key's new mod revision). */
  position: number;
  action: LogAction;
  /** v2: the key; v3: its display form (bytes that are not UTF-8 as `\xHH`, lib/keyspace3/key-bytes.ts). */
  key: string;
  change: ValueChange;
  /** The key's state before the change (absent: none, or not given) and after it. */
  facts: { previous?: Fact[]; current: Fact[] };
  source: ChangeSource;
}

/** The unit of a change's position, for the rows' and dialog's words. */
export function positionUnit(change: LogChange): "index" | "revision" {
  return change.source.keyspace === "v3" ? "revision" : "index";
}

const REMOVES = new Set<LogAction>(["delete", "expire", "compareAndDelete"]);

function shownNode(node: V2Node | undefined): ShownValue {
  if (!node) return { kind: "none" };
  if (node.dir) return { kind: "dir" };
  return { kind: "text", text: node.value ?? "" };
}

function nodeFacts(node: V2Node): Fact[] {
  const facts: [FactName, string | number | undefined][] = [
    ["createdIndex", node.createdIndex],
    ["modifiedIndex", node.modifiedIndex],
    ["ttl", node.ttl],
    ["expires", node.expiration],
  ];
  return facts.filter((fact): fact is Fact => fact[1] !== undefined);
}

/** A v2 change, as the v2 stream delivered it. */
export function changeFromV2(event: WatchEvent): LogChange {
  return {
    position: event.index,
    action: event.action,
    key: event.node.key,
    change: { before: shownNode(event.prevNode), after: REMOVES.has(event.action) ? { kind: "none" } : shownNode(event.node) },
    facts: { ...(event.prevNode ? { previous: nodeFacts(event.prevNode) } : {}), current: nodeFacts(event.node) },
    source: { keyspace: "v2", event },
  };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A v3 value (base64 of its bytes): text when the bytes are UTF-8, else a hex dump of (at most 4 KiB of) them. */
function shownBytes(base64: string | undefined): ShownValue {
  const bytes = base64ToBytes(base64 ?? "") ?? new Uint8Array(0);
  try {
    return { kind: "text", text: strictUtf8.decode(bytes) };
  } catch {
    return { kind: "bytes", size: bytes.length, hex: hexDump(bytes, 4096).text };
  }
}

function kvFacts(kv: KeyValueData3): Fact[] {
  const facts: Fact[] = [
    ["createRevision", kv.createRevision],
    ["modRevision", kv.modRevision],
    ["version", kv.version],
  ];
  if (kv.lease !== undefined) facts.push(["lease", kv.lease]);
  return facts;
}

/**
 * A v3 change, as the v3 stream delivered it (bytes in base64). A DELETE's kv carries only the key and its
 * revision (§6.2): its value after is none and its facts are the revision alone; the value before comes
 * from prevKv, which the hub asks etcd for.
 */
export function changeFromV3(event: WatchEventData3): LogChange {
  const deleted = event.type === "delete";
  const prev = event.prevKv;
  return {
    position: event.modRevision,
    action: event.type,
    key: keyDisplay(base64ToBytes(event.key) ?? new Uint8Array(0)),
    change: { before: prev ? shownBytes(prev.value) : { kind: "none" }, after: deleted ? { kind: "none" } : shownBytes(event.value) },
    facts: { ...(prev ? { previous: kvFacts(prev) } : {}), current: deleted ? [["modRevision", event.modRevision]] : kvFacts(event) },
    source: { keyspace: "v3", event },
  };
}

/** Why a value is missing: no key before the change, or the key gone (expired or deleted) after it. */
export function absentKind(side: "before" | "after", action: LogAction): "none" | "expired" | "deleted" {
  if (side === "before") return "none";
  return action === "expire" ? "expired" : "deleted";
}
