import type { V2Node } from "@/lib/etcd/wire";
import { describe, expect, it } from "vitest";
import { countTree } from "@/lib/tree/count";
import { compilePattern, excerptAround, nameMatch, SubtreeSearch, TreeCursor, valueMatch } from "./matcher";
import { searchPath, searchQuerySchema } from "./query";

function pattern(q: string, regex = false, caseSensitive = false): RegExp {
  const compiled = compilePattern({ q, regex, caseSensitive });
  if ("error" in compiled) throw new Error(compiled.error);
  return compiled.pattern;
}

const tree: V2Node = {
  dir: true,
  key: "/app",
  nodes: [
    { key: "/app/db", dir: true, nodes: [{ key: "/app/db/host", value: "db.internal" }, { key: "/app/db/password", value: "Secret-DB" }] },
    { key: "/app/empty", dir: true },
    { key: "/app/web", dir: true, nodes: [{ key: "/app/web/port", value: "8080" }, { key: "/app/web/db-url", value: "postgres://db/app" }] },
    { key: "/app/zeta", value: "line one\nline two" },
  ],
};

function searchAll(options: Partial<ConstructorParameters<typeof SubtreeSearch>[2]> & { q: string }, root: V2Node = tree, dir = "/app") {
  const search = new SubtreeSearch(root, dir, { in: "both", regex: false, caseSensitive: false, limit: 10_000, ...options });
  const matches = search.step(() => false);
  return { search, matches };
}

describe("compilePattern", () => {
  it("escapes plain text, so regex characters match themselves", () => {
    expect(pattern("a.b(c)*").test("xa.b(c)*y")).toBe(true);
    expect(pattern("a.b").test("axb")).toBe(false);
    expect(pattern("a/b\\c").test("a/b\\c")).toBe(true);
  });

  it("is case-insensitive unless asked otherwise", () => {
    expect(pattern("SECRET").test("my secret")).toBe(true);
    expect(pattern("SECRET", false, true).test("my secret")).toBe(false);
  });

  it("compiles regular expressions as Unicode, and reports the bad ones", () => {
    expect(pattern("^k\\d{2}$", true).test("k42")).toBe(true);
    expect(pattern("^.$", true).test("😀")).toBe(true);
    expect(compilePattern({ q: "a(b", regex: true, caseSensitive: false })).toEqual({ error: expect.stringMatching(/^not a valid regular expression: /) });
    expect("error" in compilePattern({ q: "[", regex: true, caseSensitive: false })).toBe(true);
    expect("error" in compilePattern({ q: "[", regex: false, caseSensitive: false })).toBe(false);
  });
});

describe("nameMatch", () => {
  it("matches a path below the searched directory when the match reaches into the last segment", () => {
    expect(nameMatch(pattern("db"), "db", 0)).toEqual([0, 2]);
    expect(nameMatch(pattern("web/po"), "web/port", 4)).toEqual([0, 6]);
    // only in a parent segment: the directory itself is the match, not each key below it
    expect(nameMatch(pattern("db"), "db/host", 3)).toBeNull();
    // a later match counts when an earlier one lies in a parent
    expect(nameMatch(pattern("db"), "db/db-url", 3)).toEqual([3, 5]);
  });

  it("handles patterns that match the empty string without looping", () => {
    expect(nameMatch(pattern("x*", true), "a/b", 2)).toEqual([2, 2]);
    expect(nameMatch(pattern("$", true), "a/b", 2)).toEqual([3, 3]);
    expect(nameMatch(pattern("^", true), "a/b", 2)).toBeNull();
  });
});

describe("excerptAround and valueMatch", () => {
  it("returns a short excerpt of a huge value around the first match", () => {
    const value = "x".repeat(1_000_000) + "needle" + "y".repeat(1_000_000);
    const excerpt = valueMatch(pattern("NEEDLE"), value)!;
    expect(excerpt.text).toBe("x".repeat(40) + "needle" + "y".repeat(80));
    expect(excerpt.text.slice(...excerpt.match)).toBe("needle");
    expect(excerpt.cut).toEqual({ before: true, after: true });
  });

  it("keeps the whole of a short value and says nothing was cut", () => {
    const excerpt = valueMatch(pattern("two"), "line one\nline two")!;
    expect(excerpt).toEqual({ text: "line one line two", match: [14, 17], cut: { before: false, after: false } });
  });

  it("caps a long match and never splits a surrogate pair", () => {
    const long = excerptAround("a".repeat(500), 0, 500);
    expect(long.match).toEqual([0, 120]);
    expect(long.text.length).toBe(200);
    expect(long.cut).toEqual({ before: false, after: true });
    const emoji = "😀".repeat(30) + "hit" + "😀".repeat(60);
    const excerpt = excerptAround(emoji, 60, 63, { before: 5, after: 5, match: 120 });
    expect(excerpt.text).toBe("😀😀😀hit😀😀😀");
    expect(excerpt.text.slice(...excerpt.match)).toBe("hit");
  });

  it("shows control characters as spaces, one for one", () => {
    expect(excerptAround("a\u0000b\tc\u2028d", 2, 3).text).toBe("a b c d");
  });

  it("is null when nothing matches", () => {
    expect(valueMatch(pattern("zzz"), "abc")).toBeNull();
  });
});

