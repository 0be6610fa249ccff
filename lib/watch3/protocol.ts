// The v3 watch stream's contract, shared by the server (the SSE route) and the browser. It mirrors the v2
// stream (lib/watch/protocol.ts, unchanged) with revisions in place of indexes:
//
//   event: ready          id: R | R.n  data: {"revision":R}      live from here: what follows id R (or R.n) follows
//   event: put | delete   id: R | R.n  data: WatchEventData3     one change at revision R (= its mod_revision)
//   event: resync         id: R        data: {"revision":R,"reason":…}   changes were missed: reload at R, go on after R
//   event: status         data: {"state":"retrying"|"live","message"?}   as v2
//   event: failure        data: {"error":{code,message,…}}              as v2: the watch cannot go on; the stream ends
//   id: R                 (no data) nothing matched up to revision R: moves Last-Event-ID forward silently
//   : keep-alive          every 15 s
//
// Ids: several events share a revision when one transaction changed several watched keys. The last event
// of a revision has the id `R`; the ones before it `R.n`, n counting that revision's events sent so far
// (1, 2, …). Resume (`Last-Event-ID`, sent by EventSource on reconnect): `R` delivers the changes after
// revision R; `R.n` delivers revision R's events after its first n, then the later revisions. This is
// exact because etcd gives a watch the events of one revision in the same order every time (the
// transaction's order). `fromRevision=N` in the query is the first revision wanted (`Last-Event-ID: N-1`).
//
// Keys, values and prevKv are etcd's bytes in standard base64 (v3 keys and values need not be UTF-8):
// the browser decodes them with lib/binary/value-bytes.ts `base64ToBytes` and shows a key or value as
// text when its bytes are valid UTF-8, else escaped (keys) or in the hex / base64 views (values).
import { z } from "zod";

/** A key's state in an event, bytes in base64. A DELETE's kv has only key and modRevision (the rest 0). */
export interface KeyValueData3 {
  key: string;
  /** Absent on a delete (a put of an empty value has ""). */
  value?: string;
  createRevision: number;
  modRevision: number;
  version: number;
  /** The lease id as a decimal string (64 bits do not fit a JS number); absent: no lease. */
  lease?: string;
}

/** The `data:` of a put / delete event. */
export interface WatchEventData3 extends KeyValueData3 {
  type: "put" | "delete";
  /** The key's state before the change, when the watch asked for it and the key existed. */
  prevKv?: KeyValueData3;
}

export type ResyncReason3 = "compacted" | "too-slow";

export interface ReadyData3 {
  revision: number;
}
export interface ResyncData3 {
  revision: number;
  reason: ResyncReason3;
}

/**
 * How far a subscriber got: all changes up to `revision` - 1, and the first `seq` events of `revision`
 * (Infinity: all of them). Orders the stream like the ids do.
 */
export interface Position3 {
  revision: number;
  seq: number;
}

export function comparePositions(a: Position3, b: Position3): number {
  if (a.revision !== b.revision) return a.revision - b.revision;
  if (a.seq === b.seq) return 0;
  return a.seq < b.seq ? -1 : 1;
}

/** The SSE id of a position: `R` once revision R is complete, `R.n` within it. */
export function formatEventId3(position: Position3): string {
  return position.seq === Infinity ? String(position.revision) : `${position.revision}.${position.seq}`;
}

/**
 * The revision a watch resuming after `position` starts from: R + 1 after all of revision R; R itself
 * within it (its first events then arrive again and are dropped by position, as duplicates are).
 */
export function startRevisionAfter(position: Position3): number {
  return position.seq === Infinity ? position.revision + 1 : position.revision;
}

const revisionSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER - 1);

/** `Last-Event-ID`: `R` or `R.n` (n ≥ 1), as `formatEventId3` writes them. */
export const lastEventId3Schema = z
  .string()
  .regex(/^\d{1,16}(\.\d{1,9})?$/, "Expected a revision, or revision.n")
  .transform((text, ctx): Position3 => {
    const [revision, seq] = text.split(".");
    const parsed = revisionSchema.safeParse(revision);
    if (!parsed.success || (seq !== undefined && Number(seq) < 1)) {
      ctx.addIssue({ code: "custom", message: "Not a revision this stream sent." });
      return z.NEVER;
    }
    return { revision: parsed.data, seq: seq === undefined ? Infinity : Number(seq) };
  });

/** Query of the v3 watch route: the key alone, or every key under it (`prefix`), from a revision. */
export const watch3QuerySchema = z
  .object({
    prefix: z.enum(["true", "false"]).optional().transform((v) => v === "true"),
    fromRevision: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict();

const keyValueShape = {
  key: z.base64(),
  value: z.base64().optional(),
  createRevision: revisionSchema,
  modRevision: revisionSchema,
  version: revisionSchema,
  lease: z.string().regex(/^\d+$/).optional(),
};

/** The browser's check of an event's `data:` before it trusts it. */
export const watchEventData3Schema = z.object({
  ...keyValueShape,
  type: z.enum(["put", "delete"]),
  prevKv: z.object(keyValueShape).optional(),
});
