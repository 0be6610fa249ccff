// Copy and move of a key or a directory (etcd v2 has no such operation): the request's rules, the
// mapping of source keys to destination keys, and the ordered list of writes a recursive read turns
// into. Pure; the route (app/api/clusters/[cluster]/copy) runs the writes (lib/copy-move/run.ts).
import type { V2Node } from "@/lib/etcd/wire";
import { z } from "zod";
import { keyBelowRootSchema, type FormProblem } from "@/lib/api/schemas";
import { isWithin } from "@/lib/key-path";

/** POST …/copy */
export const copyMoveBodySchema = z
  .object({
    from: keyBelowRootSchema,
    to: keyBelowRootSchema,
    /** Delete the source once every key and directory is copied. */
    move: z.boolean().default(false),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.from === body.to) ctx.addIssue({ code: "custom", path: ["to"], message: "the destination is the source itself", params: { form: { code: "destinationIsSource" } satisfies FormProblem } });
    else if (isWithin(body.to, body.from)) ctx.addIssue({ code: "custom", path: ["to"], message: "the destination is inside the source", params: { form: { code: "destinationInsideSource" } satisfies FormProblem } });
  });
export type CopyMoveBody = z.input<typeof copyMoveBodySchema>;

/** Where `key` (the source `from` or below it) goes when `from` is copied to `to`. */
export function mapKey(key: string, from: string, to: string): string {
  if (key === from) return to;
  if (!key.startsWith(from + "/")) throw new Error(`${key} is not below ${from}`);
  return to + key.slice(from.length);
}

/** One write of a copy: a directory or a key created at `target`, from `source` as it was read. */
export interface CopyItem {
  source: string;
  target: string;
  dir: boolean;
  value?: string;
  /** The source's expiration (RFC 3339), when it has a TTL. */
  expiration?: string;
  /** The source's modifiedIndex when read: a move deletes the key only if it is still this. */
  modifiedIndex?: number;
  /** Depth below the source (0 for the source itself), so a move removes the deepest directories first. */
  depth: number;
}

/**
 * The writes of a copy, parents before their children (etcd would create a missing parent itself, as a
 * permanent directory, and the parent's own create would then fail). Iterative: no stack overflow on a
 * deep tree. Children in key order, so progress and reports read in order.
 */
export function planCopy(root: V2Node, from: string, to: string): CopyItem[] {
  const items: CopyItem[] = [];
  const pending: { node: V2Node; depth: number }[] = [{ node: root, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    const source = node.key;
    items.push({
      source,
      target: mapKey(source, from, to),
      dir: node.dir === true,
      value: node.dir ? undefined : (node.value ?? ""),
      expiration: node.expiration,
      modifiedIndex: node.modifiedIndex,
      depth,
    });
    if (node.nodes) {
      const children = [...node.nodes].sort((a, b) => a.key.localeCompare(b.key));
      for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i]!, depth: depth + 1 });
    }
  }
  return items;
}

/**
 * The TTL to give a copy: the seconds the source has left, rounded up; null for a permanent source;
 * 0 or less when the source has expired already (and is not copied).
 */
export function remainingTtl(expiration: string | undefined, now: number): number | null {
  if (!expiration) return null;
  const at = Date.parse(expiration);
  if (Number.isNaN(at)) return null;
  return Math.ceil((at - now) / 1000);
}

/** The target of every item below `dirTarget` (a directory that could not be created: nothing goes in it). */
export function isBelow(target: string, dirTarget: string): boolean {
  return target !== dirTarget && isWithin(target, dirTarget);
}
