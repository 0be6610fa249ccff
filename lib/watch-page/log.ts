// One panel's log of changes: what is kept, what is held while paused, what fell off the cap. Pure and
// immutable (a React reducer's state); the panel feeds it batches, not single events, so a busy watch
// costs one copy of the log per batch rather than one per event.
import type { Keyspace } from "@/lib/keyspaces/support";
import type { ResyncReason3 } from "@/lib/watch3/protocol";
import type { ResyncReason } from "@/lib/watch/protocol";
import type { LogAction, LogChange } from "./log-change";

/**
 * A busy recursive watch can deliver thousands of events a second: a panel keeps the newest 10,000
 * (about 10-20 MB of values at typical sizes) and counts the ones it let go.
 */
export const MAX_KEPT_ENTRIES = 10_000;

export type LogItem =
  /** A change, v2 or v3, in the one shape (log-change.ts). */
  | { kind: "event"; receivedAt: number; change: LogChange }
  /**
   * The stream missed events (etcd's history moved on, or compacted on v3): the log says so rather than hide
   * the gap. `position`: the index (v2) or revision (v3) reloaded at; changes after it follow.
   */
  | { kind: "resync"; receivedAt: number; keyspace: Keyspace; position: number; reason: ResyncReason | ResyncReason3 };

/** A log item with a sequence number, unique within its panel: a stable identity for rendering. */
export type LogEntry = LogItem & { seq: number };

export interface WatchLog {
  /** Shown, oldest first. */
  entries: LogEntry[];
  /** Received while paused, oldest first: shown on resume, never dropped silently. */
  held: LogEntry[];
  paused: boolean;
  /** How many entries the cap pushed out (of `entries` and `held`) since the last clear. */
  dropped: number;
  nextSeq: number;
}

export const emptyLog: WatchLog = { entries: [], held: [], paused: false, dropped: 0, nextSeq: 1 };

/** `list` with only its newest `cap` entries, and how many went. */
function capped(list: LogEntry[], cap: number): { list: LogEntry[]; dropped: number } {
  return list.length <= cap ? { list, dropped: 0 } : { list: list.slice(list.length - cap), dropped: list.length - cap };
}

/**
 * Adds a batch, in the order received. While paused it goes to `held`, capped as well: the log could
 * never show more than `cap` entries anyway. Entries kept and held together stay within `cap`.
 */
export function receive(log: WatchLog, items: readonly LogItem[], cap = MAX_KEPT_ENTRIES): WatchLog {
  if (items.length === 0) return log;
  const numbered = items.map((item, i) => ({ ...item, seq: log.nextSeq + i }));
  const nextSeq = log.nextSeq + items.length;
  if (log.paused) {
    const held = capped(log.held.concat(numbered), cap);
    const entries = capped(log.entries, cap - held.list.length);
    return { ...log, held: held.list, entries: entries.list, dropped: log.dropped + held.dropped + entries.dropped, nextSeq };
  }
  const entries = capped(log.entries.concat(numbered), cap);
  return { ...log, entries: entries.list, dropped: log.dropped + entries.dropped, nextSeq };
}

export function pause(log: WatchLog): WatchLog {
  return log.paused ? log : { ...log, paused: true };
}

/** Shows what was held, after what was already shown. */
export function resume(log: WatchLog): WatchLog {
  if (!log.paused) return log;
  return { ...log, paused: false, entries: log.entries.concat(log.held), held: [] };
}

/** Empties the log, held entries included; keeps the pause and the numbering. */
export function clear(log: WatchLog): WatchLog {
  return { ...log, entries: [], held: [], dropped: 0 };
}

/** "all", or one action: the panel's filter. */
export type ActionFilter = LogAction | "all";

/**
 * The entries a filter shows. Resync rows always show: hiding a gap in the history behind a filter
 * would make the filtered log look complete when it is not.
 */
export function filterEntries(entries: readonly LogEntry[], filter: ActionFilter): readonly LogEntry[] {
  if (filter === "all") return entries;
  return entries.filter((entry) => entry.kind === "resync" || entry.change.action === filter);
}

/** How many of `entries` are changes (not resync rows). */
export function countEvents(entries: readonly LogEntry[]): number {
  let n = 0;
  for (const entry of entries) if (entry.kind === "event") n += 1;
  return n;
}
