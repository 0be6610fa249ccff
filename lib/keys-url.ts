// URLs of keys, for pages and for the API. The cluster is part of a page's URL (`?cluster=`, left out
// for `default`), so a link opens the same key on the same cluster.
import { encodeKeySegments, splitKey } from "./key-path";

export const DEFAULT_CLUSTER_NAME = "default";

/** The page showing `key`: "/keys/a/b%20c" or "/keys/a?cluster=prod". */
export function keyPageHref(cluster: string, key: string): string {
  const path = "/keys" + (key === "/" ? "" : encodeKeySegments(splitKey(key)));
  return cluster === DEFAULT_CLUSTER_NAME ? path : `${path}?cluster=${encodeURIComponent(cluster)}`;
}

/** The key a Keys page shows, from its catch-all segments (still percent-encoded: each is decoded once). */
export function keyFromPageSegments(key: string | string[] | undefined): string {
  const segments = key === undefined ? [] : Array.isArray(key) ? key : [key];
  return "/" + segments.map(decodeSegment).join("/");
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** How the browser reads a key or a directory listing (sorted: in-order keys come in order); its SWR key. */
export function keyReadPath(cluster: string, key: string): string {
  return keyApiPath(cluster, key, { sorted: true });
}

/** The API resource of `key`, with an optional query. */
export function keyApiPath(cluster: string, key: string, query?: Record<string, string | number | boolean | undefined>): string {
  const path = `/api/clusters/${encodeURIComponent(cluster)}/keys${key === "/" ? "" : encodeKeySegments(splitKey(key))}`;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(name, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The key whose `keyApiPath(cluster, key, query)` is `path`, or null when `path` is any other URL. */
export function keyFromApiPath(cluster: string, path: string, query?: Record<string, string | number | boolean | undefined>): string | null {
  const root = keyApiPath(cluster, "/");
  const search = keyApiPath(cluster, "/", query).slice(root.length);
  if (!path.startsWith(root) || !path.endsWith(search)) return null;
  const rest = path.slice(root.length, path.length - search.length);
  if (rest === "") return "/";
  if (!rest.startsWith("/") || rest.includes("?")) return null;
  try {
    return "/" + rest.slice(1).split("/").map(decodeURIComponent).join("/");
  } catch {
    return null;
  }
}
