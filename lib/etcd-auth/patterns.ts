// The etcd auth page's pure logic: key patterns typed one per line, and the grant / revoke that turns a
// role's patterns into the edited ones (etcd changes a role only through grant and revoke).
import type { KvPermissions } from "@/lib/api/types";

/** Patterns from a text box: one per line (commas too), trimmed, blanks and repeats dropped. */
export function parsePatterns(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\n,]/)) {
    const pattern = part.trim();
    if (pattern) seen.add(pattern);
  }
  return [...seen];
}

/** What to grant and revoke to go from `before` to `after`; null when nothing changes. */
export function permissionChange(before: KvPermissions, after: KvPermissions) {
  const added = (from: string[], to: string[]) => to.filter((p) => !from.includes(p));
  const grant = { read: added(before.read, after.read), write: added(before.write, after.write) };
  const revoke = { read: added(after.read, before.read), write: added(after.write, before.write) };
  const some = (lists: KvPermissions) => lists.read.length > 0 || lists.write.length > 0;
  if (!some(grant) && !some(revoke)) return null;
  return { ...(some(grant) ? { grant } : {}), ...(some(revoke) ? { revoke } : {}) };
}

/** The roles to grant and revoke to go from `before` to the ticked `after`. */
export function roleChange(before: string[], after: string[]) {
  return { grant: after.filter((r) => !before.includes(r)), revoke: before.filter((r) => !after.includes(r)) };
}
