import { describe, expect, it } from "vitest";
import { SSE_COMMENT_KEEP_ALIVE, SseParser, formatSse } from "./sse";

describe("formatSse", () => {
  it("writes event, id and data lines and ends the frame with a blank line", () => {
    expect(formatSse({ event: "set", id: "7", data: '{"a":1}' })).toBe('event: set\nid: 7\ndata: {"a":1}\n\n');
  });
  it("writes an id-only progress frame", () => {
    expect(formatSse({ id: "42" })).toBe("id: 42\n\n");
  });
});

describe("SseParser", () => {
  it("reads frames split across chunks at any point", () => {
    const text = formatSse({ event: "ready", id: "3", data: '{"etcdIndex":3}' }) + SSE_COMMENT_KEEP_ALIVE + formatSse({ id: "9" }) + formatSse({ event: "delete", id: "10", data: "x" });
    for (let cut = 0; cut <= text.length; cut++) {
      const parser = new SseParser();
      const frames = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(frames).toEqual([
        { event: "ready", id: "3", data: '{"etcdIndex":3}' },
        { id: "9" },
        { event: "delete", id: "10", data: "x" },
      ]);
    }
  });
  it("accepts CRLF line ends, fields without a space, and joins multi-line data", () => {
    const parser = new SseParser();
    expect(parser.push("event:a\r\ndata:1\r\ndata: 2\r\n\r\n")).toEqual([{ event: "a", data: "1\n2" }]);
  });
  it("drops comments and returns nothing for an incomplete frame", () => {
    const parser = new SseParser();
    expect(parser.push(": hi\n\nevent: x\ndata: 1\n")).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "x", data: "1" }]);
  });
});
