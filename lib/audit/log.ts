// The audit log: every write made through the dashboard, appended as one JSON line to a file
// (ETCD_DASHBOARD_AUDIT_LOG, default audit.jsonl in the server's working directory), in the order the
// writes finished. A failure to append is reported on the server's console and never hides the write's result.
import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { toApiError } from "@/lib/api/server/error-response";
import { auditLine, failureOf, type AuditEntry } from "./entry";

export function auditLogPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.ETCD_DASHBOARD_AUDIT_LOG || "audit.jsonl");
}

let tail: Promise<void> = Promise.resolve();
/** Lines waiting for the next append; every entry that arrives while one is being written joins it. */
let pending: { lines: string[]; written: Promise<void> } | null = null;

/** Appends one entry that is not a write (a login, a logout); the write's own go through audited(). */
export function recordAudit(entry: Omit<AuditEntry, "time">): Promise<void> {
  return append({ time: new Date().toISOString(), ...entry });
}

/**
 * Appends an entry, resolving once it is in the file. Entries are written in the order they came, one
 * append per batch: an import of 100,000 keys waited for 100,000 appends one after another before.
 */
function append(entry: AuditEntry): Promise<void> {
  if (!pending) {
    const file = auditLogPath();
    const batch: { lines: string[]; written: Promise<void> } = { lines: [], written: Promise.resolve() };
    batch.written = tail = tail
      .then(async () => {
        // From here on, new entries start the next batch.
        if (pending === batch) pending = null;
        const data = batch.lines.join("");
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.appendFile(file, data, { mode: 0o600 });
      })
      .catch((error: unknown) => console.error(`[etcd-dashboard] could not append to the audit log ${file}:`, error));
    pending = batch;
  }
  pending.lines.push(auditLine(entry));
  return pending.written;
}

type Described = Omit<AuditEntry, "time" | "result">;

/** Runs a write and records it, whatever its outcome; the write's result or error passes through. */
export async function audited<T>(what: Described, write: () => Promise<T>, indexOf: (result: T) => { action?: string; index?: number; revision?: string } = () => ({})): Promise<T> {
  const base = { time: "", ...what };
  try {
    const result = await write();
    await append({ ...base, time: new Date().toISOString(), result: { ok: true, ...indexOf(result) } });
    return result;
  } catch (error) {
    await append({ ...base, time: new Date().toISOString(), result: failureOf(toApiError(error).body) });
    throw error;
  }
}
