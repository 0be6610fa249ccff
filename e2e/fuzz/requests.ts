// Random and malformed requests for every route, from a seeded generator, and the rule that keeps the
// fuzz from changing anything but its own keys: a write that could take effect anywhere else (a key
// outside the fuzz prefix, or cluster-wide state: members, etcd auth) is only ever sent in a form the
// server must refuse before acting (cross-site, an unknown cluster, a body its schema rejects).
import { z } from "zod";
import * as keys3Schemas from "../../lib/api/keys3";
import * as sharedSchemas from "../../lib/api/schemas";
import { decodeKeyParam, encodeKeyParam } from "../../lib/keyspace3/key-url";
import { matchRoute, type ApiRoute } from "./routes";
import type { Rng } from "./prng";

export const MUTATING = new Set(["POST", "PUT", "DELETE", "PATCH"]);
/** Methods no route defines; the request guard in scripts/server.mjs answers them (TRACE included). */
export const ODD_METHODS = ["TRACE", "PROPFIND", "PURGE", "MKCOL", "SEARCH", "LINK"];

export interface FuzzRequest {
  method: string;
  /** The request target exactly as sent. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  chunked?: boolean;
  /** What was aimed at, for the failure report. */
  note: string;
  /** A write the server must refuse (403 or another 4xx): it was aimed outside the fuzz's reach. */
  mustBeRefused?: boolean;
  /** The etcd keys (decoded) a refused write was aimed at, checked absent afterwards. */
  outsideKeys?: string[];
}

export interface FuzzContext {
  rng: Rng;
  routes: ApiRoute[];
  /** One key segment, e.g. "fuzz-123": every write that may succeed lands below "/<prefix>". */
  prefix: string;
  /** Names of the configured clusters the fuzz may use ("down" is left out: it answers 503 by design). */
  clusters: string[];
  /** Every configured name ("down" included), for deciding whether a write could reach etcd. */
  configured: string[];
  /** http://host:port of the dashboard (for same-origin headers). */
  origin: string;
  /** host:port of a listener that must never be contacted. */
  trap: string;
  /** A subtree outside the prefix that the refused writes aim at. */
  sentinel: string;
}

const PUNCTUATION = [..." !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];
const MiB = 1024 * 1024;

/** Strings with something special for paths, JSON, HTML or etcd. */
export function specialStrings(ctx: Pick<FuzzContext, "trap">): string[] {
  return [
    ...PUNCTUATION,
    ...PUNCTUATION.map((c) => `a${c}b`),
    "%", "%2F", "%2f", "%00", "%25", "%zz", "%E0%A4%A", "%C0%AF", "%2e%2e", "%2E", "..", ".", "...", "//", "a/b", "a\\b",
    "\u0000", "\u0001", "\u001f", "\u007f", "\t", "\n", "\r\n", "a\u0000b",
    "é", "日本語", "🙂", "\u202e", "\ufeff", "\u2028", "\ud800", "\udfff", "\uffff", "Ω≈ç√", "e\u0301",
    "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "{{constructor.constructor('alert(1)')()}}", "${7*7}", "javascript:alert(1)",
    "k".repeat(255), "x".repeat(3000), "é".repeat(900),
    "?recursive=true", "#frag", ";x=1", `http://${ctx.trap}`, ctx.trap, "http://evil.example", "//evil.example",
    "__proto__", "constructor", "prototype", "toString", "_hidden", "_", "", " ", "null", "undefined", "true", "0", "-1",
  ];
}

/** Cluster names that are not configured, some looking like hosts or URLs. */
function fakeClusters(ctx: FuzzContext): string[] {
  return [
    "nope", "no-such-cluster", "DEFAULT", "Default", "default ", " default", "default.", "default..", "default%00", "default/keys",
    "127.0.0.1:2379", ctx.trap, `http://${ctx.trap}`, "http://evil", "https://evil.example:2379", "evil.example", "localhost:2379",
    "[::1]:2379", "user:pass@evil", "%", "..", ".", "-bad", "_x", "a".repeat(63), "a".repeat(64), "a".repeat(5000), "é", "🙂", "__proto__",
  ];
}

/** A segment as sent: properly encoded, minimally encoded (%, ?, # and / left raw), doubly encoded, or a raw oddity. */
function encodeSegment(rng: Rng, text: string): string {
  const component = (s: string) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return "%ED%A0%80"; // a lone surrogate: send the bytes UTF-8 would have given it
    }
  };
  switch (rng.int(0, 5)) {
    case 0:
    case 1:
    case 2:
      return component(text);
    case 3:
      return [...text].map((c) => (/^[\x21-\x7e]$/.test(c) ? c : component(c))).join("");
    case 4:
      return component(component(text));
    default:
      return rng.pick(["%", "%zz", "%E0%A4%A", "%2F", "%2f", "%5C", "%00", "%2e%2e", "%2E", "..", ".", "", "%20", "+", "%2B", "%3F", "%23"]);
  }
}

