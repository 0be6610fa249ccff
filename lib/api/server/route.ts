// The thin wrapper every route handler goes through: same-origin check for writes, the role the route
// needs, read-only clusters, input helpers, and one place where anything thrown becomes the JSON error
// envelope (never an unhandled 500).
import "server-only";
import { assertWritable, authorize } from "@/lib/dashboard-auth/access";
import type { Role, SessionUser } from "@/lib/dashboard-auth/roles";
import { clusterClient } from "@/lib/clusters";
import { EtcdError, keyFromSegments, type EtcdClient, type KeyPath } from "@/lib/etcd";
import { ApiError } from "../errors";
import { clusterParamSchema } from "../schemas";
import { NO_STORE, errorResponse } from "./error-response";
import { assertSameOrigin, parseInput } from "./request-guards";

export type RawParams = Record<string, string | string[] | undefined>;
export interface RouteContext {
  params: Promise<RawParams>;
}

export interface HandlerArgs {
  request: Request;
  params: RawParams;
  /** Who asked: a logged-in user, or anonymous when no login is configured. */
  user: SessionUser;
}

type Handler = (args: HandlerArgs) => Promise<Response | object>;

export interface RouteOptions {
  /** Changes something: refused cross-site, and on a read-only cluster (the URL's :cluster) or dashboard. */
  mutating?: boolean;
  /** The role the route needs; default viewer, or editor when mutating. */
  role?: Role;
}

export function apiRoute(handler: Handler, options: RouteOptions = {}) {
  const needed: Role = options.role ?? (options.mutating ? "editor" : "viewer");
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      if (options.mutating) assertSameOrigin(request);
      const user = authorize(request, needed);
      const params = (await context.params) ?? {};
      if (options.mutating && typeof params.cluster === "string") assertWritable(params.cluster);
      return asResponse(await handler({ request, params, user }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A route anyone may reach without a session (logging in, asking who you are). */
export function publicRoute(handler: (args: { request: Request }) => Promise<Response | object>, options: { mutating?: boolean } = {}) {
  return async (request: Request): Promise<Response> => {
    try {
      if (options.mutating) assertSameOrigin(request);
      return asResponse(await handler({ request }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function asResponse(result: Response | object): Response {
  return result instanceof Response ? result : Response.json(result, { headers: NO_STORE });
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

export interface ClusterHandle {
  name: string;
  client: EtcdClient;
}

/** The configured cluster named in the URL; 404 for any other name. Never an endpoint from the browser. */
export function requireCluster(params: RawParams): ClusterHandle {
  const name = parseInput(clusterParamSchema, params.cluster, "cluster");
  const client = clusterClient(name);
  if (!client) throw ApiError.of("cluster_not_found", `No cluster named "${name}" is configured.`);
  return { name, client };
}

/** The key from the catch-all segments (already percent-decoded by Next.js); absent means the root. */
export function requireKey(params: RawParams): KeyPath {
  const raw = params.key;
  const segments = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  try {
    return keyFromSegments(segments);
  } catch (error) {
    if (error instanceof EtcdError) {
      throw ApiError.of("invalid_input", error.message, { issues: [{ path: "key", message: error.message }] });
    }
    throw error;
  }
}
