// The URL of a v3 key on the Keys page: `/keys?cluster=prod&keyspace=v3&key=/registry/pods/web-0`. It holds the
// cluster (left out for `default`, as v2 links do), the keyspace (always: the default keyspace depends on the
// cluster, lib/keyspaces/support.ts) and the key, so a link opens the same key in the same keyspace of the same
// cluster. A directory is `dir=` instead of `key=` (`a/` can be a key and a directory at once, key-bytes.ts); the
// root has neither. v2 URLs (`/keys/a/b`, lib/keys-url.ts) do not change. Pure and browser-safe.
//
// Why the key is carried as its display form (key-bytes.ts), percent-encoded, and not as its raw bytes
// percent-encoded: every reader of a query (URLSearchParams, Next's `searchParams` and `useSearchParams()`)
// decodes `%FF` into U+FFFD, so a key that is not UTF-8 would silently become another key. The display form is
// always valid Unicode and survives any decoder exactly: `key=%5Cxff` reads `\xff`, the byte 0xff. A display form
// never holds U+FFFD, so one in a parameter means raw bytes were decoded away: refused, not guessed.
//
// Encoding: everything outside the URL's unreserved set (A-Z a-z 0-9 - . _ ~) is percent-encoded as UTF-8, `+`
// and `&` `=` `#` `%` `?` and `'()*!` included (so a Markdown link or a mail client does not cut the URL short),
// except "/", which a query may hold as is (RFC 3986 §3.4) and which keeps the URL readable.
import { z } from "zod";
import { clusterParamSchema } from "@/lib/api/schemas";
import { DEFAULT_CLUSTER_NAME } from "@/lib/keys-url";
import { isDirPrefix, keyDisplay, keyDisplayProblemMessage, parseKeyDisplay, type KeyDisplayParse } from "./key-bytes";

/** What a v3 Keys page shows: the root, a key, or a directory (a prefix ending with "/"). */
export type V3KeyTarget = { kind: "root" } | { kind: "key"; key: Uint8Array } | { kind: "dir"; prefix: Uint8Array };

/** A key's bytes as a query parameter value, already percent-encoded. */
export function encodeKeyParam(bytes: Uint8Array): string {
  return encodeURIComponent(keyDisplay(bytes))
    .replace(/[!'()*]/g, (char) => "%" + char.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%2F/g, "/");
}

/**
 * The bytes of a query parameter value as a query reader gives it (percent-decoded: URLSearchParams.get, Next's
 * searchParams). A problem, never an exception, for a malformed escape or a U+FFFD left by a lossy decoder.
 */
export function decodeKeyParam(value: string): KeyDisplayParse | { ok: false; problem: { code: "replacementCharacter"; index: number } } {
  const replaced = value.indexOf("\ufffd");
  if (replaced >= 0) return { ok: false, problem: { code: "replacementCharacter", index: replaced } };
  return parseKeyDisplay(value);
}

function keyParamProblemMessage(parse: Exclude<ReturnType<typeof decodeKeyParam>, { ok: true }>): string {
  if (parse.problem.code === "replacementCharacter") {
    return `a byte that is not UTF-8 was percent-encoded as is at character ${parse.problem.index + 1}: write it as \\xHH (for 0xff: %5Cxff)`;
  }
  return keyDisplayProblemMessage(parse.problem);
}

/** The Keys page of a v3 key, directory or the root. */
export function v3KeysPageHref(cluster: string, target: V3KeyTarget): string {
  const query = [cluster === DEFAULT_CLUSTER_NAME ? "" : `cluster=${encodeURIComponent(cluster)}`, "keyspace=v3"];
  if (target.kind === "key") query.push(`key=${encodeKeyParam(target.key)}`);
  // The directory "" is the root: written the root's way, so one place has one URL.
  if (target.kind === "dir" && target.prefix.length > 0) query.push(`dir=${encodeKeyParam(target.prefix)}`);
  return "/keys?" + query.filter(Boolean).join("&");
}

/** A query parameter's bytes, from its (percent-decoded) value (may be empty); an issue with the reason when malformed. */
export const bytesParamSchema = z.string().transform((value, ctx) => {
  const parse = decodeKeyParam(value);
  if (parse.ok) return parse.bytes;
  ctx.addIssue({ code: "custom", message: keyParamProblemMessage(parse) });
  return z.NEVER;
});

/** `key=`: a v3 key, one byte or more (etcd refuses an empty key, etcd-v3-api.md gotcha 6). */
export const v3KeyParamSchema = bytesParamSchema.refine((bytes) => bytes.length > 0, "a key is one byte or more (etcd has no empty key)");

/** `dir=`: a directory, "" (the root) or a prefix ending with "/". */
export const v3DirParamSchema = bytesParamSchema.refine(isDirPrefix, 'a directory ends with "/" (or is empty, for the root)');

/** A parameter given more than once is refused (which one would the page show?); once in an array is fine. */
function once<S extends z.ZodType>(name: string, schema: S) {
  return z.preprocess((value, ctx) => {
    if (!Array.isArray(value)) return value;
    if (value.length === 1) return value[0];
    ctx.addIssue({ code: "custom", message: `give ${name} once` });
    return z.NEVER;
  }, schema);
}

/**
 * The query of a v3 Keys page, as Next's `searchParams` gives it (or queryRecord of a URLSearchParams), into the
 * cluster and the target. Use safeParse: a malformed key is an issue with its reason, never an exception.
 */
export const v3KeysPageQuerySchema = z
  .object({
    cluster: once("cluster", clusterParamSchema).optional(),
    keyspace: once("keyspace", z.literal("v3", { error: 'keyspace is "v3" here' })),
    key: once("key", v3KeyParamSchema).optional(),
    dir: once("dir", v3DirParamSchema).optional(),
  })
  .refine((query) => query.key === undefined || query.dir === undefined, { path: ["dir"], message: "give key or dir, not both" })
  .transform((query): { cluster: string; keyspace: "v3"; target: V3KeyTarget } => ({
    cluster: query.cluster ?? DEFAULT_CLUSTER_NAME,
    keyspace: "v3",
    target: query.key ? { kind: "key", key: query.key } : query.dir?.length ? { kind: "dir", prefix: query.dir } : { kind: "root" },
  }));
export type V3KeysPageQuery = z.output<typeof v3KeysPageQuerySchema>;

/** A URLSearchParams as Next's `searchParams` record: a name given twice keeps both values, so `once` can refuse it. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    record[name] = values.length === 1 ? values[0]! : values;
  }
  return record;
}
