// The browser's side of resuming a v3 watch stream (protocol.ts), pure so it can be tested: where the
// stream has got to, which frames repeat what was already handed on, and the URL that reopens the stream
// from there. EventSource resumes by itself with Last-Event-ID (exact, even inside a transaction); when
// the hook has to open a new stream (refused, or failed), the URL can only say a revision (`fromRevision`),
// so a stream that stopped inside revision R reopens at R and the cursor drops R's first n events again.
import { encodeKeyParam } from "@/lib/keyspace3/key-url";
import { comparePositions, lastEventId3Schema, startRevisionAfter, type Position3 } from "./protocol";

export class StreamCursor3 {
  /** The last position handed on (undefined: none yet). */
  position: Position3 | undefined;

  /** Starts after `fromRevision - 1` when given (the first revision wanted). */
  constructor(fromRevision?: number) {
    this.position = fromRevision === undefined ? undefined : { revision: fromRevision - 1, seq: Infinity };
  }

  /**
   * A frame's id moves the cursor: true when it is new (hand it on), false when it repeats or precedes
   * what was handed on already, or is not an id of this stream.
   */
  advance(id: string): boolean {
    const parsed = lastEventId3Schema.safeParse(id);
    if (!parsed.success) return false;
    if (this.position !== undefined && comparePositions(parsed.data, this.position) <= 0) return false;
    this.position = parsed.data;
    return true;
  }

  /** `ready` and `resync` state the position (a resync's may equal the last event's): never backwards. */
  restate(revision: number): void {
    const stated: Position3 = { revision, seq: Infinity };
    if (this.position === undefined || comparePositions(stated, this.position) > 0) this.position = stated;
  }

  /** The first revision a new stream must start at to miss nothing (undefined: from now). */
  get resumeRevision(): number | undefined {
    return this.position === undefined ? undefined : startRevisionAfter(this.position);
  }
}

/** The v3 watch route's URL for a key (or every key under it, `prefix`), from `fromRevision` when given. */
export function watch3StreamUrl(cluster: string, key: Uint8Array, prefix: boolean, fromRevision?: number): string {
  const query = [`key=${encodeKeyParam(key)}`];
  if (prefix) query.push("prefix=true");
  if (fromRevision !== undefined) query.push(`fromRevision=${fromRevision}`);
  return `/api/clusters/${encodeURIComponent(cluster)}/v3/watch?${query.join("&")}`;
}
