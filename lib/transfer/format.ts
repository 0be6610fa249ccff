// The export file: a documented, versioned JSON format for a subtree (README "Export and import"), shared by
// the export route (which writes it), the import route (which validates it) and the browser. Pure.
import type { V2Node } from "@/lib/etcd/wire";
import { z } from "zod";
import { ttlSchema } from "@/lib/api/schemas";
import { keySchema } from "@/lib/api/schemas";
import { baseNameOf, keyProblem, keyProblemMessage, splitKey } from "@/lib/key-path";

export const EXPORT_FORMAT = "etcd-dashboard-export";
export const EXPORT_VERSION = 1;

/**
 * One key or directory. `key` is relative to the directory the file is imported into: the path below the
 * exported directory ("a/b"), or, for a single exported key, its own name. Directories have `dir: true`
 * and no value; keys have a value ("" included). `ttl`: seconds left when exported; absent when permanent.
 */
export interface ExportNode {
  key: string;
  dir?: true;
  value?: string;
  ttl?: number;
}

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** The cluster it was exported from (for the reader: an import may go to any cluster). */
  cluster: string;
  /** The exported directory or key, absolute ("/" for the whole keyspace). */
  root: string;
  /** Whether `root` was a directory (its descendants are the nodes) or a key (the one node). */
  rootDir: boolean;
  /** etcd's index of the read the file was made from. */
  etcdIndex: number;
  exportedAt: string;
}

export interface ExportFile extends ExportHeader {
  nodes: ExportNode[];
}

/** The most nodes a file may hold (100,000 keys is the size the dashboard is built for; room to spare). */
const MAX_IMPORT_NODES = 1_000_000;

/** A key below the import directory, "a/b": the one key rule of lib/key-path.ts, without the leading "/". */
const relativeKeySchema = z
  .string()
  .min(1, "a key is required")
  .superRefine((key, ctx) => {
    if (key.startsWith("/")) ctx.addIssue({ code: "custom", message: 'a key is relative to the import directory: no leading "/"' });
    const problem = key.startsWith("/") ? null : keyProblem(`/${key}`);
    if (problem) ctx.addIssue({ code: "custom", message: keyProblemMessage(problem) });
  });

const exportNodeSchema = z
  .object({
    key: relativeKeySchema,
    dir: z.literal(true).optional(),
    value: z.string({ error: "a key's value is a string" }).optional(),
    // 0 or less would expire at once: an exported TTL is at least 1 (see ttlOf).
    ttl: ttlSchema.min(1, "ttl is 1 or more").optional(),
  })
  .strict()
  .refine((node) => (node.dir === true) !== (node.value !== undefined), { message: "a node is either a directory (dir: true) or a key with a value" });

/**
 * The file as the import route reads it: the header checked here, the nodes only as an array (each one is
 * checked by parseNodes, in batches, so that 100,000 of them don't hold up the server in one go).
 */
export const importFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `not an ${EXPORT_FORMAT} file` }),
  version: z.literal(EXPORT_VERSION, { error: `only version ${EXPORT_VERSION} of the format is known` }),
  cluster: z.string().max(256).optional(),
  root: keySchema.optional(),
  rootDir: z.boolean().optional(),
  etcdIndex: z.number().optional(),
  exportedAt: z.string().max(64).optional(),
  nodes: z.array(z.unknown()).max(MAX_IMPORT_NODES, `at most ${MAX_IMPORT_NODES} nodes`),
});
export type ImportFileInput = z.infer<typeof importFileSchema>;

/** Query of POST …/import/{dir…}. */
export const importQuerySchema = z
  .object({
    /** Only plan: nothing is written. */
    dryRun: z.enum(["true", "false"], { error: 'use "true" or "false"' }).transform((v) => v === "true").optional(),
    /** What to do with a key that exists with another value. */
    onExisting: z.enum(["skip", "overwrite"], { error: 'onExisting is "skip" or "overwrite"' }).optional(),
    /**
     * The etcdIndex of the dry run the user saw: a key changed or created after it is not overwritten but
     * reported, because the user decided on what the preview showed.
     */
    since: z
      .string()
      .regex(/^[1-9]\d{0,15}$/, "since is the etcdIndex of the dry run")
      .transform(Number)
      .optional(),
  })
  .strict();
