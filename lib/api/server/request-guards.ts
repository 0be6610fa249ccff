// Guards every route needs: no cross-site writes, JSON bodies only, bounded body size, zod-validated input.
import "server-only";
import type { z } from "zod";
import { ApiError, issuesFromZod } from "../errors";

/**
 * Mutating requests from another site are refused. Browsers send Sec-Fetch-Site and Origin on every
 * cross-origin write; scripts and curl send neither and are allowed. The Origin is compared with the Host
 * header, or with X-Forwarded-Host only when ETCD_DASHBOARD_TRUST_PROXY=true says a reverse proxy sets it
 * (otherwise any client could claim whatever host its Origin names).
 */
export function assertSameOrigin(request: Request, trustProxy = process.env.ETCD_DASHBOARD_TRUST_PROXY === "true"): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw ApiError.of("cross_origin", "Cross-site requests may not change etcd.");
  }
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = (trustProxy ? request.headers.get("x-forwarded-host") : null) ?? request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) {
    throw ApiError.of("cross_origin", "Cross-origin requests may not change etcd.");
  }
}

/** etcd takes values up to 10 MiB form-encoded; JSON escaping can grow that, so allow some room. */
const MAX_JSON_BODY_BYTES = 12 * 1024 * 1024;

/**
 * Reads and validates a JSON body: 415 for another content type, 413 when too large, 400 when invalid.
 * `maxBytes`: a route that takes more than one value at once (an import file) allows more.
 */
export async function readJsonBody<S extends z.ZodType>(request: Request, schema: S, { maxBytes = MAX_JSON_BODY_BYTES }: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw ApiError.of("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(request, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw ApiError.of("invalid_input", "The body is not valid JSON.", { issues: [{ path: "body", message: "malformed JSON" }] });
  }
  return parseInput(schema, json, "body");
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

function tooLarge(maxBytes: number): ApiError {
  const limit = `The body is larger than ${maxBytes / 1024 / 1024} MiB`;
  return ApiError.of("payload_too_large", maxBytes === MAX_JSON_BODY_BYTES ? `${limit} (etcd stores values up to 10 MiB).` : `${limit}.`);
}

/** Validates query parameters (each given once) against a schema. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  return readSearchParams(new URL(request.url).searchParams, schema);
}

export function readSearchParams<S extends z.ZodType>(params: URLSearchParams, schema: S): z.infer<S> {
  // A Map, not a plain object: "__proto__" or "constructor" must count as parameters like any other
  // (`query[name] = …` would drop "__proto__", and `name in query` sees inherited names).
  const query = new Map<string, string>();
  for (const [name, value] of params) {
    if (query.has(name)) {
      throw ApiError.of("invalid_input", `Query parameter "${name}" is given more than once.`, {
        issues: [{ path: `query.${name}`, message: "given more than once" }],
      });
    }
    query.set(name, value);
  }
  return parseInput(schema, Object.fromEntries(query), "query");
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error, where);
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
    throw ApiError.of("invalid_input", `Invalid ${where}: ${summary}`, { issues });
  }
  return parsed.data;
}
