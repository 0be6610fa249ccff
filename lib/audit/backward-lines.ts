// Lines of a file from the end backwards, read in chunks, so the newest entries of a log of hundreds of
// MB come without loading it whole. Bytes are split at "\n" (a byte that never occurs inside a UTF-8
// sequence) and a line is decoded only once it is complete. Knows nothing of files: `read` gives bytes.

export interface BackwardLine {
  /** Byte offset of the line's first byte: an id, and where the scan resumes (everything before it is older). */
  offset: number;
  text: string;
}

export type ReadBytes = (position: number, length: number) => Promise<Uint8Array>;

export interface BackwardLinesOptions {
  chunkBytes?: number;
  /** Longer lines are garbage (an entry is a few hundred bytes): skipped without holding them in memory. */
  maxLineBytes?: number;
}

const DEFAULT_CHUNK_BYTES = 64 * 1024;
const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

const NEWLINE = 0x0a;

/** The lines ending before byte `end`, last first; empty lines are left out. */
export async function* linesBackward(read: ReadBytes, end: number, options: BackwardLinesOptions = {}): AsyncGenerator<BackwardLine> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const decoder = new TextDecoder("utf-8");
  // The tail of a line whose start is in a chunk not read yet, in file order (joined once, when complete).
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  let position = end;

  const take = (chunk: Uint8Array, from: number, to: number): string | undefined => {
    const parts = from < to ? [chunk.subarray(from, to), ...pending] : pending;
    const length = to - from + pendingBytes;
    const skip = tooLong || length > maxLineBytes;
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    if (skip || length === 0) return undefined;
    return decoder.decode(parts.length === 1 ? parts[0] : concat(parts, length));
  };

  while (position > 0) {
    const size = Math.min(chunkBytes, position);
    position -= size;
    const chunk = await read(position, size);
    let lineEnd = chunk.length;
    for (let i = chunk.lastIndexOf(NEWLINE, lineEnd - 1); i >= 0; i = i > 0 ? chunk.lastIndexOf(NEWLINE, i - 1) : -1) {
      const text = take(chunk, i + 1, lineEnd);
      if (text !== undefined) yield { offset: position + i + 1, text };
      lineEnd = i;
    }
    if (lineEnd > 0) {
      if (!tooLong) {
        pending.unshift(chunk.slice(0, lineEnd));
        pendingBytes += lineEnd;
      }
      if (pendingBytes > maxLineBytes) {
        tooLong = true;
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  const first = take(new Uint8Array(0), 0, 0);
  if (first !== undefined) yield { offset: 0, text: first };
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
