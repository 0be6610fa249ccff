// The API's routes as the files under app/api say, read when the test runs: a route added later is
// fuzzed without anyone listing it. Each route file gives its URL pattern (from its folders), the
// methods it exports, and the zod schemas its handlers read bodies and queries with.
import fs from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;

/** One folder of a route's path: a fixed name, a [param], or a [...catchAll] / [[...optionalCatchAll]]. */
export type RouteSegment =
  | { kind: "static"; name: string }
  | { kind: "param"; name: string }
  | { kind: "catchAll"; name: string; optional: boolean };

export interface ApiRoute {
  /** e.g. "app/api/clusters/[cluster]/keys/[[...key]]/route.ts" */
  file: string;
  /** e.g. "/api/clusters/[cluster]/keys/[[...key]]" */
  pattern: string;
  segments: RouteSegment[];
  methods: string[];
  /** Method -> name of the schema its handler passes to readJsonBody. */
  bodySchemas: Record<string, string>;
  /** Method -> name of the schema its handler passes to readQuery. */
  querySchemas: Record<string, string>;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name === "route.ts" ? [full] : [];
  });
}

function parseSegment(folder: string): RouteSegment | null {
  // Route groups "(x)" do not show in the URL.
  if (/^\(.*\)$/.test(folder)) return null;
  const optional = /^\[\[\.\.\.(\w+)\]\]$/.exec(folder);
  if (optional) return { kind: "catchAll", name: optional[1]!, optional: true };
  const catchAll = /^\[\.\.\.(\w+)\]$/.exec(folder);
  if (catchAll) return { kind: "catchAll", name: catchAll[1]!, optional: false };
  const param = /^\[(\w+)\]$/.exec(folder);
  if (param) return { kind: "param", name: param[1]! };
  return { kind: "static", name: folder };
}

/** The exported methods and, per method, the schema names in its handler's text. */
function parseSource(source: string) {
  const methods = new Set<string>();
  const bodySchemas: Record<string, string> = {};
  const querySchemas: Record<string, string> = {};
  const declared = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)];
  declared.forEach((match, i) => {
    const method = match[1]!;
    if (!(HTTP_METHODS as readonly string[]).includes(method)) return;
    methods.add(method);
    const block = source.slice(match.index, declared[i + 1]?.index ?? source.length);
    const body = /readJsonBody\(\s*request\s*,\s*(\w+)/.exec(block);
    if (body) bodySchemas[method] = body[1]!;
    const query = /readQuery\(\s*request\s*,\s*(\w+)/.exec(block);
    if (query) querySchemas[method] = query[1]!;
  });
  for (const list of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const alias of list[1]!.matchAll(/\bas\s+([A-Z]+)\b/g)) {
      if ((HTTP_METHODS as readonly string[]).includes(alias[1]!)) methods.add(alias[1]!);
    }
  }
  return { methods: [...methods].sort(), bodySchemas, querySchemas };
}

/** Every app/api/**\/route.ts below `root` (the repository). */
export function readApiRoutes(root: string): ApiRoute[] {
  const apiDir = path.join(root, "app", "api");
  return walk(apiDir)
    .sort()
    .map((file) => {
      const folders = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep);
      const segments = folders.map(parseSegment).filter((s): s is RouteSegment => s !== null);
      const pattern = "/" + folders.filter((f) => !/^\(.*\)$/.test(f)).join("/");
      return { file: path.relative(root, file), pattern, segments, ...parseSource(fs.readFileSync(file, "utf8")) };
    });
}

/** Specificity as Next.js orders routes: fixed names first, then [params], then catch-alls. */
function rank(route: ApiRoute): number[] {
  return route.segments.map((s) => (s.kind === "static" ? 0 : s.kind === "param" ? 1 : 2));
}

function matches(segments: RouteSegment[], parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === "catchAll") {
      const rest = parts.slice(i);
      if (rest.length === 0 && !segment.optional) return null;
      params[segment.name] = rest;
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.kind === "static" && part !== segment.name) return null;
    if (segment.kind === "param") params[segment.name] = part;
  }
  return parts.length === segments.length ? params : null;
}

/** The route a path (already resolved: no "." or "..") reaches, and its raw (still encoded) params. */
export function matchRoute(routes: ApiRoute[], pathname: string): { route: ApiRoute; params: Record<string, string | string[]> } | null {
  const parts = pathname.split("/").slice(1);
  const candidates = routes
    .map((route) => ({ route, params: matches(route.segments, parts) }))
    .filter((c): c is { route: ApiRoute; params: Record<string, string | string[]> } => c.params !== null);
  candidates.sort((a, b) => {
    const ra = rank(a.route);
    const rb = rank(b.route);
    for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
      const d = (ra[i] ?? 3) - (rb[i] ?? 3);
      if (d !== 0) return d;
    }
    return 0;
  });
  return candidates[0] ?? null;
}
