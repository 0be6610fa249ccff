// The state of one gRPC Watch stream that carries many watches (issue [12], "Live on v3"), with no I/O:
// the caller writes the requests it returns on the stream, feeds it every message the stream receives,
// and tells it when the stream ended or a new one opened; it answers what to deliver to which watch.
//
// Watch ids: chosen here, 1, 2, 3… per state (a fresh id for every create, so a late message of a
// canceled watch never reaches its successor). Not 0: in 3.4 a create with watch_id 0 asks the server to
// choose, and watch 0's messages carry no watch_id at all (§6.1). Creates are answered in the order they
// were sent, so a `created` reply is matched to the oldest unanswered create and its id adopted whatever
// it is: this also covers a server that numbers watches itself (0, 1, 2… as before 3.4) and refusals,
// which answer with the requested id or "-1" (§6.1, §9).
import "server-only";
import { asBuffer, toRevision, toWatchEvent, watchIdOf, type Bytes, type RawEvent, type RawWatchRequest, type RawWatchResponse, type WatchEvent3 } from "./wire";

export interface WatchSpec3 {
  key: Bytes;
  /** Absent: the key alone; a prefix end or "\0" for a range (§6.1). */
  rangeEnd?: Bytes;
  prevKv?: boolean;
  /**
   * First revision wanted; absent: the changes after now. A gap-free start after a listing at R is R + 1
   * (§6.1); after a compaction, re-list rather than watch from the compact revision (§6.4, gotcha 11).
   */
  startRevision?: number;
}

/** What a watch gets, in order. */
export type Delivery3<T> =
  /** The watch is created: the events after `revision` follow (the first `created` only). */
  | { type: "ready"; watch: T; revision: number }
  /** Events in revision order, all of each revision; `revision` is the last one's mod_revision. */
  | { type: "events"; watch: T; revision: number; events: WatchEvent3[] }
  /** Nothing matched up to `revision` (a periodic progress notification of this watch). */
  | { type: "progress"; watch: T; revision: number }
  /** Re-created on a new stream from its resume point: nothing was lost (a `status: live` for the hub). */
  | { type: "resumed"; watch: T }
  /**
   * History below `compactRevision` is gone and the watch ended (§6.4): re-list, send the `resync`, then
   * `add` it again from the listing's revision + 1 (never from `compactRevision`, gotcha 11).
   */
  | { type: "compacted"; watch: T; compactRevision: number; spec: WatchSpec3 }
  /**
   * The create was refused because the stream's token expired or is stale (§9: running watches go on, new
   * creates fail): the watch stays; renew the token, then end the stream and open a new one.
   */
  | { type: "reauthenticate"; watch: T; reason: string }
  /** The create was refused (e.g. permission denied, §9); the watch is gone. */
  | { type: "refused"; watch: T; reason: string }
  /** etcd ended the watch for another reason; the watch is gone. */
  | { type: "canceled"; watch: T; reason: string };

export interface Step3<T> {
  deliver: Delivery3<T>[];
  /** Requests to write on the current stream, in order. */
  send: RawWatchRequest[];
}

interface Watch<T> {
  token: T;
  spec: WatchSpec3;
  /** The first revision not yet delivered (the resume point); undefined until a watch "from now" is created. */
  next: number | undefined;
  /** Its id on the current stream, once sent. */
  id: string | undefined;
  active: boolean;
  announced: boolean;
  /** Removed while its create was unanswered: cancel it once created. */
  removed: boolean;
}

/**
 * Refusals that a fresh token cures (3.4 v3rpc/watch.go names them in `cancel_reason`): an expired or
 * revoked token (Unauthenticated), or one older than the last auth change ("revision of auth store is old").
 */
const STALE_TOKEN = /code = Unauthenticated|invalid auth token|auth store is old/;

