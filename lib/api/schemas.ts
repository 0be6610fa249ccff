// Input schemas shared by the route handlers and the browser forms (one schema for both sides).
import { z } from "zod";
import { keyProblem, keyProblemMessage, type KeyProblem } from "@/lib/key-path";

/**
 * What a form shows for a refused field, as a code (carried in a custom issue's `params.form`): the form words it
 * in the page's language (lib/hooks/use-validation-text.ts); the issue's English message is for API clients.
 */
export type FormProblem =
  | { code: "invalidKey"; problem: KeyProblem }
  | { code: "keyNotAbsolute" }
  | { code: "keyIsRoot" }
  | { code: "destinationIsSource" }
  | { code: "destinationInsideSource" };

/** The form problem a zod issue carries, if any. */
export function formProblemOf(issue: { params?: Record<string, unknown> }): FormProblem | undefined {
  return issue.params?.form as FormProblem | undefined;
}

const form = (problem: FormProblem) => ({ params: { form: problem } });

/** Largest TTL accepted: about 68 years, well inside etcd's int64 nanoseconds. */
const MAX_TTL_SECONDS = 2_147_483_647;

export const ttlSchema = z
  .number({ error: "ttl must be a number of seconds" })
  .int("ttl must be a whole number of seconds")
  .min(0, "ttl cannot be negative")
  .max(MAX_TTL_SECONDS, "ttl is too large");

export const indexSchema = z
  .number({ error: "an index must be a number" })
  .int("an index is a whole number")
  .min(1, "an index is 1 or more")
  .max(Number.MAX_SAFE_INTEGER);

/**
 * A key as every request body and form takes it: absolute ("/a/b"), checked segment by segment and
 * for length as etcd will receive it (lib/key-path.ts: the one rule, shared with the routes' paths).
 */
export const keySchema = z
  .string({ error: "a key is required" })
  .refine((key) => key.startsWith("/"), { message: 'a key starts with "/", like /a/b', ...form({ code: "keyNotAbsolute" }) })
  .superRefine((key, ctx) => {
    const problem = keyProblem(key);
    if (problem) ctx.addIssue({ code: "custom", message: `not a valid key: ${keyProblemMessage(problem)}`, ...form({ code: "invalidKey", problem }) });
  });

/** A key that is not the root (what can be deleted, copied or moved). */
export const keyBelowRootSchema = keySchema.refine((key) => key !== "/", { message: "a key below the root, like /a/b (the root itself cannot be)", ...form({ code: "keyIsRoot" }) });

/** Query-string booleans: only "true" and "false" (etcd's own parser would accept "T" or "1"). */
export const queryBooleanSchema = z
  .enum(["true", "false"], { error: 'use "true" or "false"' })
  .transform((v) => v === "true");

const queryIndexSchema = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, "an index is a whole number, 1 or more")
  .transform(Number)
  .pipe(indexSchema);

/** GET …/keys/{key…} */
export const getKeyQuerySchema = z
  .object({
    recursive: queryBooleanSchema.optional(),
    sorted: queryBooleanSchema.optional(),
    quorum: queryBooleanSchema.optional(),
  })
  .strict();
export type GetKeyQuery = z.infer<typeof getKeyQuerySchema>;

/** PUT …/keys/{key…}: set, create, update, compare-and-swap, TTL set / refresh / remove, mkdir. */
export const putKeyBodySchema = z
  .object({
    value: z.string().optional(),
    dir: z.boolean().optional(),
    /** Seconds; null removes the TTL. Leaving it out makes etcd drop any TTL too. */
    ttl: ttlSchema.nullable().optional(),
    refresh: z.boolean().optional(),
    prevExist: z.boolean().optional(),
    prevValue: z.string().min(1, "prevValue cannot be empty").optional(),
    prevIndex: indexSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.dir && body.value !== undefined) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "a directory has no value" });
    }
    if (body.refresh) {
      if (typeof body.ttl !== "number") ctx.addIssue({ code: "custom", path: ["ttl"], message: "a TTL refresh needs a ttl" });
      if (body.value !== undefined) ctx.addIssue({ code: "custom", path: ["value"], message: "a TTL refresh keeps the value: leave value out" });
    }
    if (body.prevExist === false && (body.prevValue !== undefined || body.prevIndex !== undefined)) {
      ctx.addIssue({
        code: "custom",
        path: ["prevExist"],
        message: "prevExist=false (create) cannot be combined with prevValue or prevIndex",
      });
    }
    // etcd stores "" for a PUT without value: never let a missing value wipe a key.
    if (!body.dir && !body.refresh && body.value === undefined) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "value is required (or dir: true, or refresh: true with a ttl)" });
    }
  });
