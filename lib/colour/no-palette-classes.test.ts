// The colour rule stays: components, pages and lib use the semantic tokens of app/globals.css (text-muted,
// bg-danger-soft ...), never Tailwind's raw palette (a grey text with a dark: twin per use). The token
// definitions themselves are hex values in globals.css, which this pattern does not match.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const UTILITIES = ["text", "bg", "border", "ring", "divide", "outline", "fill", "stroke", "from", "to", "via", "decoration", "placeholder", "accent", "caret"];
const PALETTE = ["zinc", "gray", "slate", "neutral", "stone", "red", "orange", "amber", "yellow", "lime", "green", "emerald", "teal", "cyan", "sky", "blue", "indigo", "violet", "purple", "fuchsia", "pink", "rose", "white", "black"];
// Side borders (border-l-...) too; assembled from parts so this file does not match itself.
const RAW_CLASS = new RegExp(`(?<![\\w-])(?:${UTILITIES.join("|")})(?:-[trblxyse])?-(?:${PALETTE.join("|")})(?:-\\d{2,3})?(?:/\\d+)?(?![\\w-])`, "g");

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (/\.(tsx?|css)$/.test(name)) yield full;
  }
}

describe("colour classes", () => {
  it("finds a raw palette class when there is one (the pattern works)", () => {
    expect(`className="p-2 ${"text"}-zinc-500 dark:${"bg"}-red-950/40 border-l-${"sky"}-500"`.match(RAW_CLASS)).toHaveLength(3);
    expect("text-muted bg-danger-soft border-line-strong ring-focus".match(RAW_CLASS)).toBeNull();
  });

  it("components/, app/ and lib/ use the semantic tokens only", () => {
    const found: string[] = [];
    for (const top of ["components", "app", "lib"]) {
      for (const file of sourceFiles(path.join(root, top))) {
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            for (const match of line.match(RAW_CLASS) ?? []) found.push(`${path.relative(root, file)}:${i + 1} ${match}`);
          });
      }
    }
    expect(found, "raw palette classes: use the tokens of app/globals.css (node /work/notes/token-codemod.mjs maps most)").toEqual([]);
  });
});
