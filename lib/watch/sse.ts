// Server-sent events framing (WHATWG HTML §9.2): writing frames on the server, reading them in tests
// and benchmarks (the browser's EventSource reads them in the app).

export interface SseFrame {
  event?: string;
  id?: string;
  data?: string;
}

/**
 * One frame as text. `data` must not contain line breaks (JSON.stringify never produces them);
 * an id-only frame updates the client's Last-Event-ID without dispatching an event.
 */
export function formatSse(frame: SseFrame): string {
  let text = "";
  if (frame.event !== undefined) text += `event: ${frame.event}\n`;
  if (frame.id !== undefined) text += `id: ${frame.id}\n`;
  if (frame.data !== undefined) text += `data: ${frame.data}\n`;
  return text + "\n";
}

export const SSE_COMMENT_KEEP_ALIVE = ": keep-alive\n\n";

/**
 * Incremental parser: feed it chunks of text, get complete frames (comments dropped). Frames without
 * data are returned too (id-only progress frames), unlike EventSource, which only records their id.
 */
export class SseParser {
  private buffer = "";
  private frame: SseFrame = {};

  push(chunk: string): SseFrame[] {
    this.buffer += chunk;
    const frames: SseFrame[] = [];
    let start = 0;
    for (;;) {
      const end = this.buffer.indexOf("\n", start);
      if (end < 0) break;
      let line = this.buffer.slice(start, end);
      start = end + 1;
      if (line.endsWith("\r")) line = line.slice(0, -1);
      if (line === "") {
        if (this.frame.event !== undefined || this.frame.id !== undefined || this.frame.data !== undefined) frames.push(this.frame);
        this.frame = {};
        continue;
      }
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (field === "event") this.frame.event = value;
      else if (field === "id") this.frame.id = value;
      else if (field === "data") this.frame.data = this.frame.data === undefined ? value : `${this.frame.data}\n${value}`;
    }
    this.buffer = this.buffer.slice(start);
    return frames;
  }
}