export type PutKeyBody = z.infer<typeof putKeyBodySchema>;

/** POST …/keys/{dir…}: an in-order key. */
export const postKeyBodySchema = z
  .object({
    value: z.string({ error: "value is required" }),
    ttl: ttlSchema.optional(),
  })
  .strict();
export type PostKeyBody = z.infer<typeof postKeyBodySchema>;

/** DELETE …/keys/{key…} */
export const deleteKeyQuerySchema = z
  .object({
    dir: queryBooleanSchema.optional(),
    recursive: queryBooleanSchema.optional(),
    prevValue: z.string().min(1, "prevValue cannot be empty").optional(),
    prevIndex: queryIndexSchema.optional(),
  })
  .strict();
export type DeleteKeyQuery = z.infer<typeof deleteKeyQuerySchema>;

/** The most peer URLs one member takes. */
export const MAX_PEER_URLS = 16;

/** POST …/members */
export const addMemberBodySchema = z
  .object({
    peerURLs: z
      .array(
        z.url({ protocol: /^(https?|unixs?)$/, error: "a peer URL is http(s)://host:port" }),
      )
      .min(1, "at least one peer URL")
      .max(MAX_PEER_URLS),
  })
  .strict();
export type AddMemberBody = z.infer<typeof addMemberBodySchema>;

export const memberIdParamSchema = z.string().regex(/^[0-9a-f]{1,16}$/, "a member id is up to 16 hex digits");

export const clusterParamSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, "not a valid cluster name");

