// The Watch page's panels live in the URL, so a link reopens them: one repeated `w=` parameter per
// panel, next to `cluster=`. A v2 panel is written as its options, then its key (which always starts with
// "/", so the options end at the first "/"); a v3 panel as "v3:", its options, ":" and the key's display form
// (lib/keyspace3/key-bytes.ts: any bytes, "\xHH" for those that are not UTF-8; empty with "p": every key):
//
//   w=/config/app          the v2 key /config/app
//   w=r/config             /config and everything below it (recursive)
//   w=r@120/config         the same, replaying etcd's history from index 120
//   w=v3:p@120:/config     the v3 keys starting with "/config", from revision 120
//   w=v3:p:                every v3 key
//
// Links written before v3 panels existed have no keyspace: they are v2 (panelSpecSchema's default).
// Pure; no browser or Next.js APIs.
import { z } from "zod";
import { keyProblem, type KeyProblem } from "@/lib/key-path";
import { DEFAULT_CLUSTER_NAME } from "@/lib/keys-url";
import { keyDisplayProblemMessage } from "@/lib/keyspace3/key-bytes";
import { decodeKeyParam } from "@/lib/keyspace3/key-url";
import type { Keyspace } from "@/lib/keyspaces/support";

const fromSchema = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const v2PanelSchema = z.object({
  keyspace: z.literal("v2"),
  key: z.string().refine((key) => keyProblem(key) === null),
  recursive: z.boolean(),
  /** Replay etcd's history from this index (etcd keeps the last 1000 events); absent: from now on. */
  fromIndex: fromSchema.optional(),
});

const v3PanelSchema = z
  .object({
    keyspace: z.literal("v3"),
    /** The key's display form; with `prefix`, every key starting with its bytes ("": every key). */
    key: z.string().refine((key) => decodeKeyParam(key).ok),
    prefix: z.boolean(),
    /** The first revision wanted (etcd keeps history until compacted); absent: from now on. */
    fromRevision: fromSchema.optional(),
  })
  .refine((spec) => spec.key !== "" || spec.prefix, "etcd has no empty key: an empty key is every key, with prefix");

/** A panel, as persisted (the URL); one without a keyspace is a v2 panel (written before v3 panels existed). */
export const panelSpecSchema = z.preprocess(
  (value) => (value !== null && typeof value === "object" && !("keyspace" in value) ? { ...value, keyspace: "v2" } : value),
  z.discriminatedUnion("keyspace", [v2PanelSchema, v3PanelSchema]),
);
export type PanelSpec = z.output<typeof panelSpecSchema>;
export type V2PanelSpec = z.output<typeof v2PanelSchema>;
export type V3PanelSpec = z.output<typeof v3PanelSchema>;

const PANEL_PARAM = "w";
const WATCH_PAGE_PATH = "/watch";

const V2_PANEL_PATTERN = /^(r?)(?:@(\d{1,16}))?(\/.*)$/s;
const V3_PANEL_PATTERN = /^v3:(p?)(?:@(\d{1,16}))?:(.*)$/s;

export function formatPanelParam(spec: PanelSpec): string {
  if (spec.keyspace === "v3") return `v3:${spec.prefix ? "p" : ""}${spec.fromRevision === undefined ? "" : `@${spec.fromRevision}`}:${spec.key}`;
  return `${spec.recursive ? "r" : ""}${spec.fromIndex === undefined ? "" : `@${spec.fromIndex}`}${spec.key}`;
}

/** The panel a `w=` value describes, or null when it is malformed (a hand-edited link): it is skipped. */
export function parsePanelParam(value: string): PanelSpec | null {
  const v3 = V3_PANEL_PATTERN.exec(value);
  const v2 = v3 ? null : V2_PANEL_PATTERN.exec(value);
  const from = (text: string | undefined) => (text === undefined ? {} : Number(text));
  const raw = v3
    ? { keyspace: "v3", key: v3[3], prefix: v3[1] === "p", ...withFrom("fromRevision", from(v3[2])) }
    : v2
      ? { key: v2[3], recursive: v2[1] === "r", ...withFrom("fromIndex", from(v2[2])) }
      : null;
  const parsed = panelSpecSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

function withFrom(name: "fromIndex" | "fromRevision", from: number | object): Record<string, number> {
  return typeof from === "number" ? { [name]: from } : {};
}

function isValidFrom(n: number): boolean {
  return fromSchema.safeParse(n).success;
}

export function panelsFromSearchParams(params: Pick<URLSearchParams, "getAll">): PanelSpec[] {
  return params.getAll(PANEL_PARAM).flatMap((value) => parsePanelParam(value) ?? []);
}

/**
 * A query value percent-encoded, except "/", "@" and ":" (legal in a query, RFC 3986 §3.4), so a link
 * reads `w=r@120/config/app` rather than `w=r%40120%2Fconfig%2Fapp`.
 */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2F/g, "/").replace(/%40/g, "@").replace(/%3A/g, ":");
}

