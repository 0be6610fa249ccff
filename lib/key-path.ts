// Key path rules shared by the server (lib/etcd) and the browser: etcd cleans paths (`//`, `.`, `..`
// give a 301 to another key) and decodes `%2F` into a separator, so keys are checked and encoded
// segment by segment. Pure; no server or browser APIs.

/**
 * Why a key is not valid, as a code and its parameters: the UI words it in the page's language (the
 * `validation` catalogue), the API in English (keyProblemMessage).
 */
export type KeyProblem =
  | { code: "emptySegment" }
  | { code: "dotSegment"; segment: string }
  | { code: "slashInSegment" }
  | { code: "nulInSegment" }
  | { code: "tooLong"; bytes: number; max: number };

/** Why a segment is not a valid key segment, or null when it is fine. */
function segmentProblem(segment: string): KeyProblem | null {
  if (segment === "") return { code: "emptySegment" };
  if (segment === "." || segment === "..") return { code: "dotSegment", segment };
  if (segment.includes("/")) return { code: "slashInSegment" };
  if (segment.includes("\u0000")) return { code: "nulInSegment" };
  return null;
}

/** A key problem in English, for API clients (the error envelope); the UI uses the `validation` catalogue. */
export function keyProblemMessage(problem: KeyProblem): string {
  switch (problem.code) {
    case "emptySegment":
      return 'empty path segment ("//" or a trailing "/")';
    case "dotSegment":
      return `"${problem.segment}" is not allowed as a key segment`;
    case "slashInSegment":
      return 'a key segment cannot contain "/"';
    case "nulInSegment":
      return "a key segment cannot contain NUL";
    case "tooLong":
      return `too long: ${problem.bytes} bytes once URL-encoded, at most ${problem.max} (etcd reads at most 4 KiB of a request line)`;
  }
}

/** The segments of "/a/b" (or "a/b"); [] for the root. Does not validate. */
export function splitKey(key: string): string[] {
  const body = key.startsWith("/") ? key.slice(1) : key;
  return body === "" ? [] : body.split("/");
}

/**
 * The one length limit on a key, wherever it comes from (a route's path, a form, a request body, an import
 * file): its URL-encoded path, which is how etcd v2 receives it, in bytes. etcd reads at most 4 KiB of a
 * request's first line (cmux) and resets the connection beyond; the client keeps its request targets to
 * 3800 bytes, "/v2/keys" and this. A request whose query string then goes over is refused by the client.
 */
export const MAX_KEY_BYTES = 3792;

/** Why a whole key ("/a/b") is invalid, or null. */
export function keyProblem(key: string): KeyProblem | null {
  return segmentsProblem(splitKey(key));
}

/** Why the key made of these segments is invalid (a bad segment, or too long), or null. */
export function segmentsProblem(segments: readonly string[]): KeyProblem | null {
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem) return problem;
  }
  const bytes = encodeKeySegments(segments).length;
  return bytes > MAX_KEY_BYTES ? { code: "tooLong", bytes, max: MAX_KEY_BYTES } : null;
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
