import { createTranslator, IntlErrorCode } from "use-intl";
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

/**
 * The {arguments} of an ICU message (names only, nested plural/select branches included, the branches' own
 * text not mistaken for arguments): a translation must use the same ones. Rich-text <tags> are plain text here.
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  let at = 0;
  /** Reads message text up to the "}" that closes it (or the end), collecting the arguments in it. */
  const text = (): void => {
    while (at < message.length && message[at] !== "}") {
      if (message[at] === "{") argument();
      else at++;
    }
  };
  const argument = (): void => {
    at++; // "{"
    const name = /^\s*([A-Za-z0-9_]+)\s*/.exec(message.slice(at))!;
    names.add(name[1]!);
    at += name[0].length;
    if (message[at] === ",") {
      const type = /^,\s*(\w+)\s*/.exec(message.slice(at))!;
      at += type[0].length;
      if (["plural", "select", "selectordinal"].includes(type[1]!)) {
        // Branches: "one {…} other {…}", each body a message of its own.
        while (at < message.length && message[at] !== "}") {
          if (message[at] === "{") {
            at++;
            text();
            at++; // the body's "}"
          } else at++;
        }
      } else while (at < message.length && message[at] !== "}") at++; // "{n, number}", "{d, date, short}"
    }
    at++; // the argument's "}"
  };
  text();
  return [...names].sort();
}

it("reads the arguments of ICU messages", () => {
  expect(placeholders("Log in · {app}")).toEqual(["app"]);
  expect(placeholders("{count, plural, one {# entry} other {# entries}} from {file}")).toEqual(["count", "file"]);
  expect(placeholders("{recursive, select, yes {Recursive} other {This key {key}}}{n, number}")).toEqual(["key", "n", "recursive"]);
});

describe("message catalogues", () => {
  for (const locale of LOCALES) {
    it(`${locale}: every message is valid ICU (else use-intl shows its key)`, () => {
      const invalid: string[] = [];
      const t = createTranslator({ locale, messages: MESSAGES[locale], onError: (error) => error.code === IntlErrorCode.INVALID_MESSAGE && invalid.push(error.message) });
      for (const key of leaves(MESSAGES[locale] as unknown as Tree).keys()) (t as unknown as (key: string) => string)(key);
      expect(invalid).toEqual([]);
    });
  }
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
