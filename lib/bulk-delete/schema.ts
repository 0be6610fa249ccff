// Bulk delete (the tree's "Delete selected…"): the request the browser sends and the lines the server streams
// back (lib/api/server/ndjson.ts). Shared by the route and the dialog. Pure.
import { z } from "zod";
import { indexSchema, keyBelowRootSchema } from "@/lib/api/schemas";

/** Keys per request: the browser sends a bigger selection in several requests, one after the other. */
export const MAX_BULK_DELETE_ITEMS = 10_000;

export const bulkDeleteItemSchema = z
  .object({
    key: keyBelowRootSchema,
    /** The modifiedIndex the browser listed the key (or directory) with: the delete compares with it. */
    prevIndex: indexSchema,
    /** A directory: deleted with its whole subtree, key by key (see lib/subtree/delete.ts). */
    dir: z.boolean().optional(),
    /**
     * A directory: the etcd index of the read the user confirmed (the Delete dialog's count). What was
     * created or written in it after that index is kept and reported, even if the server's read sees it.
     */
    seenAt: indexSchema.optional(),
  })
  .strict();
export type BulkDeleteItem = z.infer<typeof bulkDeleteItemSchema>;

/** POST …/bulk-delete */
export const bulkDeleteBodySchema = z
  .object({
    items: z
      .array(bulkDeleteItemSchema)
      .min(1, "select at least one key")
      .max(MAX_BULK_DELETE_ITEMS, `at most ${MAX_BULK_DELETE_ITEMS} keys at once`)
      .refine((items) => new Set(items.map((i) => i.key)).size === items.length, "each key at most once"),
  })
  .strict();
export type BulkDeleteBody = z.infer<typeof bulkDeleteBodySchema>;

/**
 * How one selected key ended:
 * - deleted: gone (a directory: with everything that was in it);
 * - changed: changed since the browser listed it (the compare failed; a directory deleted and created again,
 *   or now a key), so it was kept;
 * - added: (inside a directory) written after the directory was read or shown, so it was kept;
 * - missing: already gone;
 * - not_empty: a directory whose keys were deleted but that still holds keys changed or added meanwhile;
 * - failed: etcd refused or could not be reached (`outcomeUnknown`: the delete may have happened);
 * - not_attempted: the run stopped (Stop, or etcd unavailable) before its turn.
 */
const BULK_DELETE_OUTCOMES = ["deleted", "changed", "added", "missing", "not_empty", "failed", "not_attempted"] as const;
export type BulkDeleteOutcome = (typeof BULK_DELETE_OUTCOMES)[number];

export interface BulkDeleteItemResult {
  key: string;
  dir: boolean;
  outcome: BulkDeleteOutcome;
  /** Why, in words, for everything but "deleted". */
  message?: string;
  /** The API error code behind "failed" (etcd_unavailable, etcd_unauthorized …). */
  code?: string;
  outcomeUnknown?: boolean;
  /** A directory: keys deleted inside it; kept because they changed or appeared meanwhile; failed; not attempted. */
  deletedKeys?: number;
  keptKeys?: number;
  failedKeys?: number;
  notAttemptedKeys?: number;
}

export type BulkDeleteLine =
  | { type: "start"; total: number }
  /** A directory's subtree is being deleted: keys deleted so far and keys it holds. */
  | { type: "progress"; key: string; deletedKeys: number; totalKeys: number }
  /** Something inside a selected directory that was not deleted (kept, or failed), before that directory's item line. */
  | ({ type: "inside"; under: string } & BulkDeleteItemResult)
  | ({ type: "item" } & BulkDeleteItemResult)
  | { type: "done"; deleted: number; notDeleted: number };
