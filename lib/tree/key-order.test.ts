import { describe, expect, it } from "vitest";
import { compareKeys, searchSorted } from "./key-order";

const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe("compareKeys", () => {
  it("orders plain keys as strings, a prefix first", () => {
    expect(compareKeys("/a", "/b")).toBeLessThan(0);
    expect(compareKeys("/a", "/a")).toBe(0);
    expect(compareKeys("/a", "/ab")).toBeLessThan(0);
    expect(compareKeys("/B", "/a")).toBeLessThan(0);
  });

  it("keeps in-order keys (20 digits) in index order", () => {
    expect(compareKeys("/q/00000000000000000009", "/q/00000000000000000010")).toBeLessThan(0);
  });

  it("agrees with UTF-8 byte order where UTF-16 code units do not (emoji vs U+FF21)", () => {
    const emoji = "/\u{1F600}";
    const fullwidth = "/\uFF21";
    expect(emoji < fullwidth).toBe(true); // JavaScript's own order: wrong for etcd
    expect(Math.sign(compareKeys(emoji, fullwidth))).toBe(Math.sign(utf8Order(emoji, fullwidth)));
    const keys = ["/\uFF21", "/\u{1F600}", "/z", "/é", "/\uE000", "/\u{10000}", "/a b"];
    expect([...keys].sort(compareKeys)).toEqual([...keys].sort(utf8Order));
  });
});

describe("searchSorted", () => {
  const nodes = ["/a", "/c", "/e"].map((key) => ({ key }));
  it("finds a key's index", () => {
    expect(searchSorted(nodes, "/c")).toBe(1);
  });
  it("gives the insertion point of a missing key as -(point) - 1", () => {
    expect(searchSorted(nodes, "/0")).toBe(-1);
    expect(searchSorted(nodes, "/d")).toBe(-3);
    expect(searchSorted(nodes, "/f")).toBe(-4);
    expect(searchSorted([], "/a")).toBe(-1);
  });
});
