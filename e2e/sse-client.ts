// Reading the dashboard's watch streams from tests: a fetch that keeps the body open and parses SSE frames
// as they arrive (Playwright's `request` fixture only returns whole bodies).
import { SseParser, type SseFrame } from "../lib/watch/sse";

export interface OpenStream {
  status: number;
  headers: Headers;
  frames: SseFrame[];
  /** Resolves when the server ends the stream (not when close() aborts it). */
  ended: Promise<void>;
  /** Resolves with the frames once `check(frames)` holds; rejects after `timeoutMs`. */
  until(check: (frames: SseFrame[]) => boolean, timeoutMs?: number): Promise<SseFrame[]>;
  close(): void;
}

export async function openStream(url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
  const frames: SseFrame[] = [];
  const listeners = new Set<() => void>();
  const parser = new SseParser();
  let serverEnded = () => {};
  const ended = new Promise<void>((resolve) => (serverEnded = resolve));
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          frames.push(...parser.push(decoder.decode(chunk, { stream: true })));
          for (const listener of listeners) listener();
        }
        serverEnded();
      } catch {
        // aborted by close()
      }
    })();
  }
  return {
    status: response.status,
    headers: response.headers,
    frames,
    ended,
    until(check, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const test = () => {
          if (!check(frames)) return;
          cleanup();
          resolve(frames);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`stream condition not met in ${timeoutMs} ms; frames: ${JSON.stringify(frames).slice(0, 1500)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(test);
        };
        listeners.add(test);
        test();
      });
    },
    close: () => controller.abort(),
  };
}

export const actionFrames = (frames: SseFrame[]) => frames.filter((f) => f.event !== undefined && !["ready", "resync", "status", "failure"].includes(f.event));
