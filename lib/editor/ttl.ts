// TTL arithmetic: remaining seconds from an expiration, the TTL field's parse (a countdown's words: lib/editor/ttl-tone.ts).
import { ttlSchema } from "@/lib/api/schemas";

/** Seconds left until `expiration` (RFC 3339), rounded up like etcd; can be 0 or negative when overdue. */
export function remainingSeconds(expiration: string, now: number): number {
  return Math.ceil((Date.parse(expiration) - now) / 1000);
}

/** Why a TTL field is not usable, as a code: the form words it (the `validation` catalogue's `ttl`). */
export type TtlProblem = "notWhole" | "negative" | "tooLarge";

export type TtlField = { ok: true; ttl: number | null } | { ok: false; problem: TtlProblem };

/** The TTL field: "" means no TTL; otherwise a whole number of seconds, checked by the API's own schema. */
export function parseTtlField(text: string): TtlField {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, ttl: null };
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { ok: false, problem: "notWhole" };
  const parsed = ttlSchema.safeParse(Number(trimmed));
  if (parsed.success) return { ok: true, ttl: parsed.data };
  const issue = parsed.error.issues[0]?.code;
  return { ok: false, problem: issue === "too_small" ? "negative" : issue === "too_big" ? "tooLarge" : "notWhole" };
}
