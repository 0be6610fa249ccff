// The JSON lines POST …/copy streams (lib/api/server/ndjson.ts), shared by the route and the browser.

export type CopyMovePhase = "copy" | "delete";

/**
 * Why one key or directory was not copied, or (in a move) not deleted:
 * - exists: the destination is there already; it is never overwritten.
 * - skipped: below a destination directory that could not be created.
 * - failed: etcd refused or failed the write (`code` and `message` say why).
 * - expired: the source's TTL ran out before it could be copied.
 * - changed: the source key changed after it was read; the move keeps it.
 * - not-empty: a source directory gained keys (or holds hidden ones); the move keeps it.
 * - gone: the source was deleted (or expired) by someone else meanwhile.
 */
export type CopyMoveProblemKind = "exists" | "skipped" | "failed" | "expired" | "changed" | "not-empty" | "gone";

export interface CopyMoveReport {
  from: string;
  to: string;
  move: boolean;
  /** Keys and directories of the source, as read. */
  total: number;
  copied: number;
  /** Not copied: exists, skipped, failed (expired sources are counted apart). */
  notCopied: number;
  expired: number;
  /** Move only: sources deleted, and sources kept (changed, not empty, failed). */
  deleted: number;
  kept: number;
  /** Move only: whether the delete phase ran (it runs only when every copy succeeded). */
  deletedSource: boolean;
  /** Set when the operation stopped before the end (etcd unreachable, an unknown outcome, cancelled). */
  stopped?: string;
}

export type CopyMoveLine =
  | { type: "start"; from: string; to: string; move: boolean; keys: number; dirs: number; total: number }
  | { type: "progress"; phase: CopyMovePhase; done: number; total: number }
  | { type: "problem"; phase: CopyMovePhase; kind: CopyMoveProblemKind; key: string; target?: string; code?: string; message: string }
  | { type: "done"; report: CopyMoveReport };
