import { describe, expect, it } from "vitest";
import { ApiError } from "../errors";
import { ndjsonResponse } from "../server/ndjson";
import { fetchNdjson, LineSplitter } from "./ndjson";

describe("LineSplitter", () => {
  it("returns complete lines and keeps a partial one for later", () => {
    const splitter = new LineSplitter();
    expect(splitter.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(splitter.push(':2}\n\n{"c":3}')).toEqual(['{"b":2}']);
    expect(splitter.end()).toEqual(['{"c":3}']);
    expect(splitter.end()).toEqual([]);
  });
});

/** fetchNdjson against ndjsonResponse, with `fetch` answering from the server side directly. */
async function roundTrip(lines: () => AsyncGenerator<unknown>): Promise<{ received: unknown[]; error?: unknown }> {
  const original = globalThis.fetch;
  globalThis.fetch = (async () => ndjsonResponse(lines(), new AbortController().signal)) as typeof fetch;
  const received: unknown[] = [];
  try {
    await fetchNdjson("/x", {}, (line) => received.push(line));
    return { received };
  } catch (error) {
    return { received, error };
  } finally {
    globalThis.fetch = original;
  }
}

describe("ndjsonResponse and fetchNdjson", () => {
  it("carry each item as a line, in order", async () => {
    const { received, error } = await roundTrip(async function* () {
      yield { type: "progress", done: 1 };
      yield { type: "match", key: "/a\nb" };
    });
    expect(error).toBeUndefined();
    expect(received).toEqual([{ type: "progress", done: 1 }, { type: "match", key: "/a\nb" }]);
  });

  it("a failure after the first line arrives as an error line, read back as the ApiError", async () => {
    const { received, error } = await roundTrip(async function* () {
      yield { n: 1 };
      throw ApiError.of("compare_failed", "changed meanwhile");
    });
    expect(received).toEqual([{ n: 1 }]);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("compare_failed");
  });

  it("stops the generator when the client goes away", async () => {
    const controller = new AbortController();
    let finished = false;
    const response = ndjsonResponse(
      (async function* () {
        try {
          for (let i = 0; ; i++) yield i;
        } finally {
          finished = true;
        }
      })(),
      controller.signal,
    );
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
