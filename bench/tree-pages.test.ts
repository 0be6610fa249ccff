import { describe, expect, it } from "vitest";
import { v2TreePage, v3TreePage } from "./tree-pages";

describe("the Keys pages the Chromium bench opens", () => {
  it("v2: the directory's path page, rows named by their keys", () => {
    expect(v2TreePage("/bench/hundred", 100_000)).toEqual({
      label: "/bench/hundred",
      path: "/keys/bench/hundred",
      dirRow: "/bench/hundred",
      firstChildRow: "/bench/hundred/k000000",
      lastChildRow: "/bench/hundred/k099999",
      childRowPrefix: "/bench/hundred/",
      children: 100_000,
    });
  });

  it("v3: the keyspace=v3 page of the prefix, rows named by the tree's row ids (k: a key, d: a directory)", () => {
    expect(v3TreePage("/bench/hundred/", 100_000)).toEqual({
      label: "v3 /bench/hundred/",
      path: "/keys?keyspace=v3&dir=/bench/hundred/",
      dirRow: "d:/bench/hundred/",
      firstChildRow: "k:/bench/hundred/k000000",
      lastChildRow: "k:/bench/hundred/k099999",
      childRowPrefix: "k:/bench/hundred/",
      children: 100_000,
    });
  });

  it("v3: a prefix without its closing slash is no directory", () => {
    expect(() => v3TreePage("/bench/hundred", 10)).toThrow(/ends with "\/"/);
  });
});