export class WatchStreamState<T> {
  private readonly watches = new Map<T, Watch<T>>();
  private readonly byId = new Map<string, Watch<T>>();
  private pendingCreates: Watch<T>[] = [];
  /** Ids we canceled: their last messages and the cancel reply are dropped. */
  private readonly canceling = new Set<string>();
  /** Events of the fragments received so far, per watch id (§6.3). */
  private readonly fragments = new Map<string, RawEvent[]>();
  private nextId = 1;
  private open = false;

  /** The watches, live or waiting for a stream. */
  get size(): number {
    return this.watches.size;
  }

  has(watch: T): boolean {
    return this.watches.has(watch);
  }

  /** Where the watch would resume: the first revision it has not been given (undefined: not created yet). */
  resumeRevision(watch: T): number | undefined {
    return this.watches.get(watch)?.next;
  }

  /** Adds a watch; its create is sent at once when a stream is open, else when one opens. */
  add(token: T, spec: WatchSpec3): Step3<T> {
    if (this.watches.has(token)) throw new Error("This watch is already on the stream.");
    const watch: Watch<T> = { token, spec, next: spec.startRevision, id: undefined, active: false, announced: false, removed: false };
    this.watches.set(token, watch);
    return { deliver: [], send: this.open ? [this.create(watch)] : [] };
  }

  /** Removes a watch: nothing more is delivered for it. */
  remove(token: T): Step3<T> {
    const watch = this.watches.get(token);
    if (!watch) return empty();
    this.watches.delete(token);
    watch.removed = true;
    if (!watch.active || watch.id === undefined) return empty(); // unsent, or canceled once its create is answered
    return { deliver: [], send: [this.cancel(watch.id)] };
  }

  /** A new stream is open: every watch is created on it from its own resume point (nothing carries over from the last). */
  streamOpened(): Step3<T> {
    this.streamEnded();
    this.open = true;
    return { deliver: [], send: [...this.watches.values()].map((watch) => this.create(watch)) };
  }

  /**
   * The stream ended (member killed or frozen and cut by keepalive, `no leader` with `hasleader`, §1.3,
   * §1.4, §6.6): ids, unanswered creates and partial fragments belonged to it. The watches stay, to be
   * re-created by `streamOpened` from their resume points, which need no member in particular (§6.3).
   */
  streamEnded(): void {
    this.open = false;
    this.byId.clear();
    this.pendingCreates = [];
    this.canceling.clear();
    this.fragments.clear();
    for (const watch of this.watches.values()) {
      watch.id = undefined;
      watch.active = false;
    }
  }

  /** One message of the current stream. */
  receive(message: RawWatchResponse): Step3<T> {
    const id = watchIdOf(message);
    if (message.created) return this.created(id, message);
    const watch = this.byId.get(id);
    if (!watch) {
      if (message.canceled) this.canceling.delete(id);
      // A watch we canceled, or none of ours: "-1" is a progress_request reply, for the whole stream, that
      // may overtake catch-up events or lag behind delivered ones (§6.5, 3.4.23 bug), so it never moves a
      // resume point. (None is sent from here.)
      return empty();
    }
    if (message.canceled) return this.canceled(id, watch, message);
    const events = this.joinFragments(id, message);
    if (!events) return empty();
    return events.length === 0 ? this.progress(watch, message) : this.events(watch, events);
  }

  private created(id: string, message: RawWatchResponse): Step3<T> {
    const watch = this.pendingCreates.shift();
    if (!watch) return empty();
    if (message.canceled) {
      if (watch.removed) return empty();
      const reason = message.cancel_reason || "etcd refused the watch.";
      if (STALE_TOKEN.test(reason)) {
        return { deliver: [{ type: "reauthenticate", watch: watch.token, reason }], send: [] };
      }
      this.watches.delete(watch.token);
      return { deliver: [{ type: "refused", watch: watch.token, reason }], send: [] };
    }
    watch.id = id; // the requested id, or the server's own (see the top of this file)
    if (watch.removed) return { deliver: [], send: [this.cancel(id)] };
    this.byId.set(id, watch);
    watch.active = true;
    // §6.1: without a start revision the watch begins after the created reply's header revision. With
    // one, that header is the current revision, ahead of the catch-up still to come (gotcha 9).
    watch.next ??= toRevision(message.header?.revision) + 1;
    if (watch.announced) return { deliver: [{ type: "resumed", watch: watch.token }], send: [] };
    watch.announced = true;
    return { deliver: [{ type: "ready", watch: watch.token, revision: watch.next - 1 }], send: [] };
  }

