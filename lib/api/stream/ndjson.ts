// The browser's side of lib/api/server/ndjson.ts: reads a stream of JSON lines as they arrive. An error
// answer before the stream (a non-2xx status) and an error line inside it both become an ApiError, the
// same as apiFetch's.
import { ApiError, apiErrorBodySchema } from "../errors";
import { apiErrorOf } from "../fetcher";

/** Splits text into complete lines, keeping a partial last line for the next chunk. */
export class LineSplitter {
  private rest = "";

  push(chunk: string): string[] {
    const text = this.rest + chunk;
    const lines = text.split("\n");
    this.rest = lines.pop() ?? "";
    return lines.filter((line) => line.trim() !== "");
  }

  /** What is left once the stream ended (a last line without a newline). */
  end(): string[] {
    const rest = this.rest.trim();
    this.rest = "";
    return rest ? [rest] : [];
  }
}

/**
 * Fetches `path` and calls `onLine` with each parsed line, in order. Resolves when the stream ends;
 * rejects with an ApiError for an error answer or error line, or with the abort reason when `init.signal`
 * aborts (the server then stops the work).
 */
export async function fetchNdjson(path: string, init: RequestInit, onLine: (line: unknown) => void): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: "application/x-ndjson", ...init.headers } });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw ApiError.of("etcd_unavailable", "The dashboard server cannot be reached.");
  }
  await readNdjson(response, onLine);
}

/** Calls `onLine` with each parsed line of a fetched JSON-lines response (an error answer or line: an ApiError). */
export async function readNdjson(response: Response, onLine: (line: unknown) => void): Promise<void> {
  if (!response.ok) throw await apiErrorOf(response);
  if (!response.body) throw ApiError.of("internal", "The dashboard server answered without a body.");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const splitter = new LineSplitter();
  const handle = (line: string) => {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === "object" && parsed !== null && (parsed as { type?: unknown }).type === "error") {
      const body = apiErrorBodySchema.safeParse((parsed as { error?: unknown }).error);
      throw body.success ? new ApiError(body.data) : ApiError.of("internal", "The operation stopped with an unreadable error.");
    }
    onLine(parsed);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const line of splitter.push(value)) handle(line);
  }
  for (const line of splitter.end()) handle(line);
}