/** The Watch page showing these panels on this cluster (`cluster=` left out for `default`). */
export function watchPageHref(cluster: string, panels: readonly PanelSpec[]): string {
  const parts: string[] = [];
  if (cluster !== DEFAULT_CLUSTER_NAME) parts.push(`cluster=${encodeQueryValue(cluster)}`);
  for (const panel of panels) parts.push(`${PANEL_PARAM}=${encodeQueryValue(formatPanelParam(panel))}`);
  return parts.length ? `${WATCH_PAGE_PATH}?${parts.join("&")}` : WATCH_PAGE_PATH;
}

/**
 * A stable identity per panel for React: its URL form, plus a counter when the same panel is open
 * twice. Adding or removing another panel keeps every other panel (and its log) mounted.
 */
export function panelIds(panels: readonly PanelSpec[]): string[] {
  const seen = new Map<string, number>();
  return panels.map((panel) => {
    const form = formatPanelParam(panel);
    const count = seen.get(form) ?? 0;
    seen.set(form, count + 1);
    return count === 0 ? form : `${form}#${count + 1}`;
  });
}

/** The panel's keyspace and its key and from position, in words for its title ("v3 /config (prefix) from revision 12"). */
export function panelTitleParts(spec: PanelSpec): { keyspace: Keyspace; key: string; recursive: "yes" | "no"; from: number | "none" } {
  const recursive = spec.keyspace === "v3" ? spec.prefix : spec.recursive;
  const from = (spec.keyspace === "v3" ? spec.fromRevision : spec.fromIndex) ?? "none";
  return { keyspace: spec.keyspace, key: spec.key, recursive: recursive ? "yes" : "no", from };
}

/**
 * What the "Add panel" form holds, as typed. On v3, `recursive` is "Watch the prefix", `fromIndex` is
 * "From revision" and the key is its display form (absent keyspace: v2).
 */
export interface PanelForm {
  keyspace?: Keyspace;
  key: string;
  recursive: boolean;
  fromIndex: string;
}

/**
 * What is wrong with the form, as codes (the form words them): no key, a key the shared rules refuse (v2) or
 * a display form that does not read back into bytes (v3, `badKey3`), a bad from index or revision.
 */
export interface PanelFormErrors {
  key?: { code: "missing" } | KeyProblem | { code: "badKey3"; message: string };
  fromIndex?: "notWholePositive";
}

export type PanelFormResult = { ok: true; spec: PanelSpec } | { ok: false; errors: PanelFormErrors };

/**
 * Checks the form with the shared key rules. A missing leading "/" is added ("config/app" means
 * "/config/app"); nothing else is changed, since spaces and other characters are legal in keys.
 */
export function parsePanelForm(form: PanelForm): PanelFormResult {
  const errors: PanelFormErrors = {};
  let key = form.key;
  if (form.keyspace === "v3") {
    // v3 keys are bytes, taken as typed: no leading "/" is added (`foo` and `/foo` are two keys). An
    // empty key with "Watch the prefix" is every key.
    const parse = decodeKeyParam(key);
    if (key === "" && !form.recursive) errors.key = { code: "missing" };
    else if (!parse.ok) errors.key = { code: "badKey3", message: parse.problem.code === "replacementCharacter" ? "U+FFFD" : keyDisplayProblemMessage(parse.problem) };
  } else if (key === "") errors.key = { code: "missing" };
  else {
    if (!key.startsWith("/")) key = `/${key}`;
    const problem = keyProblem(key);
    if (problem) errors.key = problem;
  }
  let from: number | undefined;
  const fromText = form.fromIndex.trim();
  if (fromText !== "") {
    from = /^\d+$/.test(fromText) ? Number(fromText) : Number.NaN;
    if (!isValidFrom(from)) errors.fromIndex = "notWholePositive";
  }
  if (errors.key || errors.fromIndex) return { ok: false, errors };
  const spec: PanelSpec =
    form.keyspace === "v3"
      ? { keyspace: "v3", key, prefix: form.recursive, ...(from === undefined ? {} : { fromRevision: from }) }
      : { keyspace: "v2", key, recursive: form.recursive, ...(from === undefined ? {} : { fromIndex: from }) };
  return { ok: true, spec };
}