function randomString(rng: Rng, pool: string[]): string {
  return Array.from({ length: rng.int(1, 3) }, () => rng.pick(pool)).join("");
}

/** A JSON value of some type, for putting where another type belongs. Raw texts stay raw (1e400, 2^53+1). */
class RawJson {
  constructor(readonly text: string) {}
}

function jsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(jsonText).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function anyValue(rng: Rng, strings: string[]): unknown {
  return rng.pick<() => unknown>([
    () => null,
    () => true,
    () => false,
    () => 0,
    () => -1,
    () => 1.5,
    () => rng.int(1, 1_000_000),
    () => new RawJson("9007199254740993"),
    () => new RawJson("1e400"),
    () => new RawJson("-0"),
    () => "",
    () => randomString(rng, strings),
    () => [],
    () => [randomString(rng, strings)],
    () => [1, null, {}],
    () => ({}),
    () => ({ a: 1 }),
    () => "1",
    () => "true",
  ])();
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
};

/** The schemas route files name, by name: lib/api/schemas.ts and the v3 keys contract (lib/api/keys3.ts). */
const schemas: Record<string, unknown> = { ...sharedSchemas, ...keys3Schemas };

const jsonSchemaCache = new Map<string, JsonSchema | null>();

/** The JSON Schema of a named zod schema from lib/api/schemas.ts, or null when it is not there. */
function jsonSchemaOf(name: string | undefined): JsonSchema | null {
  if (!name) return null;
  if (jsonSchemaCache.has(name)) return jsonSchemaCache.get(name)!;
  const schema = schemas[name];
  let js: JsonSchema | null = null;
  if (schema instanceof z.ZodType) {
    try {
      js = z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as JsonSchema;
    } catch {
      js = null;
    }
  }
  jsonSchemaCache.set(name, js);
  return js;
}

export function zodSchema(name: string | undefined): z.ZodType | null {
  const schema = name ? schemas[name] : undefined;
  return schema instanceof z.ZodType ? schema : null;
}

/** The field names of an object schema (of each branch of a union). */
function fieldsOf(js: JsonSchema | null): string[] {
  if (!js) return [];
  if (js.properties) return Object.keys(js.properties);
  return [...new Set((js.anyOf ?? []).flatMap(fieldsOf))];
}

/** A value that fits the schema's types (its refinements may still refuse it). */
function sample(rng: Rng, js: JsonSchema | undefined, strings: string[], depth = 0): unknown {
  if (!js || depth > 4) return randomString(rng, strings);
  if (js.anyOf?.length) return sample(rng, rng.pick(js.anyOf), strings, depth + 1);
  if (js.enum?.length) return rng.pick(js.enum);
  const type = Array.isArray(js.type) ? rng.pick(js.type) : js.type;
  switch (type) {
    case "string":
      return rng.chance(0.7) ? `v${rng.int(0, 999)}` : randomString(rng, strings);
    case "boolean":
      return rng.chance(0.5);
    case "integer":
    case "number": {
      const min = js.minimum ?? 0;
      const max = Math.min(js.maximum ?? 1_000_000, 1_000_000_000);
      return rng.chance(0.8) ? rng.int(Math.max(min, 0), Math.min(max, 600)) : rng.int(min, max);
    }
    case "null":
      return null;
    case "array":
      return Array.from({ length: rng.int(0, 3) }, () => sample(rng, js.items, strings, depth + 1));
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(js.properties ?? {})) if (rng.chance(0.5)) out[name] = sample(rng, field, strings, depth + 1);
      return out;
    }
    default:
      return anyValue(rng, strings);
  }
}

