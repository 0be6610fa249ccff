// Short forms for the watch log's rows. Pure.
import type { ResyncReason } from "@/lib/watch/protocol";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Local wall-clock time with milliseconds, "14:03:07.042": events often come within one second. */
export function formatClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The resync row, in plain words. */
export function describeResync(etcdIndex: number, reason: ResyncReason): string {
  const why = reason === "history-cleared" ? "etcd no longer held them (it keeps the last 1000 events)" : "the dashboard fell too far behind";
  return `Events were missed: ${why}. Reloaded at index ${etcdIndex}; changes after it follow.`;
}
