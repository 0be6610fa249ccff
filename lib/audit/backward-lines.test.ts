import { describe, expect, it } from "vitest";
import { linesBackward, type BackwardLinesOptions } from "./backward-lines";

function reader(bytes: Uint8Array) {
  const reads: [number, number][] = [];
  const read = async (position: number, length: number) => {
    reads.push([position, length]);
    return bytes.slice(position, position + length);
  };
  return { read, reads };
}

async function all(text: string, options: BackwardLinesOptions & { end?: number } = {}) {
  const bytes = new TextEncoder().encode(text);
  const out = [];
  for await (const line of linesBackward(reader(bytes).read, options.end ?? bytes.length, options)) out.push(line);
  return out;
}

describe("linesBackward", () => {
  it.each([1, 2, 3, 5, 64, 65536])("gives each line last first with its byte offset (chunks of %i bytes)", async (chunkBytes) => {
    expect(await all("a\nbb\n\nccc\n", { chunkBytes })).toEqual([
      { offset: 6, text: "ccc" },
      { offset: 2, text: "bb" },
      { offset: 0, text: "a" },
    ]);
  });

  it("gives a last line without its newline (a torn write) like any other", async () => {
    expect(await all("one\ntw", { chunkBytes: 3 })).toEqual([
      { offset: 4, text: "tw" },
      { offset: 0, text: "one" },
    ]);
  });

  it("decodes multi-byte characters split across chunks", async () => {
    const text = "é😀ü\n€€\n";
    for (const chunkBytes of [1, 2, 3, 4, 7]) {
      expect((await all(text, { chunkBytes })).map((l) => l.text)).toEqual(["€€", "é😀ü"]);
    }
  });

  it("starts at `end`: the offsets it gave resume the scan with nothing repeated", async () => {
    const text = "a\nbb\nccc\n";
    const [newest, next] = await all(text, { chunkBytes: 2 });
    expect(newest).toEqual({ offset: 5, text: "ccc" });
    expect(next).toEqual({ offset: 2, text: "bb" });
    expect(await all(text, { chunkBytes: 2, end: next!.offset })).toEqual([{ offset: 0, text: "a" }]);
    expect(await all(text, { end: 0 })).toEqual([]);
  });

  it("skips a line longer than maxLineBytes, in the middle or first, without losing its neighbours", async () => {
    const long = "x".repeat(50);
    expect(await all(`a\n${long}\nb\n`, { chunkBytes: 4, maxLineBytes: 10 })).toEqual([
      { offset: 53, text: "b" },
      { offset: 0, text: "a" },
    ]);
    expect(await all(`${long}\nb\n`, { chunkBytes: 4, maxLineBytes: 10 })).toEqual([{ offset: 51, text: "b" }]);
    expect(await all(`a\n${"y".repeat(10)}\n`, { chunkBytes: 3, maxLineBytes: 10 })).toEqual([
      { offset: 2, text: "y".repeat(10) },
      { offset: 0, text: "a" },
    ]);
  });

  it("reads only the chunks it needs when the consumer stops early", async () => {
    const bytes = new TextEncoder().encode("line\n".repeat(1000));
    const { read, reads } = reader(bytes);
    for await (const line of linesBackward(read, bytes.length, { chunkBytes: 100 })) {
      expect(line.text).toBe("line");
      break;
    }
    expect(reads).toEqual([[4900, 100]]);
  });
});
