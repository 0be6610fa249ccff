// Asking each member directly (its own /health, /version, stats): a dead member answers fast or not at all,
// and must not hold up the whole page.
import "server-only";
import { EtcdError, isEtcdError } from "./errors";
import type { EtcdResponse, EtcdTransport } from "./transport";
import type { Member } from "./wire";

/** Per-member calls answer fast or not at all. */
export const MEMBER_PROBE_TIMEOUT_MS = 2_000;

export type PerMember<T> =
  | { id: string; name: string; endpoint: string | null; ok: true; value: T }
  | { id: string; name: string; endpoint: string | null; ok: false; error: EtcdError };

/** One GET to one member only, within the probe deadline. */
export function probeMember(transport: EtcdTransport, endpoint: string, path: string, signal?: AbortSignal): Promise<EtcdResponse> {
  return transport.request({ method: "GET", path, idempotent: true, endpoint, timeoutMs: MEMBER_PROBE_TIMEOUT_MS, signal });
}

/** Asks every member at its first client URL, in parallel; a member not started yet has none. */
export function askEachMember<T>(members: Member[], ask: (endpoint: string) => Promise<T>): Promise<PerMember<T>[]> {
  return Promise.all(
    members.map(async (member): Promise<PerMember<T>> => {
      const base = { id: member.id, name: member.name, endpoint: member.clientURLs[0] ?? null };
      if (!base.endpoint) {
        return { ...base, ok: false, error: new EtcdError("unavailable", "The member has not started yet.") };
      }
      try {
        return { ...base, ok: true, value: await ask(base.endpoint) };
      } catch (error) {
        if (isEtcdError(error)) return { ...base, ok: false, error };
        throw error;
      }
    }),
  );
}
