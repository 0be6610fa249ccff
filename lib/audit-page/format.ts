// An audit entry's parts in words for the Audit page's table. Pure.
import type { AuditEntry } from "@/lib/audit/entry";

/** An option longer than this is cut in the table (the cell's title holds it whole). */
export const MAX_SHOWN_VALUE = 120;

export function shortened(text: string, max = MAX_SHOWN_VALUE): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * What the write required (never a value): "prevExist = false" and "prevIndex = 12" read the same in every
 * language; a compared prevValue is a code the table words ("prevValue compared").
 */
export type Condition = { text: string } | { prevValueCompared: true };

export function describeConditions(conditions: AuditEntry["conditions"]): Condition[] {
  if (!conditions) return [];
  const out: Condition[] = [];
  if (conditions.prevExist !== undefined) out.push({ text: `prevExist = ${conditions.prevExist}` });
  if (conditions.prevIndex !== undefined) out.push({ text: `prevIndex = ${conditions.prevIndex}` });
  if (conditions.prevValue) out.push({ prevValueCompared: true });
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
  | { kind: "ok"; action?: string; index?: number }
  | { kind: "failed"; code: string; message: string; etcdCode?: number }
  | { kind: "unknown"; code: string; message: string; etcdCode?: number };

/** ok with etcd's action and index (the table words them), or the error; "unknown" when the write may have been applied. */
export function summarizeResult(result: AuditEntry["result"]): ResultSummary {
  if (result.ok) return { kind: "ok", ...(result.action ? { action: result.action } : {}), ...(result.index === undefined ? {} : { index: result.index }) };
  const { code, message, etcdCode } = result;
  return { kind: result.outcomeUnknown ? "unknown" : "failed", code, message, etcdCode };
}
