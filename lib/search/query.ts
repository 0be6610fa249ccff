// Searching a subtree by key name and by value: the query (one zod schema for the route and the form) and
// the JSON lines the search streams (lib/api/server/ndjson.ts), shared by the server and the browser.
import { z } from "zod";
import { clusterPath } from "@/lib/api/fetcher";
import { queryBooleanSchema } from "@/lib/api/schemas";
import { encodeKeySegments, splitKey } from "@/lib/key-path";
import { compilePattern } from "./matcher";

/** The most matches a search reports: past it, the search ends and says so (`done.capped`). */
export const MATCH_CAP = 10_000;
/** Longest search text or pattern. */
export const MAX_QUERY_LENGTH = 500;

export const searchInSchema = z.enum(["name", "value", "both"]);
export type SearchIn = z.infer<typeof searchInSchema>;

/** GET …/search/{dir…}?q=…&in=…&regex=…&caseSensitive=…&limit=… */
export const searchQuerySchema = z
  .object({
    q: z.string().min(1, "enter something to search for").max(MAX_QUERY_LENGTH, `at most ${MAX_QUERY_LENGTH} characters`),
    in: searchInSchema.default("both"),
    regex: queryBooleanSchema.default(false),
    caseSensitive: queryBooleanSchema.default(false),
    /** Fewer matches than MATCH_CAP (a preview); never more. */
    limit: z
      .string()
      .regex(/^[1-9]\d{0,4}$/, "a whole number, 1 or more")
      .transform(Number)
      .pipe(z.number().max(MATCH_CAP, `at most ${MATCH_CAP}`))
      .optional(),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (!query.regex) return;
    const compiled = compilePattern(query);
    if ("error" in compiled) ctx.addIssue({ code: "custom", path: ["q"], message: compiled.error });
  });
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** What the form sends: the query before the schema's defaults and transforms. */
export interface SearchForm {
  q: string;
  in: SearchIn;
  regex: boolean;
  caseSensitive: boolean;
}

/** A match of the pattern in a text: [start, end) as UTF-16 offsets. */
export type Span = readonly [number, number];

/** A short piece of a value around its first match, control characters shown as spaces. */
export interface Excerpt {
  text: string;
  /** Where the match lies in `text`. */
  match: Span;
  /** Text was left out before / after the excerpt. */
  cut: { before: boolean; after: boolean };
}

export interface SearchMatch {
  key: string;
  dir?: true;
  /** Matched by name: where in the path below the searched directory (`path`). */
  name?: Span;
  /** Matched by value: the excerpt around the first match. */
  value?: Excerpt;
}

/** The first line, before any match: how much is being searched. */
export interface SizeLine {
  type: "size";
  dir: string;
  /** Keys (with values) and directories below `dir`. */
  keys: number;
  dirs: number;
  /** Bytes of etcd's recursive listing (keys, values and metadata as JSON). */
  bytes: number;
}
export interface MatchesLine {
  type: "matches";
  matches: SearchMatch[];
}
export interface ProgressLine {
  type: "progress";
  /** Nodes (keys and directories) looked at so far, out of `total`. */
  scanned: number;
  total: number;
}
export interface DoneLine {
  type: "done";
  matches: number;
  scanned: number;
  total: number;
  /** The search stopped at the match limit: there may be more. */
  capped: boolean;
  limit: number;
}
export type SearchLine = SizeLine | MatchesLine | ProgressLine | DoneLine;

/** The API path of a search below `dir`. */
export function searchPath(cluster: string, dir: string, form: SearchForm, limit?: number): string {
  const params = new URLSearchParams({ q: form.q, in: form.in, regex: String(form.regex), caseSensitive: String(form.caseSensitive) });
  if (limit !== undefined) params.set("limit", String(limit));
  return `${clusterPath(cluster, "search")}${dir === "/" ? "" : encodeKeySegments(splitKey(dir))}?${params}`;
}