/** A body for a route whose handler reads `schemaName`: fitting, wrong types, extra fields, malformed, … */
function jsonBody(rng: Rng, schemaName: string | undefined, strings: string[]): { text: string; note: string } {
  const js = jsonSchemaOf(schemaName);
  const fields = fieldsOf(js);
  const fitting = () => sample(rng, js ?? { type: "object" }, strings) as Record<string, unknown>;
  const choice = rng.int(0, 11);
  if (choice <= 2) {
    // A body the route's schema accepts, when a few tries find one (its refinements refuse many samples).
    const schema = zodSchema(schemaName);
    let body = fitting();
    for (let i = 0; schema && i < 20 && !schema.safeParse(body).success; i++) body = fitting();
    return { text: jsonText(body), note: "fitting body" };
  }
  if (choice <= 4 && fields.length) {
    const body = fitting();
    const field = rng.pick(fields);
    body[field] = anyValue(rng, strings);
    return { text: jsonText(body), note: `wrong type for ${field}` };
  }
  if (choice === 5) {
    const body: Record<string, unknown> = {};
    for (const field of fields) body[field] = anyValue(rng, strings);
    return { text: jsonText(body), note: "wrong types everywhere" };
  }
  if (choice === 6) {
    const body = fitting();
    const extra = rng.pick(["__proto__", "constructor", "endpoint", "host", "url", "cluster", "key", "recursive", randomString(rng, strings)]);
    return { text: jsonText({ ...body, [extra]: anyValue(rng, strings) }).replace(/^\{/, rng.chance(0.3) ? `{"__proto__":{"dir":true},` : "{"), note: `extra field ${extra}` };
  }
  if (choice === 7) {
    const text = jsonText(fitting());
    return { text: text.slice(0, rng.int(0, Math.max(0, text.length - 1))), note: "truncated JSON" };
  }
  if (choice === 8) {
    return {
      text: rng.pick([
        "", " ", "null", "[]", "[{}]", "true", "0", '"value"', "{", "}", "{'value':'x'}", '{"value":"x",}', '{value:"x"}', '{"value":"x"} trailing',
        '{"value":NaN}', '{"ttl":Infinity,"value":"x"}', "/* c */{}", '\ufeff{"value":"x"}', '{"value":"x","value":1}', "[".repeat(20_000) + "]".repeat(20_000),
        '{"a":'.repeat(5_000) + "1" + "}".repeat(5_000), '{"value":"\\ud800"}', '{"value":"\\u0000"}', "\u0000",
      ]),
      note: "malformed or odd JSON",
    };
  }
  if (choice === 9) return { text: jsonText(anyValue(rng, strings)), note: "JSON of another type" };
  if (choice === 10) return { text: randomString(rng, strings), note: "text" };
  return { text: jsonText({ value: "v".repeat(rng.int(1, 200_000)), [rng.pick(fields.length ? fields : ["x"])]: anyValue(rng, strings) }), note: "large body" };
}

const CONTENT_TYPES = [
  "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/json;charset=latin1", "application/jsonx",
  "application/json-patch+json", "text/plain", "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
  "application/xml", "", "*/*", "application/javascript",
];

function randomHeaders(rng: Rng, ctx: FuzzContext, method: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const options: [string, () => string][] = [
    ["origin", () => rng.pick([ctx.origin, "http://evil.example", "null", "not a url", `http://${ctx.trap}`, ctx.origin + ".evil.example", "file://"])],
    ["sec-fetch-site", () => rng.pick(["same-origin", "none", "cross-site", "same-site", "SAME-ORIGIN", "garbage"])],
    ["host", () => rng.pick(["evil.example", ctx.trap, "127.0.0.1:2379", "localhost", new URL(ctx.origin).host])],
    ["x-forwarded-host", () => rng.pick(["evil.example", ctx.trap, new URL(ctx.origin).host])],
    ["x-forwarded-for", () => rng.pick(["1.2.3.4", ctx.trap, "127.0.0.1, 10.0.0.1"])],
    ["x-forwarded-proto", () => rng.pick(["https", "gopher", "http"])],
    ["forwarded", () => `for=1.2.3.4;host=${ctx.trap};proto=http`],
    ["x-etcd-dashboard-client", () => rng.pick(["1.2.3.4", "forged"])],
    ["last-event-id", () => rng.pick(["1", "0", "-1", "abc", "99999999999999999999", "1e3", " 5", ""])],
    ["cookie", () => rng.pick(["etcd_dashboard_session=forged", "etcd_dashboard_session=", "a=b; etcd_dashboard_session=%00", "=;=;"])],
    ["authorization", () => rng.pick(["Basic cm9vdDpyb290", "Bearer x", "Basic !!!"])],
    ["accept", () => rng.pick(["text/event-stream", "text/html", "*/*", "application/json"])],
    ["x-etcd-endpoint", () => `http://${ctx.trap}`],
    ["referer", () => `http://${ctx.trap}/`],
  ];
  for (const [name, value] of rng.some(options, 4)) headers[name] = value();
  if (MUTATING.has(method) || rng.chance(0.2)) headers["content-type"] = rng.chance(0.75) ? "application/json" : rng.pick(CONTENT_TYPES);
  if (headers["content-type"] === "") delete headers["content-type"];
  return headers;
}

function randomQuery(rng: Rng, ctx: FuzzContext, schemaName: string | undefined, strings: string[]): string {
  if (rng.chance(0.3)) return "";
  const fields = fieldsOf(jsonSchemaOf(schemaName));
  const values = ["true", "false", "TRUE", "1", "0", "", "-1", "1e3", "9007199254740993", "%zz", "%00", "é", "5", "100", "2026-01-01T00:00:00Z", randomString(rng, strings)];
  const parts: string[] = [];
  for (const field of rng.some(fields, fields.length)) {
    // v3 keys travel in the query: most of them below the prefix (and so allowed to land), in their text form.
    if (V3_KEY_FIELDS.has(field) && rng.chance(0.6)) parts.push(`${field}=${v3KeyBelowPrefix(rng, ctx, field === "dir")}`);
    else parts.push(`${field}=${encodeSegment(rng, rng.pick(values))}`);
    if (rng.chance(0.15)) parts.push(`${field}=${encodeSegment(rng, rng.pick(values))}`); // repeated
  }
  if (rng.chance(0.4)) {
    const odd = rng.pick(["endpoint", "endpoints", "host", "url", "target", "server", "cluster", "__proto__", "constructor", "%zz", "", "a[]", randomString(rng, strings)]);
    parts.push(`${encodeSegment(rng, odd)}=${encodeSegment(rng, rng.pick([`http://${ctx.trap}`, ctx.trap, "1", ""]))}`);
  }
  if (rng.chance(0.1)) parts.push(rng.pick(["&&&", "=", "recursive", "a=b=c", "x".repeat(2000)]));
  return parts.length ? `?${parts.join("&")}` : rng.pick(["", "?", "?#frag"]);
}

/** The query fields that name v3 keys (lib/api/keys3.ts): a write lands where they say. */
const V3_KEY_FIELDS = new Set(["key", "dir", "from"]);

/** The v3 routes whose writes go to the keys in their query, as opposed to cluster-wide state (a lease's keys). */
const V3_KEY_ROUTES = new Set(["/api/clusters/[cluster]/v3/keys"]);

/** A v3 key (or directory) below the prefix, `<prefix>/…` (no leading "/": v3 keys need none), encoded as links are. */
function v3KeyBelowPrefix(rng: Rng, ctx: FuzzContext, dir: boolean): string {
  const tail = rng.chance(0.5) ? `k${rng.int(0, 20)}${rng.pick(PUNCTUATION)}` : `${rng.pick(["a", "b/c", "\\xff", "é"])}${rng.int(0, 9)}`;
  const text = `${ctx.prefix}/${tail}${dir ? "/" : ""}`;
  const parsed = decodeKeyParam(text);
  return parsed.ok ? encodeKeyParam(parsed.bytes) : encodeURIComponent(text);
}

/** True when every v3 key a request's query names (key=, dir=) is below the fuzz's prefix. */
function v3QueryBelowPrefix(ctx: FuzzContext, path: string): boolean {
  const query = new URL(path, "http://fuzz.invalid").searchParams;
  const named = [...query.getAll("key"), ...query.getAll("dir")];
  const prefix = new TextEncoder().encode(`${ctx.prefix}/`);
  return (
    named.length > 0 &&
    named.every((value) => {
      const parsed = decodeKeyParam(value);
      return parsed.ok && parsed.bytes.length >= prefix.length && prefix.every((byte, i) => parsed.bytes[i] === byte);
    })
  );
}

/** The decoded form of a raw segment, or null when it is malformed (the server refuses it). */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The first segment of keys after "/keys" that must be the prefix for a write to be the fuzz's own. */
function keyParamOf(route: ApiRoute): string | undefined {
  // Routes whose writes stay below the key in their URL (an import writes only below its directory).
  const i = route.segments.findIndex((s) => s.kind === "static" && ["keys", "watch", "import", "export", "search"].includes(s.name));
  const next = route.segments[i + 1];
  return i >= 0 && next?.kind === "catchAll" ? next.name : undefined;
}

/** Routes whose writes only concern the asking browser (logging in and out). */
const HARMLESS_WRITES = new Set(["/api/session"]);

/**
 * Makes a request safe to send: a write that could change something outside the prefix (or cluster-wide
 * state) gets `Sec-Fetch-Site: cross-site` and must then be refused. Unknown clusters, methods the route
 * does not export and bodies the route's schema rejects cannot change anything and are sent as they are.
 */
export function confine(ctx: FuzzContext, request: FuzzRequest): FuzzRequest {
  if (!MUTATING.has(request.method)) return request;
  const site = (request.headers["sec-fetch-site"] ?? "").toLowerCase();
  if (site === "cross-site" || site === "same-site") return { ...request, mustBeRefused: true };
  const target = new URL(request.path, "http://fuzz.invalid").pathname;
  const match = matchRoute(ctx.routes, target);
  if (!match || !match.route.methods.includes(request.method)) return request;
  const cluster = match.params.cluster;
  if (typeof cluster === "string") {
    const name = decoded(cluster);
    if (name === null || !ctx.configured.includes(name)) return request;
  }
  const refuse = (outsideKeys?: string[]): FuzzRequest => ({
    ...request,
    headers: { ...request.headers, "sec-fetch-site": "cross-site" },
    mustBeRefused: true,
    outsideKeys,
  });
  const keyParam = keyParamOf(match.route);
  if (keyParam) {
    const raw = (match.params[keyParam] as string[] | undefined) ?? [];
    if (raw[0] === ctx.prefix) return request;
    const key = "/" + raw.map((s) => decoded(s) ?? s).join("/");
    return refuse([key]);
  }
  if (V3_KEY_ROUTES.has(match.route.pattern) && v3QueryBelowPrefix(ctx, request.path)) return request;
  if (HARMLESS_WRITES.has(match.route.pattern)) return request;
  const schema = zodSchema(match.route.bodySchemas[request.method]);
  if (schema && bodyIsRefused(request, schema)) return request;
  return refuse();
}

/** True when readJsonBody would refuse this body (415, 413 or 400) before the handler acts. */
function bodyIsRefused(request: FuzzRequest, schema: z.ZodType): boolean {
  if (!/^application\/json\b/i.test(request.headers["content-type"] ?? "")) return true;
  if (request.body === undefined) return true;
  const text = Buffer.isBuffer(request.body) ? request.body.toString("utf8") : Buffer.from(request.body).toString("utf8");
  if (Buffer.byteLength(text) > 12 * MiB) return true;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return true;
  }
  return !schema.safeParse(json).success;
}

/** A path for `route`, with every param fuzzed; keys below the prefix unless `outside`. */
function routePath(rng: Rng, ctx: FuzzContext, route: ApiRoute, strings: string[]): string {
  const keyParam = keyParamOf(route);
  const parts = route.segments.map((segment) => {
    if (segment.kind === "static") return segment.name;
    if (segment.kind === "param") {
      if (segment.name === "cluster") return rng.chance(0.8) ? rng.pick(ctx.clusters) : encodeSegment(rng, rng.pick(fakeClusters(ctx)));
      if (segment.name === "id") return rng.pick([rng.int(1, 0xffffffff).toString(16), "0", "ffffffffffffffff1", "xyz", "-1", "0x10", "%00", encodeSegment(rng, randomString(rng, strings))]);
      return encodeSegment(rng, rng.chance(0.6) ? `${ctx.prefix}-${randomString(rng, strings)}` : randomString(rng, strings));
    }
    const count = rng.int(segment.optional ? 0 : 1, 4);
    // Tame keys too (one odd character, properly encoded), so that many writes get through to etcd.
    const tame = segment.name === keyParam && rng.chance(0.4);
    const segments = Array.from({ length: count }, () =>
      tame ? encodeURIComponent(`k${rng.int(0, 20)}${rng.pick(PUNCTUATION.filter((c) => c !== "/"))}`) : encodeSegment(rng, randomString(rng, strings)),
    );
    if (segment.name === keyParam) return [ctx.prefix, ...segments].join("/");
    return segments.join("/");
  });
  return "/" + parts.filter((p, i) => p !== "" || i === parts.length - 1).join("/").replace(/\/$/, (m) => (rng.chance(0.05) ? m : ""));
}

/** `count` random requests for one route and method. */
export function routeRequests(ctx: FuzzContext, route: ApiRoute, method: string, count: number): FuzzRequest[] {
  const { rng } = ctx;
  const strings = specialStrings(ctx);
  const bodySchema = route.bodySchemas[method] ?? Object.values(route.bodySchemas)[0];
  const querySchema = route.querySchemas[method] ?? Object.values(route.querySchemas)[0];
  return Array.from({ length: count }, () => {
    const headers = randomHeaders(rng, ctx, method);
    const path = routePath(rng, ctx, route, strings) + randomQuery(rng, ctx, querySchema, strings);
    const withBody = MUTATING.has(method) ? rng.chance(0.9) : rng.chance(0.1);
    const body = withBody ? jsonBody(rng, bodySchema, strings) : undefined;
    return confine(ctx, {
      method,
      path,
      headers,
      body: body?.text,
      chunked: body !== undefined && rng.chance(0.1),
      note: `${method} ${route.pattern}${body ? ` (${body.note})` : ""}`,
    });
  });
}

/** Writes aimed on purpose outside the prefix (the sentinel, the root, another test's keys): all must be refused. */
export function outsideRequests(ctx: FuzzContext): FuzzRequest[] {
  const { rng, sentinel, prefix } = ctx;
  const cluster = () => rng.pick(ctx.clusters);
  const encode = (key: string) => key.split("/").map((s) => encodeURIComponent(s)).join("/");
  const targets = [`${sentinel}/plain`, `${sentinel}/dir/child`, sentinel, `/e2e/${prefix}-outside`, `/${prefix}-outside`, "/"];
  const escapes = (key: string) => [
    `/api/clusters/${cluster()}/keys${encode(key)}`,
    `/api/clusters/${cluster()}/keys/${prefix}/..${encode(key)}`,
    `/api/clusters/${cluster()}/keys/${prefix}/a/%2e%2e/%2E%2E${encode(key)}`,
  ];
  const refusals: Record<string, string>[] = [
    { "sec-fetch-site": "cross-site" },
    { "sec-fetch-site": "same-site" },
    { origin: "http://evil.example" },
    { origin: "null", "sec-fetch-site": "cross-site" },
    { origin: `http://${ctx.trap}` },
  ];
  const out: FuzzRequest[] = [];
  for (const key of targets) {
    for (const path of escapes(key)) {
      for (const [method, body] of [
        ["PUT", { value: "pwned" }],
        ["PUT", { dir: true }],
        ["POST", { value: "pwned" }],
        ["DELETE", undefined],
      ] as const) {
        const query = method === "DELETE" ? rng.pick(["", "?recursive=true", "?dir=true"]) : "";
        const headers = { ...rng.pick(refusals), "content-type": "application/json" };
        const decodedKey = key === "/" ? "/" : key;
        out.push({ method, path: path + query, headers, body: body && JSON.stringify(body), note: `${method} aimed at ${key} (must be refused)`, mustBeRefused: true, outsideKeys: [decodedKey] });
      }
    }
  }
  return out;
}

/** Bodies around the 12 MiB limit, with and without a declared length. */
export function hugeRequests(ctx: FuzzContext): FuzzRequest[] {
  const key = `/api/clusters/default/keys/${ctx.prefix}/huge`;
  const json = { "content-type": "application/json" };
  const over = JSON.stringify({ value: "a".repeat(13 * MiB) });
  const justUnder = JSON.stringify({ value: "b".repeat(12 * MiB - 100) });
  const underJunk = "[" + "1,".repeat((12 * MiB - 10) / 2) + "1]";
  return [
    { method: "PUT", path: key, headers: json, body: over, note: "PUT 13 MiB body" },
    { method: "PUT", path: key, headers: json, body: over, chunked: true, note: "PUT 13 MiB chunked body" },
    { method: "PUT", path: key, headers: json, body: justUnder, note: "PUT a body just under 12 MiB (value over etcd's 10 MiB)" },
    { method: "POST", path: key, headers: json, body: underJunk, note: "POST 12 MiB of JSON array" },
    { method: "PUT", path: key, headers: { "content-type": "text/plain" }, body: over, note: "PUT 13 MiB text/plain" },
    confine(ctx, { method: "POST", path: "/api/clusters/default/members", headers: json, body: over, chunked: true, note: "POST members 13 MiB chunked" }),
    confine(ctx, { method: "POST", path: "/api/session", headers: json, body: over, note: "POST session 13 MiB" }),
  ];
}