export type ImportQuery = z.infer<typeof importQuerySchema>;

/** The TTL to export for a node read from etcd: seconds left, at least 1 (etcd's can be 0 or -1 when overdue). */
export function ttlOf(node: { ttl?: number; expiration?: string }): number | undefined {
  if (node.expiration === undefined && node.ttl === undefined) return undefined;
  return Math.max(1, node.ttl ?? 1);
}

/**
 * The export's nodes from a recursive listing of `root`, parents before children, children in name order
 * (as a `sorted` read lists them). Yields one at a time so the caller can send them in pieces.
 */
export function* exportNodes(root: V2Node, rootKey: string): Generator<ExportNode> {
  if (!root.dir) {
    yield withTtl({ key: baseNameOf(rootKey), value: root.value ?? "" }, root);
    return;
  }
  const prefixLength = rootKey === "/" ? 1 : rootKey.length + 1;
  // An explicit stack, children pushed in reverse: a deep tree cannot overflow the call stack.
  const stack: V2Node[] = [...(root.nodes ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const key = node.key.slice(prefixLength);
    yield withTtl(node.dir ? { key, dir: true } : { key, value: node.value ?? "" }, node);
    const children = node.nodes;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function withTtl(node: ExportNode, from: V2Node): ExportNode {
  const ttl = ttlOf(from);
  return ttl === undefined ? node : { ...node, ttl };
}

/** A file name for the download: "etcd-<cluster>-<path>.json" with anything unusual replaced by "_". */
export function exportFileName(cluster: string, root: string): string {
  const path = splitKey(root).join("-") || "root";
  const safe = `etcd-${cluster}-${path}`.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._-]+/, "").slice(0, 120);
  return `${safe || "etcd-export"}.json`;
}

/** A Content-Disposition header for the download: an ASCII name, and the UTF-8 one where it differs. */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Nodes checked between two turns of the event loop (zod takes some tens of microseconds per node). */
const BATCH = 500;

export interface NodeIssue {
  path: string;
  message: string;
}

/**
 * Checks every node and that the file is consistent: no key twice, and nothing below a key (only below a
 * directory). Yields to the event loop between batches. Returns the nodes, or the first issues found.
 */
export async function parseNodes(raw: readonly unknown[], yieldNow: () => Promise<void> = () => Promise.resolve()): Promise<{ nodes: ExportNode[] } | { issues: NodeIssue[] }> {
  const nodes: ExportNode[] = [];
  const issues: NodeIssue[] = [];
  const kinds = new Map<string, boolean>(); // key -> is a directory
  for (let i = 0; i < raw.length; i++) {
    if (i > 0 && i % BATCH === 0) await yieldNow();
    const parsed = exportNodeSchema.safeParse(raw[i]);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ path: ["body", "nodes", i, ...issue.path.map(String)].join("."), message: issue.message });
    } else if (kinds.has(parsed.data.key)) {
      issues.push({ path: `body.nodes.${i}.key`, message: `the key "${parsed.data.key}" is in the file twice` });
    } else {
      kinds.set(parsed.data.key, parsed.data.dir === true);
      nodes.push(parsed.data);
    }
    if (issues.length >= 20) break;
  }
  if (issues.length === 0) {
    for (let i = 0; i < nodes.length; i++) {
      if (i > 0 && i % BATCH === 0) await yieldNow();
      const segments = nodes[i]!.key.split("/");
      for (let depth = 1; depth < segments.length; depth++) {
        const ancestor = segments.slice(0, depth).join("/");
        if (kinds.get(ancestor) === false) {
          issues.push({ path: `body.nodes.${i}.key`, message: `"${nodes[i]!.key}" is below "${ancestor}", which the file has as a key, not a directory` });
          break;
        }
      }
      if (issues.length >= 20) break;
    }
  }
  return issues.length ? { issues } : { nodes };
}
