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

/**
 * Why a copy / move stopped early: a copy failure etcd would repeat or whose outcome is unknown (`code`), a move
 * that deleted nothing because not all was copied, or a delete failure; `notTried` counts what was left alone.
 */
export type CopyMoveStop = { reason: "copyFailed" | "deleteFailed"; code: string; notTried: number } | { reason: "notAllCopied"; notCopied: number; total: number };

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
  /** Set when the operation stopped before the end (etcd unreachable, an unknown outcome, cancelled): in English, for API clients. */
  stopped?: string;
  /** The same as a code and its numbers, which the dialog words in the page's language. */
  stop?: CopyMoveStop;
}

export type CopyMoveLine =
  | { type: "start"; from: string; to: string; move: boolean; keys: number; dirs: number; total: number }
  | { type: "progress"; phase: CopyMovePhase; done: number; total: number }
  | {
      type: "problem";
      phase: CopyMovePhase;
      kind: CopyMoveProblemKind;
      key: string;
      target?: string;
      code?: string;
      /** In English, for API clients; the dialog words `kind` with the fields below. */
      message: string;
      /** skipped: the directory that could not be created. */
      blockedDir?: string;
      /** changed: the source's modifiedIndex when it was copied. */
      index?: number;
    }
  | { type: "done"; report: CopyMoveReport };
