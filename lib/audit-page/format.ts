// An audit entry's parts in words for the Audit page's table. Pure.
import type { AuditEntry } from "@/lib/audit/entry";

/** An option longer than this is cut in the table (the cell's title holds it whole). */
export const MAX_SHOWN_VALUE = 120;

export function shortened(text: string, max = MAX_SHOWN_VALUE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "prevIndex = 12", "prevValue compared", "prevExist = false": what the write required (never a value). */
export function describeConditions(conditions: AuditEntry["conditions"]): { label: string; full: string }[] {
  if (!conditions) return [];
  const out: { label: string; full: string }[] = [];
  if (conditions.prevExist !== undefined) out.push({ label: `prevExist = ${conditions.prevExist}`, full: `prevExist = ${conditions.prevExist}` });
  if (conditions.prevIndex !== undefined) out.push({ label: `prevIndex = ${conditions.prevIndex}`, full: `prevIndex = ${conditions.prevIndex}` });
  if (conditions.prevValue) out.push({ label: "prevValue compared", full: "prevValue compared: the write required a value, which the log never records" });
  return out;
}

/** "ttl = 60", "dir", "recursive", "peerURLs = http://a:2380": what changed what the write does. */
export function describeOptions(options: AuditEntry["options"]): string[] {
  if (!options) return [];
  return Object.entries(options).map(([name, value]) => {
    if (value === true) return name;
    if (Array.isArray(value)) return `${name} = ${value.map(String).join(", ")}`;
    if (typeof value === "string") return `${name} = ${value}`;
    return `${name} = ${JSON.stringify(value) ?? String(value)}`;
  });
}

export type ResultSummary =
  | { kind: "ok"; detail: string }
  | { kind: "failed"; code: string; message: string; etcdCode?: number }
  | { kind: "unknown"; code: string; message: string; etcdCode?: number };

/** ok with etcd's action and index, or the error; "unknown" when the write may have been applied. */
export function summarizeResult(result: AuditEntry["result"]): ResultSummary {
  if (result.ok) {
    const detail = [result.action, result.index === undefined ? undefined : `index ${result.index}`].filter(Boolean).join(", ");
    return { kind: "ok", detail };
  }
  const { code, message, etcdCode } = result;
  return { kind: result.outcomeUnknown ? "unknown" : "failed", code, message, etcdCode };
}
