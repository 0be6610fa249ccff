// Key path rules shared by the server (lib/etcd) and the browser: etcd cleans paths (`//`, `.`, `..`
// give a 301 to another key) and decodes `%2F` into a separator, so keys are checked and encoded
// segment by segment. Pure; no server or browser APIs.

/** Why a segment is not a valid key segment, or null when it is fine. */
export function segmentProblem(segment: string): string | null {
  if (segment === "") return 'empty path segment ("//" or a trailing "/")';
  if (segment === "." || segment === "..") return `"${segment}" is not allowed as a key segment`;
  if (segment.includes("/")) return 'a key segment cannot contain "/"';
  if (segment.includes("\u0000")) return "a key segment cannot contain NUL";
  return null;
}

/** The segments of "/a/b" (or "a/b"); [] for the root. Does not validate. */
export function splitKey(key: string): string[] {
  const body = key.startsWith("/") ? key.slice(1) : key;
  return body === "" ? [] : body.split("/");
}

/** Why a whole key ("/a/b") is invalid, or null. */
export function keyProblem(key: string): string | null {
  for (const segment of splitKey(key)) {
    const problem = segmentProblem(segment);
    if (problem) return problem;
  }
  return null;
}

export function joinKey(segments: readonly string[]): string {
  return "/" + segments.join("/");
}

/** Each segment percent-encoded (so `?`, `#`, `%`, spaces survive), joined with "/"; "/" for the root. */
export function encodeKeySegments(segments: readonly string[]): string {
  return "/" + segments.map(encodeURIComponent).join("/");
}

export function parentOf(key: string): string {
  return joinKey(splitKey(key).slice(0, -1));
}

export function baseNameOf(key: string): string {
  // The last segment of splitKey(key), without splitting: the tree asks this of every child of a listing.
  return key.slice(key.lastIndexOf("/") + 1);
}

/** Hidden keys: any segment starting with "_" is left out of etcd's listings and live recursive watches. */
export function isHiddenKey(key: string): boolean {
  return splitKey(key).some((segment) => segment.startsWith("_"));
}

/** True when `key` is `ancestor` itself or lies below it. */
export function isWithin(key: string, ancestor: string): boolean {
  if (ancestor === "/") return true;
  return key === ancestor || key.startsWith(ancestor + "/");
}

/** Every ancestor directory of `key`, from the root down, excluding the key itself: "/a/b/c" -> ["/", "/a", "/a/b"]. */
export function ancestorsOf(key: string): string[] {
  const segments = splitKey(key);
  return segments.map((_, i) => joinKey(segments.slice(0, i)));
}
