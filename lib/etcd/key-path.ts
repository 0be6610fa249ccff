// Key paths: etcd cleans paths (`//`, `.`, `..` give a 301 to another key) and decodes `%2F` into a
// separator, so a key is validated segment by segment and encoded segment by segment before it is sent.
import { EtcdError } from "./errors";

/** A normalized etcd key: "/" for the root, otherwise "/a/b" with no empty, "." or ".." segment. */
export type KeyPath = string & { readonly __brand: "KeyPath" };

export const ROOT_KEY = "/" as KeyPath;

/** etcd's first request line on a new plain-HTTP connection must fit in 4096 bytes (cmux). */
export const MAX_REQUEST_TARGET_BYTES = 3800;

/** Why a segment is not a valid key segment, or null when it is fine. */
export function segmentProblem(segment: string): string | null {
  if (segment === "") return "empty path segment (\"//\" or a trailing \"/\")";
  if (segment === "." || segment === "..") return `"${segment}" is not allowed as a key segment`;
  if (segment.includes("/")) return "a key segment cannot contain \"/\"";
  if (/[\u0000]/.test(segment)) return "a key segment cannot contain NUL";
  return null;
}

/** Builds a key from already-decoded segments (as Next.js hands catch-all params). */
export function keyFromSegments(segments: readonly string[]): KeyPath {
  segments.forEach((segment) => {
    const problem = segmentProblem(segment);
    if (problem) throw EtcdError.invalidKey(problem, "/" + segments.join("/"));
  });
  return ("/" + segments.join("/")) as KeyPath;
}

/** Parses "/a/b", "a/b" or "/" into a KeyPath; rejects empty, "." and ".." segments. */
export function parseKey(input: string): KeyPath {
  if (input === "" || input === "/") return ROOT_KEY;
  const body = input.startsWith("/") ? input.slice(1) : input;
  return keyFromSegments(body.split("/"));
}

export function keySegments(key: KeyPath): string[] {
  return key === ROOT_KEY ? [] : key.slice(1).split("/");
}

/** The path after `/v2/keys`, each segment percent-encoded (so `?`, `#`, `%`, spaces survive). */
export function encodeKeyPath(key: KeyPath): string {
  return "/" + keySegments(key).map(encodeURIComponent).join("/");
}

export function parentKey(key: KeyPath): KeyPath {
  const segments = keySegments(key);
  return ("/" + segments.slice(0, -1).join("/")) as KeyPath;
}

export function baseName(key: KeyPath): string {
  const segments = keySegments(key);
  return segments[segments.length - 1] ?? "";
}

/** Hidden keys: any segment starting with "_" is left out of etcd's listings and live recursive watches. */
export function isHiddenKey(key: string): boolean {
  return key.split("/").some((segment) => segment.startsWith("_"));
}

/** True when `key` is `ancestor` itself or lies below it. */
export function isWithin(key: string, ancestor: string): boolean {
  if (ancestor === "/") return true;
  return key === ancestor || key.startsWith(ancestor + "/");
}
