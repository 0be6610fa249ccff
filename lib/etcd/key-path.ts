// Key paths as lib/etcd takes them: validated (branded) before anything is sent to etcd.
import { EtcdError } from "./errors";
import { baseNameOf, encodeKeySegments, keyProblemMessage, MAX_KEY_BYTES, parentOf, segmentsProblem, splitKey } from "../key-path";

export { isHiddenKey, isWithin } from "../key-path";

/** A normalized etcd key: "/" for the root, otherwise "/a/b" with no empty, "." or ".." segment. */
export type KeyPath = string & { readonly __brand: "KeyPath" };

export const ROOT_KEY = "/" as KeyPath;

/** etcd's first request line on a new plain-HTTP connection must fit in 4096 bytes (cmux): "/v2/keys" and a key (3800). */
export const MAX_REQUEST_TARGET_BYTES = "/v2/keys".length + MAX_KEY_BYTES;

/** Builds a key from already-decoded segments (as Next.js hands catch-all params). */
export function keyFromSegments(segments: readonly string[]): KeyPath {
  const problem = segmentsProblem(segments);
  if (problem) throw EtcdError.invalidKey(keyProblemMessage(problem), "/" + segments.join("/"));
  return ("/" + segments.join("/")) as KeyPath;
}

/** Parses "/a/b", "a/b" or "/" into a KeyPath; rejects empty, "." and ".." segments, and keys too long for etcd. */
export function parseKey(input: string): KeyPath {
  if (input === "" || input === "/") return ROOT_KEY;
  const body = input.startsWith("/") ? input.slice(1) : input;
  return keyFromSegments(body.split("/"));
}

/** The path after `/v2/keys`, each segment percent-encoded. */
export function encodeKeyPath(key: KeyPath): string {
  return encodeKeySegments(splitKey(key));
}

export function parentKey(key: KeyPath): KeyPath {
  return parentOf(key) as KeyPath;
}

export function baseName(key: KeyPath): string {
  return baseNameOf(key);
}
