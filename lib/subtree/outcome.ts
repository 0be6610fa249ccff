// What the subtree engine (./delete.ts) reports: one outcome per node, in the order they settle. Pure types.

/**
 * - deleted: gone, by this run.
 * - changed: kept, because it changed since it was read (or listed, or seen by the user).
 * - added: kept, because it was created after the subtree was read (or seen by the user).
 * - not_empty: a directory kept because something is still in it (`added` lists what this run did not keep itself).
 * - gone: already deleted (or expired) by someone else.
 * - failed: etcd refused or could not be reached (`outcomeUnknown`: the delete may have happened).
 * - not_attempted: the run stopped (Stop, or a failure every following delete would repeat) before its turn.
 */
export type NodeOutcomeKind = "deleted" | "changed" | "added" | "not_empty" | "gone" | "failed" | "not_attempted";

export interface NodeOutcome {
  key: string;
  dir: boolean;
  outcome: NodeOutcomeKind;
  /** Why, in words, for everything but "deleted". */
  message?: string;
  /** failed: the API error code (etcd_unavailable, etcd_unauthorized …). */
  code?: string;
  outcomeUnknown?: boolean;
  /** not_empty: what is in it that this run did not keep itself (written meanwhile), at most ADDED_LISTED. */
  added?: { key: string; dir: boolean }[];
  /** not_empty: how many such entries there are (more than `added` holds when it was capped). */
  addedCount?: number;
}

export type SubtreeEvent =
  /** After the read: how many keys and directories the run will try to delete. */
  | { type: "planned"; keys: number; dirs: number }
  | ({ type: "node" } & NodeOutcome)
  /** Last, when the run stopped before the end: why. */
  | { type: "stopped"; reason: string; code?: string; outcomeUnknown?: boolean };

/** The entries listed for one directory kept because something was written into it. */
export const ADDED_LISTED = 1000;
