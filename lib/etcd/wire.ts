// Raw etcd v2 wire shapes, validated with zod before anything trusts them (see etcd-v2-api.md §3.3, §6).
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

export interface V2Node {
  key?: string;
  value?: string;
  dir?: boolean;
  expiration?: string;
  ttl?: number;
  nodes?: V2Node[];
  modifiedIndex?: number;
  createdIndex?: number;
}

export const v2NodeSchema: z.ZodType<V2Node> = z.object({
  key: z.string().optional(),
  value: z.string().optional(),
  dir: z.boolean().optional(),
  expiration: z.string().optional(),
  ttl: z.number().int().optional(),
  get nodes() {
    return z.array(v2NodeSchema).optional();
  },
  modifiedIndex: z.number().int().nonnegative().optional(),
  createdIndex: z.number().int().nonnegative().optional(),
});

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
