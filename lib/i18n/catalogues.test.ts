import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { MESSAGES } from "./messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The {placeholders} of an ICU message (names only): a translation must use the same ones. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z0-9_]+)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

describe("message catalogues", () => {
  const english = leaves(MESSAGES.en as unknown as Tree);
  for (const locale of LOCALES.filter((l) => l !== "en")) {
    const translated = leaves(MESSAGES[locale] as unknown as Tree);
    it(`${locale} has exactly the English keys`, () => {
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    });
    it(`${locale} translates every message, with the same placeholders`, () => {
      for (const [key, message] of english) {
        const other = translated.get(key) ?? "";
        expect(other.trim(), key).not.toBe("");
        expect(placeholders(other), key).toEqual(placeholders(message));
      }
    });
  }
});
