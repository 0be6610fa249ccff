import { describe, expect, it } from "vitest";
import { clipDiff, clipText, inlineDiff } from "./value-change";

describe("inlineDiff", () => {
  it("finds the one changed stretch", () => {
    expect(inlineDiff('{"n":41,"ok":true}', '{"n":42,"ok":true}')).toEqual({ prefix: '{"n":4', removed: "1", added: "2", suffix: ',"ok":true}' });
    expect(inlineDiff("abc", "abc")).toEqual({ prefix: "abc", removed: "", added: "", suffix: "" });
    expect(inlineDiff("", "new")).toEqual({ prefix: "", removed: "", added: "new", suffix: "" });
    expect(inlineDiff("aXa", "aa")).toEqual({ prefix: "a", removed: "X", added: "", suffix: "a" });
  });
  it("never lets prefix and suffix overlap", () => {
    const d = inlineDiff("aaa", "aaaa");
    expect(d.prefix + d.removed + d.suffix).toBe("aaa");
    expect(d.prefix + d.added + d.suffix).toBe("aaaa");
  });
  it("never splits a surrogate pair", () => {
    // 😀 and 😁 share their first UTF-16 unit.
    const d = inlineDiff("x😀y", "x😁y");
    expect(d).toEqual({ prefix: "x", removed: "😀", added: "😁", suffix: "y" });
    // U+1F600 and U+1F200 share their second UTF-16 unit.
    const e = inlineDiff("a\uD83D\uDE00", "a\uD83C\uDE00");
    expect(e).toEqual({ prefix: "a", removed: "\uD83D\uDE00", added: "\uD83C\uDE00", suffix: "" });
  });
});

describe("clipping for a row", () => {
  it("keeps the change and a little context", () => {
    const long = "p".repeat(100);
    const d = clipDiff(inlineDiff(`${long}1${long}`, `${long}2${long}`), 5, 10);
    expect(d).toEqual({ prefix: "…ppppp", removed: "1", added: "2", suffix: "ppppp…" });
    expect(clipDiff(inlineDiff("", "x".repeat(20)), 5, 10).added).toBe(`${"x".repeat(10)}…`);
    expect(clipText("abc", 2)).toBe("ab…");
    expect(clipText("ab", 2)).toBe("ab");
  });
});