describe("countTree and TreeCursor", () => {
  it("counts keys and directories below the root", () => {
    expect(countTree(tree)).toEqual({ keys: 5, dirs: 3 });
    expect(countTree({ key: "/", dir: true })).toEqual({ keys: 0, dirs: 0 });
  });

  it("walks depth first in listing order", () => {
    const cursor = new TreeCursor(tree);
    const keys: string[] = [];
    for (let node = cursor.next(); node; node = cursor.next()) keys.push(node.key!);
    expect(keys).toEqual(["/app/db", "/app/db/host", "/app/db/password", "/app/empty", "/app/web", "/app/web/port", "/app/web/db-url", "/app/zeta"]);
  });

  it("walks a very deep tree without overflowing the stack", () => {
    const root: V2Node = { key: "/", dir: true };
    let node = root;
    for (let i = 0; i < 100_000; i++) {
      const child: V2Node = { key: `/d${i}`, dir: true };
      node.nodes = [child];
      node = child;
    }
    expect(countTree(root).dirs).toBe(100_000);
    const cursor = new TreeCursor(root);
    let n = 0;
    while (cursor.next()) n++;
    expect(n).toBe(100_000);
  });
});

describe("SubtreeSearch", () => {
  it("matches names and values, and says which", () => {
    const { matches, search } = searchAll({ q: "db" });
    expect(matches).toEqual([
      { key: "/app/db", dir: true, name: [0, 2] },
      { key: "/app/db/host", value: { text: "db.internal", match: [0, 2], cut: { before: false, after: false } } },
      { key: "/app/db/password", value: { text: "Secret-DB", match: [7, 9], cut: { before: false, after: false } } },
      { key: "/app/web/db-url", name: [4, 6], value: { text: "postgres://db/app", match: [11, 13], cut: { before: false, after: false } } },
    ]);
    expect(search.scanned).toBe(8);
    expect(search.total).toBe(8);
    expect(search.done).toBe(true);
    expect(search.capped).toBe(false);
  });

  it("searches only names or only values when asked", () => {
    expect(searchAll({ q: "db", in: "name" }).matches.map((m) => m.key)).toEqual(["/app/db", "/app/web/db-url"]);
    expect(searchAll({ q: "db", in: "value" }).matches.map((m) => m.key)).toEqual(["/app/db/host", "/app/db/password", "/app/web/db-url"]);
  });

  it("honours case sensitivity and regular expressions", () => {
    expect(searchAll({ q: "DB", caseSensitive: true }).matches.map((m) => m.key)).toEqual(["/app/db/password"]);
    expect(searchAll({ q: "^\\d+$", regex: true, in: "value" }).matches.map((m) => m.key)).toEqual(["/app/web/port"]);
    expect(searchAll({ q: "web/.*url", regex: true, in: "name" }).matches.map((m) => m.key)).toEqual(["/app/web/db-url"]);
  });

  it("matches names on the path below the root when searching the root", () => {
    expect(searchAll({ q: "app/web/port", in: "name" }, { key: "/", dir: true, nodes: [tree] }, "/").matches.map((m) => m.key)).toEqual(["/app/web/port"]);
  });

  it("stops at the limit and says there may be more", () => {
    const { matches, search } = searchAll({ q: "o", in: "name", limit: 2 });
    expect(matches.map((m) => m.key)).toEqual(["/app/db/host", "/app/db/password"]);
    expect(search.done).toBe(true);
    expect(search.capped).toBe(true);
  });

  it("is not capped when the last node examined makes the limit", () => {
    const { search } = searchAll({ q: "zeta", limit: 1 });
    expect(search.found).toBe(1);
    expect(search.capped).toBe(false);
  });

  it("runs in batches: a step stops when told to and the next goes on", () => {
    const search = new SubtreeSearch(tree, "/app", { q: "", regex: true, caseSensitive: false, in: "name", limit: 100 });
    let calls = 0;
    const first = search.step(() => ++calls >= 3);
    expect(first.map((m) => m.key)).toEqual(["/app/db", "/app/db/host", "/app/db/password"]);
    expect(search.scanned).toBe(3);
    expect(search.done).toBe(false);
    const rest = search.step(() => false, 2);
    expect(rest.map((m) => m.key)).toEqual(["/app/empty", "/app/web"]);
    search.step(() => false);
    expect(search.scanned).toBe(8);
    expect(search.done).toBe(true);
  });
});

describe("searchQuerySchema", () => {
  it("fills in the defaults", () => {
    expect(searchQuerySchema.parse({ q: "x" })).toEqual({ q: "x", in: "both", regex: false, caseSensitive: false });
  });

  it("refuses an empty or overlong text, a bad regex, a bad limit and unknown parameters", () => {
    expect(searchQuerySchema.safeParse({ q: "" }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "x".repeat(501) }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "a(", regex: "true" }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "a(", regex: "false" }).success).toBe(true);
    expect(searchQuerySchema.safeParse({ q: "a", limit: "0" }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "a", limit: "10001" }).success).toBe(false);
    expect(searchQuerySchema.parse({ q: "a", limit: "10000" }).limit).toBe(10_000);
    expect(searchQuerySchema.safeParse({ q: "a", in: "keys" }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ q: "a", recursive: "true" }).success).toBe(false);
  });
});

describe("searchPath", () => {
  it("encodes the directory per segment and the form as query parameters", () => {
    expect(searchPath("prod", "/a b/c?", { q: "x&y", in: "value", regex: true, caseSensitive: false }, 5)).toBe(
      "/api/clusters/prod/search/a%20b/c%3F?q=x%26y&in=value&regex=true&caseSensitive=false&limit=5",
    );
    expect(searchPath("default", "/", { q: "x", in: "both", regex: false, caseSensitive: true })).toBe(
      "/api/clusters/default/search?q=x&in=both&regex=false&caseSensitive=true",
    );
  });
});
