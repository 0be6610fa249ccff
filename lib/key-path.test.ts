import { describe, expect, it } from "vitest";
import { ancestorsOf, baseNameOf, encodeKeySegments, keyProblem, keyProblemMessage, MAX_KEY_BYTES, parentOf, splitKey } from "./key-path";

describe("shared key path helpers", () => {
  it("splits, encodes and walks up", () => {
    expect(splitKey("/")).toEqual([]);
    expect(splitKey("/a/b c")).toEqual(["a", "b c"]);
    expect(encodeKeySegments(["a", "b c", "100%"])).toBe("/a/b%20c/100%25");
    expect(parentOf("/a/b")).toBe("/a");
    expect(parentOf("/a")).toBe("/");
    expect(baseNameOf("/a/b")).toBe("b");
    expect(ancestorsOf("/a/b/c")).toEqual(["/", "/a", "/a/b"]);
    expect(ancestorsOf("/")).toEqual([]);
  });

  it("names what is wrong with a key", () => {
    expect(keyProblem("/a/b")).toBeNull();
    expect(keyProblem("/a//b")).toEqual({ code: "emptySegment" });
    expect(keyProblem("/a/..")).toEqual({ code: "dotSegment", segment: ".." });
    expect(keyProblem("/a/b\u0000")).toEqual({ code: "nulInSegment" });
    expect(keyProblemMessage({ code: "dotSegment", segment: ".." })).toBe('".." is not allowed as a key segment');
  });

  it("has one length limit: the key's URL-encoded bytes, as etcd receives it", () => {
    expect(keyProblem("/" + "k".repeat(MAX_KEY_BYTES - 1))).toBeNull();
    expect(keyProblem("/" + "k".repeat(MAX_KEY_BYTES))).toEqual({ code: "tooLong", bytes: 3793, max: MAX_KEY_BYTES });
    // "é" is 6 bytes once encoded (%C3%A9): far fewer characters fit.
    expect(keyProblem("/" + "é".repeat(640))).toEqual({ code: "tooLong", bytes: 3841, max: MAX_KEY_BYTES });
  });
});
