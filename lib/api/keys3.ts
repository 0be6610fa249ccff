// The contract of the v3 keys and leases routes (`/api/clusters/:cluster/v3/keys`, `…/v3/leases/:id`), shared by
// the route handlers and the browser: the zod schemas of their queries and bodies, and the shapes they answer.
// Keys travel as their display form (lib/keyspace3/key-bytes.ts: the exact text of any bytes), values as base64
// plus their text when they are UTF-8; revisions and lease ids are decimal strings (they go above 2^53,
// etcd-v3-api.md §0.2). Browser-safe.
import { z } from "zod";
import { keyState3Schema } from "./errors";
import { v3DirParamSchema, v3KeyParamSchema } from "@/lib/keyspace3/key-url";

/** A revision as the API takes it: a decimal string, 1 or more (etcd's revisions are int64). */
export const revision3Schema = z.string().regex(/^[1-9]\d{0,18}$/, "a revision is a whole number, 1 or more, as a decimal string");

const UINT64_MAX = 18_446_744_073_709_551_615n;

/** A lease id: a decimal string, 1 or more, at most 2^64 - 1 (ids go above 2^53: never a JS number, §0.2). */
export const leaseId3Schema = z
  .string()
  .regex(/^[1-9]\d{0,19}$/, "a lease id is a whole number, 1 or more, in decimal")
  // zod runs this even when the regex failed: BigInt only of digits.
  .refine((id) => !/^\d+$/.test(id) || BigInt(id) <= UINT64_MAX, "a lease id fits in 64 bits");

/** etcd refuses a lease TTL above 9,000,000,000 s (§7); its minimum is 2 s, and it raises smaller ones to that. */
export const MAX_LEASE_TTL_SECONDS = 9_000_000_000;

export const leaseTtl3Schema = z
  .number({ error: "ttl must be a number of seconds" })
  .int("ttl must be a whole number of seconds")
  .min(1, "ttl is 1 second or more (etcd's minimum is 2)")
  .max(MAX_LEASE_TTL_SECONDS, "ttl is too large (etcd's maximum is 9,000,000,000 s)");

/** `GET …/v3/keys`: a key (`key=`) or a directory's children (`dir=`; "" is the root), never both. */
export const getKeys3QuerySchema = z
  .object({
    key: v3KeyParamSchema.optional(),
    dir: v3DirParamSchema.optional(),
    /** A listing: read at this revision (a truncated listing's, to go on with `from`). */
    revision: revision3Schema.optional(),
    /** A listing: go on from this key (a truncated listing's resumeKey). */
    from: v3KeyParamSchema.optional(),
  })
  .refine((q) => (q.key === undefined) !== (q.dir === undefined), { path: ["key"], message: "give key= (a key) or dir= (a directory), one of them" })
  .refine((q) => q.dir !== undefined || (q.revision === undefined && q.from === undefined), { path: ["from"], message: "revision= and from= go with dir=" });

/** `key=` alone: the key a write concerns. */
export const keyQuery3Schema = z.object({ key: v3KeyParamSchema });

/**
 * `DELETE …/v3/keys?key=&modRevision=`: compare-and-delete on the mod revision loaded (§3.3); or
 * `?dir=&seenAt=`: the directory's keys as they were at the revision the user saw, each compared on its mod revision.
 */
export const deleteKey3QuerySchema = z
  .object({
    key: v3KeyParamSchema.optional(),
    modRevision: revision3Schema.optional(),
    dir: v3DirParamSchema.refine((dir) => dir.length > 0, "the root is not deleted as a directory").optional(),
    seenAt: revision3Schema.optional(),
  })
  .refine((q) => (q.key === undefined) !== (q.dir === undefined), { path: ["key"], message: "give key= (a key) or dir= (a directory), one of them" })
  .refine((q) => q.key === undefined || (q.modRevision !== undefined && q.seenAt === undefined), { path: ["modRevision"], message: "a key is deleted with the modRevision it was loaded at" })
  .refine((q) => q.dir === undefined || (q.seenAt !== undefined && q.modRevision === undefined), { path: ["seenAt"], message: "a directory is deleted with seenAt: the revision it was listed at" });

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * `PUT …/v3/keys?key=`: the value (exactly one of `text`, UTF-8, and `base64`, any bytes), and either `modRevision`
 * (save: compare-and-swap on the mod revision loaded, §3.3) or `create: true` (only if absent, create_revision = 0).
 * The lease: a save keeps the key's unless `ttl` is given; `ttl: n` grants a lease of n seconds and attaches the key,
 * `ttl: null` detaches it.
 */
export const putKey3BodySchema = z
  .object({
    text: z.string().optional(),
    base64: z.string().regex(BASE64, "base64 is standard base64 with padding").optional(),
    modRevision: revision3Schema.optional(),
    create: z.literal(true).optional(),
    ttl: leaseTtl3Schema.nullable().optional(),
  })
  .strict()
  .refine((b) => (b.text === undefined) !== (b.base64 === undefined), { path: ["text"], message: "give the value as text or as base64, one of them" })
  .refine((b) => (b.modRevision === undefined) !== (b.create === undefined), { path: ["modRevision"], message: "give modRevision (save) or create: true (new key), one of them" });
export type PutKey3Body = z.infer<typeof putKey3BodySchema>;

/** A key's state (GET, and the current state a refused write carries in its error's `current`). */
export type KeyState3 = z.infer<typeof keyState3Schema>;
export type Value3 = KeyState3["value"];

export interface LeaseInfo3 {
  id: string;
  grantedTtl: number;
  /** Seconds left, truncated by etcd (0 may still be alive); -1: the lease is gone and the key about to go (§7). */
  ttl: number;
}

/** `GET …/v3/keys?key=`. */
export interface Key3Response extends Omit<KeyState3, "lease"> {
  keyspace: "v3";
  /** The revision the read saw. */
  revision: string;
  lease: LeaseInfo3 | null;
}

export type Child3 =
  | { kind: "dir"; name: string; key: string }
  | { kind: "leaf"; name: string; key: string; createRevision: string; modRevision: string; version: string; lease: string };

/** `GET …/v3/keys?dir=`: one level of the tree at one revision. */
export interface Dir3Response {
  keyspace: "v3";
  /** The directory's display form ("" for the root). */
  dir: string;
  revision: string;
  /** In the tree's order (compareChildren); `name` is the row's name (a directory's ends with "/"), `key` its key or prefix. */
  children: Child3[];
  truncated: boolean;
  /** When truncated: `from=` (with `revision=`) for the children after these. */
  resumeKey?: string;
}

/** `PUT` and `DELETE …/v3/keys` when applied. */
export interface Write3Response {
  keyspace: "v3";
  key: string;
  /** The revision of the write (the key's new mod revision after a put). */
  revision: string;
  /** After a put: the key's lease ("0" when none). */
  lease?: string;
}

/** `GET …/v3/leases/:id`: what a revoke would delete. */
export interface Lease3Response extends LeaseInfo3 {
  /** Display forms of every key attached to it. */
  keys: string[];
}
