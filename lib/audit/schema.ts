// The audit entry as a zod schema, for reading the log back: each line is checked before anything
// trusts it (the file is append-only, but it can be torn, hand-edited or written by an older version).
// Unknown fields are dropped; the type must stay the one lib/audit/entry.ts writes (checked below).
import { z } from "zod";
import type { AuditEntry } from "./entry";

const conditionsSchema = z.object({
  prevIndex: z.number().optional(),
  // Older versions wrote the prevValue itself: it is read back as only "a value was compared".
  prevValue: z.union([z.literal(true), z.string().transform((): true => true)]).optional(),
  prevExist: z.boolean().optional(),
  modRevision: z.string().optional(),
});

const resultSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), action: z.string().optional(), index: z.number().optional(), revision: z.string().optional() }),
  z.object({
    ok: z.literal(false),
    code: z.string(),
    message: z.string(),
    etcdCode: z.number().optional(),
    outcomeUnknown: z.boolean().optional(),
  }),
]);

const auditEntrySchema = z.object({
  time: z.iso.datetime({ offset: true }),
  user: z.string(),
  cluster: z.string().optional(),
  operation: z.string(),
  keyspace: z.literal("v3").optional(),
  key: z.string().optional(),
  lease: z.string().optional(),
  member: z.string().optional(),
  etcdUser: z.string().optional(),
  etcdRole: z.string().optional(),
  conditions: conditionsSchema.optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  result: resultSchema,
});

// Fails to compile when AuditEntry and the schema drift apart: change both together.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof auditEntrySchema>, AuditEntry> = true;
void sameShape;

/** One line of the log as an entry, or undefined for anything else (torn, garbage, another shape). */
export function parseAuditLine(line: string): AuditEntry | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = auditEntrySchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
