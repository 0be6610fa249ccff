// TTL arithmetic: remaining seconds from an expiration, a live countdown's text, the TTL field's parse.
import { ttlSchema } from "@/lib/api/schemas";

/** Seconds left until `expiration` (RFC 3339), rounded up like etcd; can be 0 or negative when overdue. */
export function remainingSeconds(expiration: string, now: number): number {
  return Math.ceil((Date.parse(expiration) - now) / 1000);
}

/** "1d 02h 03m 04s", "2m 05s", "7s"; "expired" at or below zero. */
export function formatCountdown(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return "expired";
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  if (d > 0) return `${d}d ${pad(h)}h ${pad(m)}m ${pad(s)}s`;
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
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
