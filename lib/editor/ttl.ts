// TTL arithmetic: remaining seconds from an expiration, the TTL field's parse (a countdown's words: lib/editor/ttl-tone.ts).
import { ttlSchema } from "@/lib/api/schemas";

/** Seconds left until `expiration` (RFC 3339), rounded up like etcd; can be 0 or negative when overdue. */
export function remainingSeconds(expiration: string, now: number): number {
  return Math.ceil((Date.parse(expiration) - now) / 1000);
}

export type TtlField = { ok: true; ttl: number | null } | { ok: false; error: string };

/** The TTL field: "" means no TTL; otherwise a whole number of seconds, checked by the API's own schema. */
export function parseTtlField(text: string): TtlField {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, ttl: null };
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { ok: false, error: "TTL must be a whole number of seconds" };
  const parsed = ttlSchema.safeParse(Number(trimmed));
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "invalid TTL" };
  return { ok: true, ttl: parsed.data };
}
