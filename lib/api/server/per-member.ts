import "server-only";
import type { PerMember } from "@/lib/etcd";
import type { PerMemberResult } from "../types";
import { toApiError } from "./error-response";

/** Per-member results for the browser: each member's stats, or its error as {code, message}. */
export function perMemberBody<T>(results: PerMember<T>[]): { members: PerMemberResult<T>[] } {
  return {
    members: results.map((r) => {
      const base = { id: r.id, name: r.name, endpoint: r.endpoint };
      if (r.ok) return { ...base, ok: true as const, stats: r.value };
      const { code, message } = toApiError(r.error);
      return { ...base, ok: false as const, error: { code, message } };
    }),
  };
}