export const loginBodySchema = z
  .object({
    username: z.string().min(1, "enter your user name").max(64),
    password: z.string().min(1, "enter your password").max(1024),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

/** DELETE /api/sessions: whose sessions end. */
export const sessionsQuerySchema = z.object({ user: z.string().min(1, "name the user").max(64) }).strict();

// etcd v2 auth administration (…/auth, …/auth/users, …/auth/roles).

/** A user or role name as etcd can address it: one URL path segment. */
export const authNameSchema = z
  .string({ error: "a name is required" })
  .min(1, "a name is required")
  .max(256, "a name is at most 256 characters")
  .refine((n) => n !== "." && n !== "..", 'a name cannot be "." or ".."')
  .refine((n) => !n.includes("/"), 'a name cannot contain "/"')
  .refine((n) => !/[\u0000-\u001f\u007f]/.test(n), "a name cannot contain control characters");

/** HTTP Basic splits "user:password" at the first ":": a user name with one could never log in. */
export const newUserNameSchema = authNameSchema.refine((n) => !n.includes(":"), 'a user name cannot contain ":"');

/** etcd hashes passwords with bcrypt, which ignores everything after 72 bytes: refuse rather than truncate. */
const MAX_PASSWORD_BYTES = 72;
export const passwordSchema = z
  .string({ error: "a password is required" })
  .min(1, "a password is required")
  .refine((p) => new TextEncoder().encode(p).length <= MAX_PASSWORD_BYTES, `a password is at most ${MAX_PASSWORD_BYTES} bytes (etcd's bcrypt ignores the rest)`);

/** A key pattern of a role: an exact key ("/app/cfg") or a prefix ending in "*" ("/app/*"). */
const keyGlobSchema = z
  .string()
  .min(1, 'a key pattern starts with "/", e.g. /app/*')
  .max(1024, "a key pattern is at most 1024 characters")
  .refine((g) => g.startsWith("/"), 'a key pattern starts with "/" (etcd keys always do), e.g. /app/*')
  .refine((g) => !/[\u0000-\u001f\u007f]/.test(g), "a key pattern cannot contain control characters");
const keyGlobListSchema = z.array(keyGlobSchema).max(256, "at most 256 patterns");
const roleNameListSchema = z.array(authNameSchema).min(1, "name at least one role").max(64, "at most 64 roles");

/** PUT …/auth/users/{name}: create a user. */
export const createUserBodySchema = z
  .object({ password: passwordSchema, roles: z.array(authNameSchema).max(64, "at most 64 roles").optional() })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/** PATCH …/auth/users/{name}: one change at a time, so each is audited as what it is. */
export const patchUserBodySchema = z.union(
  [
    z.object({ password: passwordSchema }).strict(),
    z.object({ grant: roleNameListSchema }).strict(),
    z.object({ revoke: roleNameListSchema }).strict(),
  ],
  { error: "send exactly one of password, grant (role names) or revoke (role names)" },
);
export type PatchUserBody = z.infer<typeof patchUserBodySchema>;

/** PUT …/auth/roles/{name}: create a role with the key patterns it may read and write. */
export const createRoleBodySchema = z
  .object({ read: keyGlobListSchema.default([]), write: keyGlobListSchema.default([]) })
  .strict();
export type CreateRoleBody = z.input<typeof createRoleBodySchema>;

const permissionListsSchema = z.object({ read: keyGlobListSchema.optional(), write: keyGlobListSchema.optional() }).strict();

/** PATCH …/auth/roles/{name}: grant and / or revoke patterns, in one etcd write. */
export const patchRoleBodySchema = z
  .object({ grant: permissionListsSchema.optional(), revoke: permissionListsSchema.optional() })
  .strict()
  .refine(
    (b) => [b.grant?.read, b.grant?.write, b.revoke?.read, b.revoke?.write].some((l) => l !== undefined && l.length > 0),
    "name at least one pattern to grant or revoke",
  );
export type PatchRoleBody = z.infer<typeof patchRoleBodySchema>;

/** POST …/auth/narrow-guest: take "/*" away from guest's writes, and its reads too when `read` is true. */
export const narrowGuestBodySchema = z.object({ read: z.boolean().optional() }).strict();
export type NarrowGuestBody = z.infer<typeof narrowGuestBodySchema>;

/** A query parameter given empty (`?user=`, as a plain form sends it) counts as left out. */
function optionalParam<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

/** The writes the audit log records (lib/audit/entry.ts). */
export const AUDIT_OPERATIONS = [
  "put",
  "post",
  "delete",
  "member-add",
  "member-remove",
  "auth-enable",
  "auth-disable",
  "user-create",
  "user-password",
  "user-grant",
  "user-revoke",
  "user-delete",
  "role-create",
  "role-grant",
  "role-revoke",
  "role-update",
  "role-delete",
  "guest-narrow",
  "lease-refresh",
  "lease-revoke",
  "login",
  "login-failed",
  "logout",
  "logout-everywhere",
] as const;
/** ok: applied; failed: refused or failed, outcome unknown included; unknown: only those that may have been applied. */
const AUDIT_RESULTS = ["ok", "failed", "unknown"] as const;
export const AUDIT_PAGE_DEFAULT_LIMIT = 100;
const AUDIT_PAGE_MAX_LIMIT = 1000;

const isoTimeSchema = z.iso.datetime({ offset: true, error: "a time is an ISO 8601 date and time, e.g. 2026-01-31T09:30:00Z" });

/** GET /api/audit: the filter (all optional, combined with "and"), then where to go on from and how many. */
export const auditQuerySchema = z
  .object({
    user: optionalParam(z.string().max(256, "user is too long")),
    cluster: optionalParam(clusterParamSchema),
    operation: optionalParam(z.enum(AUDIT_OPERATIONS, { error: `operation is one of ${AUDIT_OPERATIONS.join(", ")}` })),
    result: optionalParam(z.enum(AUDIT_RESULTS, { error: `result is one of ${AUDIT_RESULTS.join(", ")}` })),
    /** Part of the key or member id, any case. */
    q: optionalParam(z.string().max(1024, "q is too long")),
    from: optionalParam(isoTimeSchema),
    to: optionalParam(isoTimeSchema),
    /** nextCursor of the previous page: older entries than those already shown. */
    cursor: optionalParam(z.string().regex(/^\d{1,16}$/, "cursor is the nextCursor of a previous answer").transform(Number)),
    limit: optionalParam(
      z
        .string()
        .regex(/^\d{1,5}$/, "limit is a whole number")
        .transform(Number)
        .pipe(z.number().min(1, "limit is 1 or more").max(AUDIT_PAGE_MAX_LIMIT, `limit is at most ${AUDIT_PAGE_MAX_LIMIT}`)),
    ),
  })
  .strict()
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), { path: ["to"], message: "to is before from" });
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditFilter = Omit<AuditQuery, "cursor" | "limit">;
