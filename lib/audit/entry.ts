// One audit record: who asked for which write on which cluster and key, what it was conditioned on, and
// how it ended. No value is ever recorded: neither a new one nor the prevValue a write was conditioned
// on (for a compare-and-delete that is the current value, which may be a secret), only that there was one.
export interface AuditEntry {
  time: string;
  user: string;
  /** Absent for logins and logouts, which concern the dashboard rather than a cluster. */
  cluster?: string;
  /**
   * "put", "post" (in-order key), "delete", "member-add", "member-remove", and etcd auth administration:
   * "auth-enable", "auth-disable", "user-create", "user-password", "user-grant", "user-revoke",
   * "user-delete", "role-create", "role-grant", "role-revoke", "role-update" (grant and revoke at once),
   * "role-delete", "guest-narrow"; v3 leases: "lease-refresh", "lease-revoke"; and the dashboard's own "login", "login-failed", "logout" and
   * "logout-everywhere" (options.of: whose sessions ended).
   */
  operation: string;
  /** "v3" for a write to the etcd v3 keyspace (its key is then the key's display form); absent for v2. */
  keyspace?: "v3";
  key?: string;
  /** The v3 lease a lease write ("lease-refresh", "lease-revoke") was about. */
  lease?: string;
  member?: string;
  /** The etcd user (auth administration) the write was about; never its password. */
  etcdUser?: string;
  /** The etcd role the write was about. */
  etcdRole?: string;
  /** What the write required of the current state; `prevValue: true` says a value was compared, never which. */
  conditions?: { prevIndex?: number; prevValue?: true; prevExist?: boolean; modRevision?: string };
  /** Options that change what the write does (dir, ttl, refresh, recursive). */
  options?: Record<string, unknown>;
  /** `revision`: the v3 revision a write got. */
  result: { ok: true; action?: string; index?: number; revision?: string } | { ok: false; code: string; message: string; etcdCode?: number; outcomeUnknown?: boolean };
}

/** The record as one JSON line; undefined fields are left out. */
export function auditLine(entry: AuditEntry): string {
  return JSON.stringify(entry, (_key, value: unknown) => (value === undefined ? undefined : value)) + "\n";
}

/** Splits a write's fields into conditions and options, leaving out the value and the prevValue's text. */
export function describeWrite(fields: Record<string, unknown>): Pick<AuditEntry, "conditions" | "options"> {
  const conditions: NonNullable<AuditEntry["conditions"]> = {};
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || name === "value") continue;
    if (name === "prevValue") conditions.prevValue = true;
    else if (name === "prevIndex" || name === "prevExist") (conditions as Record<string, unknown>)[name] = value;
    else options[name] = value;
  }
  return {
    ...(Object.keys(conditions).length ? { conditions } : {}),
    ...(Object.keys(options).length ? { options } : {}),
  };
}

/**
 * A v3 key write (lib/api/keys3.ts PutKey3Body, or a delete's modRevision) as conditions and options: the compared
 * mod revision, or prevExist false for a create (create_revision = 0), and the ttl; never the text or base64 value.
 */
export function describeWrite3(fields: { modRevision?: string; create?: true; ttl?: number | null }): Pick<AuditEntry, "conditions" | "options"> {
  const conditions = fields.create ? { prevExist: false } : fields.modRevision !== undefined ? { modRevision: fields.modRevision } : undefined;
  return { ...(conditions ? { conditions } : {}), ...(fields.ttl !== undefined ? { options: { ttl: fields.ttl } } : {}) };
}

/** What a v3 write ended with: the revision it got. */
export function revisionOutcome(result: { revision: string }): { revision: string } {
  return { revision: result.revision };
}

/**
 * How a failed write is recorded. etcd's cause of a failed compare quotes the key's current value
 * ("[yours != theirs]"), and the API's message carries that cause: the log keeps the message without it.
 */
export function failureOf(error: { code: string; message: string; cause?: string; etcdCode?: number; outcomeUnknown?: boolean }): Extract<AuditEntry["result"], { ok: false }> {
  const { code, cause, etcdCode, outcomeUnknown } = error;
  const quotesValue = code === "compare_failed" && cause !== undefined && error.message.endsWith(` (${cause})`);
  const message = quotesValue ? error.message.slice(0, -(cause.length + 3)) : error.message;
  return { ok: false, code, message, etcdCode, outcomeUnknown };
}

/** What a keys write ended with: etcd's action and the index it got. */
export function keysOutcome(result: { action?: string; node?: { modifiedIndex?: number }; etcdIndex?: number }): { action?: string; index?: number } {
  return { action: result.action, index: result.node?.modifiedIndex ?? result.etcdIndex };
}