  private canceled(id: string, watch: Watch<T>, message: RawWatchResponse): Step3<T> {
    this.byId.delete(id);
    this.fragments.delete(id);
    this.watches.delete(watch.token);
    const compactRevision = toRevision(message.compact_revision);
    if (compactRevision > 0) return { deliver: [{ type: "compacted", watch: watch.token, compactRevision, spec: watch.spec }], send: [] };
    return { deliver: [{ type: "canceled", watch: watch.token, reason: message.cancel_reason || "etcd canceled the watch." }], send: [] };
  }

  /** §6.3: every part but the last has `fragment: true`; the events of the parts are joined. Undefined: more parts to come. */
  private joinFragments(id: string, message: RawWatchResponse): RawEvent[] | undefined {
    const events = message.events ?? [];
    const earlier = this.fragments.get(id);
    if (message.fragment) {
      if (earlier) for (const event of events) earlier.push(event); // no push(...): a large batch would overflow the stack
      else this.fragments.set(id, [...events]);
      return undefined;
    }
    if (!earlier) return events;
    this.fragments.delete(id);
    for (const event of events) earlier.push(event);
    return earlier;
  }

  /**
   * §6.3: periodic progress goes only to synced watches, so its header revision + 1 is a safe resume
   * point (and the only way a quiet watch's moves past a compaction), but never backwards.
   */
  private progress(watch: Watch<T>, message: RawWatchResponse): Step3<T> {
    const revision = toRevision(message.header?.revision);
    if (watch.next === undefined || revision < watch.next) return empty();
    watch.next = revision + 1;
    return { deliver: [{ type: "progress", watch: watch.token, revision }], send: [] };
  }

  /**
   * §6.3, gotcha 9: resume from the last event's mod_revision + 1, never from a catch-up batch's header
   * revision. Events below the resume point were delivered already (a resumed or failed-over watch
   * repeating them): dropped. A message (once joined) holds whole revisions, so all of a revision's
   * events pass or none.
   */
  private events(watch: Watch<T>, raw: RawEvent[]): Step3<T> {
    const from = watch.next ?? 0;
    const events: WatchEvent3[] = [];
    for (const event of raw) {
      const converted = toWatchEvent(event);
      if (converted.kv.modRevision >= from) events.push(converted);
    }
    if (events.length === 0) return empty();
    const revision = events[events.length - 1]!.kv.modRevision;
    watch.next = revision + 1;
    return { deliver: [{ type: "events", watch: watch.token, revision, events }], send: [] };
  }

  private create(watch: Watch<T>): RawWatchRequest {
    const id = String(this.nextId++);
    watch.id = id;
    watch.active = false;
    this.pendingCreates.push(watch);
    const { key, rangeEnd, prevKv } = watch.spec;
    return {
      create_request: {
        key: asBuffer(key),
        ...(rangeEnd ? { range_end: asBuffer(rangeEnd) } : {}),
        ...(watch.next !== undefined ? { start_revision: String(watch.next) } : {}),
        // The only safe way to move a quiet watch's resume point forward (§6.5); progress_request is not.
        progress_notify: true,
        ...(prevKv ? { prev_kv: true } : {}),
        watch_id: id,
        // §6.3: without it a large catch-up is one message over grpc-js's limit and kills the stream.
        fragment: true,
      },
    };
  }

  private cancel(id: string): RawWatchRequest {
    this.byId.delete(id);
    this.fragments.delete(id);
    this.canceling.add(id);
    return { cancel_request: { watch_id: id } };
  }
}

function empty<T>(): Step3<T> {
  return { deliver: [], send: [] };
}
