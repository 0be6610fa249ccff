// Which audit entries a filter keeps: every given criterion must hold. Pure.
import type { AuditFilter } from "@/lib/api/schemas";
import type { AuditEntry } from "./entry";

/**
 * The log is written in time order (each entry is appended as its write finishes), so a backward scan
 * may stop at the first entry this much older than `from`: the margin allows for the clock being set back.
 */
export const CLOCK_SLACK_MS = 10 * 60_000;

export interface AuditMatcher {
  matches(entry: AuditEntry): boolean;
  /** True once a backward scan has gone past anything the filter could still keep. */
  pastRange(entry: AuditEntry): boolean;
}

/** The filter compiled once (times parsed, the text lower-cased) for a scan over many entries. */
export function auditMatcher(filter: AuditFilter): AuditMatcher {
  const from = filter.from === undefined ? undefined : Date.parse(filter.from);
  const to = filter.to === undefined ? undefined : Date.parse(filter.to);
  const text = filter.q?.toLowerCase();
  return {
    matches(entry) {
      if (filter.user !== undefined && entry.user !== filter.user) return false;
      if (filter.cluster !== undefined && entry.cluster !== filter.cluster) return false;
      if (filter.operation !== undefined && entry.operation !== filter.operation) return false;
      if (filter.result !== undefined && !resultMatches(entry, filter.result)) return false;
      if (from !== undefined || to !== undefined) {
        const time = Date.parse(entry.time);
        if (from !== undefined && time < from) return false;
        if (to !== undefined && time > to) return false;
      }
      if (text !== undefined && ![entry.key, entry.member, entry.etcdUser, entry.etcdRole].some((target) => target?.toLowerCase().includes(text))) return false;
      return true;
    },
    pastRange(entry) {
      return from !== undefined && Date.parse(entry.time) < from - CLOCK_SLACK_MS;
    },
  };
}

/** ok, failed, or unknown (failed, but it may have been applied: a timeout after the write was sent). */
export function resultOf(entry: AuditEntry): "ok" | "failed" | "unknown" {
  if (entry.result.ok) return "ok";
  return entry.result.outcomeUnknown ? "unknown" : "failed";
}

function resultMatches(entry: AuditEntry, wanted: NonNullable<AuditFilter["result"]>): boolean {
  const result = resultOf(entry);
  // "failed" means "not applied as far as we know", so it includes the unknown outcomes.
  return result === wanted || (wanted === "failed" && result === "unknown");
}
