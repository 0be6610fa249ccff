// Reading the audit log back, newest first, a page at a time: a backward scan from the end of the file
// (or from the cursor a previous page ended at), skipping lines that are not entries, keeping those the
// filter matches. Memory stays at a chunk and a page, however large the file.
import "server-only";
import fs from "node:fs/promises";
import { AUDIT_PAGE_DEFAULT_LIMIT, type AuditQuery } from "@/lib/api/schemas";
import type { AuditLogResponse, AuditRecord } from "@/lib/api/types";
import { linesBackward, type BackwardLinesOptions } from "./backward-lines";
import { auditMatcher } from "./filter";
import { parseAuditLine } from "./schema";

/** A page of entries, newest first, and where the next (older) page starts unless the scan reached the beginning. */
export type AuditPage = Omit<AuditLogResponse, "file">;

export interface ReadAuditOptions extends BackwardLinesOptions {
  /**
   * One request reads at most this many bytes: a filter that matches little in a huge log answers with
   * what it found so far and a nextCursor, instead of holding the request (and a core) for seconds.
   */
  scanBudgetBytes?: number;
}

const DEFAULT_SCAN_BUDGET_BYTES = 32 * 1024 * 1024;

/** A page of the log at `file`; a file that does not exist yet is an empty log. */
export async function readAuditLog(file: string, query: AuditQuery, options: ReadAuditOptions = {}): Promise<AuditPage> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { entries: [] };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    // A cursor past the end belongs to a log that has since been rotated or truncated: start at the end.
    const end = Math.min(query.cursor ?? size, size);
    const read = async (position: number, length: number) => {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
    };
    return await collectPage(linesBackward(read, end, options), end, query, options.scanBudgetBytes ?? DEFAULT_SCAN_BUDGET_BYTES);
  } finally {
    await handle.close();
  }
}

async function collectPage(lines: AsyncIterable<{ offset: number; text: string }>, end: number, query: AuditQuery, budget: number): Promise<AuditPage> {
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT_LIMIT;
  const matcher = auditMatcher(query);
  const entries: AuditRecord[] = [];
  for await (const { offset, text } of lines) {
    const entry = parseAuditLine(text);
    if (entry) {
      if (matcher.pastRange(entry)) return { entries };
      if (matcher.matches(entry)) entries.push({ ...entry, id: String(offset) });
    }
    const more = offset > 0;
    if (entries.length >= limit || end - offset >= budget) return more ? { entries, nextCursor: String(offset) } : { entries };
  }
  return { entries };
}
