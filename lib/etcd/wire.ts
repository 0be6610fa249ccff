// Raw etcd v2 wire shapes, validated with zod before anything trusts them (see etcd-v2-api.md §3.3, §6).
// The key node and response types are the dashboard's too: the HTTP API passes etcd's shapes on, and the
// browser type-imports them from here (types only: nothing of this module runs in the browser).
import { z } from "zod";

export const v2ActionSchema = z.enum([
  "get",
  "set",
  "create",
  "update",
  "delete",
  "expire",
  "compareAndSwap",
  "compareAndDelete",
]);
export type V2Action = z.infer<typeof v2ActionSchema>;

/**
 * A key or directory as etcd v2 describes it, in the client, the HTTP API and the browser alike. Only
 * `key` is always there: the root of a listing comes from etcd without one, and the client fills in "/"
 * (lib/etcd/decode.ts). `nodes` holds a directory's children when it was listed; `ttl` and `expiration`
 * only a node that expires.
 */
export interface V2Node {
  key: string;
  value?: string;
  dir?: boolean;
  expiration?: string;
  ttl?: number;
  nodes?: V2Node[];
  modifiedIndex?: number;
  createdIndex?: number;
}

const isOptional = (value: unknown, type: "string" | "boolean") => value === undefined || typeof value === type;
const isOptionalIndex = (value: unknown) => value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);

/**
 * Checks a node tree shaped as etcd sends it (a node without a key passes: the root of a listing). Hand-written rather than a recursive zod schema: a
 * listing of 100,000 children took zod 80-150 ms to check, this loop a few ms. Iterative, so a deep
 * tree cannot overflow the stack.
 */
export function isV2NodeTree(root: unknown): root is V2Node {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null || Array.isArray(node)) return false;
    const n = node as Record<string, unknown>;
    if (!isOptional(n.key, "string") || !isOptional(n.value, "string") || !isOptional(n.dir, "boolean")) return false;
    if (!isOptional(n.expiration, "string")) return false;
    if (n.ttl !== undefined && !Number.isSafeInteger(n.ttl)) return false;
    if (!isOptionalIndex(n.modifiedIndex) || !isOptionalIndex(n.createdIndex)) return false;
    if (n.nodes !== undefined) {
      if (!Array.isArray(n.nodes)) return false;
      for (const child of n.nodes) pending.push(child);
    }
  }
  return true;
}

const v2NodeSchema = z.custom<V2Node>(isV2NodeTree, { message: "not an etcd v2 node" });

export const v2ResponseSchema = z.object({
  action: v2ActionSchema,
  node: v2NodeSchema.optional(),
  prevNode: v2NodeSchema.optional(),
});
export type V2Response = z.infer<typeof v2ResponseSchema>;

export const v2ErrorSchema = z.object({
  errorCode: z.number().int(),
  message: z.string(),
  cause: z.string().optional(),
  index: z.number().int().optional(),
});

export const messageErrorSchema = z.object({ message: z.string() });

export const versionsSchema = z.object({ etcdserver: z.string(), etcdcluster: z.string() });
export type Versions = z.infer<typeof versionsSchema>;

export const healthSchema = z.object({ health: z.string() });

export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  peerURLs: z.array(z.string()),
  clientURLs: z.array(z.string()),
});
export type Member = z.infer<typeof memberSchema>;
export const membersSchema = z.object({ members: z.array(memberSchema).nullable().transform((m) => m ?? []) });

export const selfStatsSchema = z.looseObject({
  name: z.string(),
  id: z.string(),
  state: z.string(),
  startTime: z.string(),
  leaderInfo: z.looseObject({ leader: z.string(), uptime: z.string(), startTime: z.string() }),
  recvAppendRequestCnt: z.number(),
  sendAppendRequestCnt: z.number(),
  recvPkgRate: z.number().optional(),
  recvBandwidthRate: z.number().optional(),
  sendPkgRate: z.number().optional(),
  sendBandwidthRate: z.number().optional(),
});
export type SelfStats = z.infer<typeof selfStatsSchema>;

const latencySchema = z.object({
  current: z.number(),
  average: z.number(),
  standardDeviation: z.number(),
  minimum: z.number(),
  maximum: z.number(),
});
export const leaderStatsSchema = z.object({
  leader: z.string(),
  followers: z
    .record(z.string(), z.object({ latency: latencySchema, counts: z.object({ fail: z.number(), success: z.number() }) }))
    .nullable()
    .transform((f) => f ?? {}),
});
export type LeaderStats = z.infer<typeof leaderStatsSchema>;

export const storeStatsSchema = z.looseObject({
  getsSuccess: z.number(),
  getsFail: z.number(),
  setsSuccess: z.number(),
  setsFail: z.number(),
  deleteSuccess: z.number(),
  deleteFail: z.number(),
  updateSuccess: z.number(),
  updateFail: z.number(),
  createSuccess: z.number(),
  createFail: z.number(),
  compareAndSwapSuccess: z.number(),
  compareAndSwapFail: z.number(),
  compareAndDeleteSuccess: z.number(),
  compareAndDeleteFail: z.number(),
  expireCount: z.number(),
  watchers: z.number(),
});
export type StoreStats = z.infer<typeof storeStatsSchema>;

// The v2 auth API (etcd-v2-api.md §8). Lists come back as null when empty, and a role created without
// permissions has `read: null` / `write: null`: both become [].
const globListSchema = z.array(z.string()).nullable().optional().transform((g) => g ?? []);

export const authEnabledSchema = z.object({ enabled: z.boolean() });

export const wireRoleSchema = z.object({
  role: z.string(),
  permissions: z
    .object({ kv: z.object({ read: globListSchema, write: globListSchema }) })
    .optional()
    .transform((p) => p?.kv ?? { read: [], write: [] }),
});
export type WireRole = z.infer<typeof wireRoleSchema>;

export const wireRolesSchema = z.object({ roles: z.array(wireRoleSchema).nullable().transform((r) => r ?? []) });

/** GET /v2/auth/users[/name]: each user's roles in full (roles that no longer exist are left out). */
export const wireUserSchema = z.object({
  user: z.string(),
  roles: z.array(wireRoleSchema).nullable().optional().transform((r) => r ?? []),
});
export type WireUser = z.infer<typeof wireUserSchema>;

export const wireUsersSchema = z.object({ users: z.array(wireUserSchema).nullable().transform((u) => u ?? []) });

/** The answer to a user write: role names only. */
export const wireUserWriteSchema = z.object({
  user: z.string(),
  roles: z.array(z.string()).nullable().optional().transform((r) => r ?? []),
});
