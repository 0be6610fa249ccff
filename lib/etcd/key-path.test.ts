import { describe, expect, it } from "vitest";
import { EtcdError } from "./errors";
import { ROOT_KEY, baseName, encodeKeyPath, isHiddenKey, isWithin, keyFromSegments, parentKey, parseKey } from "./key-path";

describe("key paths", () => {
  it("parses keys with or without a leading slash, and the root", () => {
    expect(parseKey("/a/b")).toBe("/a/b");
    expect(parseKey("a/b")).toBe("/a/b");
    expect(parseKey("/")).toBe(ROOT_KEY);
    expect(parseKey("")).toBe(ROOT_KEY);
  });

  it.each([["/a//b"], ["/a/b/"], ["/a/./b"], ["/a/../b"], [".."], ["/a/\u0000"]])(
    "rejects %j before anything is sent",
    (input) => {
      expect(() => parseKey(input)).toThrow(EtcdError);
      try {
        parseKey(input);
      } catch (error) {
        expect((error as EtcdError).kind).toBe("invalid-request");
      }
    },
  );

  it("rejects a segment containing a slash (etcd would split it)", () => {
    expect(() => keyFromSegments(["a", "b/c"])).toThrow(/cannot contain/);
  });

  it("encodes each segment, so ? # % + space and unicode survive", () => {
    const key = keyFromSegments(["sp", "a b", "what?", "hash#tag", "100%", "a+b", "日本😀", "x&y=z"]);
    expect(encodeKeyPath(key)).toBe(
      "/sp/a%20b/what%3F/hash%23tag/100%25/a%2Bb/%E6%97%A5%E6%9C%AC%F0%9F%98%80/x%26y%3Dz",
    );
    expect(encodeKeyPath(ROOT_KEY)).toBe("/");
  });

  it("keeps dot-like names that are not . or ..", () => {
    expect(parseKey("/a/.../.hidden-dot")).toBe("/a/.../.hidden-dot");
  });

  it("derives parent, base name, hidden and ancestry", () => {
    const key = parseKey("/a/b/c");
    expect(parentKey(key)).toBe("/a/b");
    expect(parentKey(parseKey("/a"))).toBe("/");
    expect(baseName(key)).toBe("c");
    expect(isHiddenKey("/a/_b/c")).toBe(true);
    expect(isHiddenKey("/a/b_c")).toBe(false);
    expect(isWithin("/a/b", "/a")).toBe(true);
    expect(isWithin("/ab", "/a")).toBe(false);
    expect(isWithin("/anything", "/")).toBe(true);
  });
});
