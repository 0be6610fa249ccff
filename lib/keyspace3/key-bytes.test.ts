import { describe, expect, it } from "vitest";
import {
  ancestorsOfDir,
  ancestorsOfKey,
  childDisplay,
  childOf,
  compareBytes,
  compareChildren,
  dirPrefix,
  keyDisplay,
  keyDisplayProblemMessage,
  leafKey,
  parentOfDir,
  parentOfKey,
  parseKeyDisplay,
  utf8Bytes,
} from "./key-bytes";
import { randomBytes, seededRandom } from "./random-bytes";

const b = (text: string) => utf8Bytes(text);
const raw = (...bytes: number[]) => Uint8Array.from(bytes);
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const parsed = (display: string) => {
  const result = parseKeyDisplay(display);
  if (!result.ok) throw new Error(keyDisplayProblemMessage(result.problem));
  return result.bytes;
};

describe("keyDisplay", () => {
  it("shows valid UTF-8 as itself", () => {
    expect(keyDisplay(b("/registry/pods/default/web-0"))).toBe("/registry/pods/default/web-0");
    expect(keyDisplay(b("配置/é/😀 a?#%"))).toBe("配置/é/😀 a?#%");
    expect(keyDisplay(new Uint8Array(0))).toBe("");
  });

  it("escapes bytes that are not UTF-8, one byte each", () => {
    expect(keyDisplay(raw(0x61, 0xff, 0x62))).toBe("a\\xffb");
    expect(keyDisplay(raw(0xc3))).toBe("\\xc3"); // a lead byte cut short
    expect(keyDisplay(raw(0xc0, 0xaf))).toBe("\\xc0\\xaf"); // overlong "/"
    expect(keyDisplay(raw(0xed, 0xa0, 0x80))).toBe("\\xed\\xa0\\x80"); // an encoded surrogate
    expect(keyDisplay(raw(0xf4, 0x90, 0x80, 0x80))).toBe("\\xf4\\x90\\x80\\x80"); // above U+10FFFF
    expect(keyDisplay(raw(0xe4, 0xbd, 0x61))).toBe("\\xe4\\xbda");
  });

  it("escapes control and invisible characters, and the backslash", () => {
    expect(keyDisplay(b("a\nb\tc\u0000d\u007f"))).toBe("a\\x0ab\\x09c\\x00d\\x7f");
    expect(keyDisplay(b("a\\b"))).toBe("a\\\\b");
    expect(keyDisplay(b("\u0085\u202eevil\u2028\u00a0\ufeff"))).toBe("\\u{85}\\u{202e}evil\\u{2028}\\u{a0}\\u{feff}");
    expect(keyDisplay(b("\ufffd"))).toBe("\\u{fffd}"); // so a display form never holds one (key-url.ts)
  });

  it("keeps the joiners that emoji and scripts need", () => {
    expect(keyDisplay(b("👩\u200d💻 می\u200cخواهم"))).toBe("👩\u200d💻 می\u200cخواهم");
  });

  it("agrees with TextDecoder on which byte strings are UTF-8", () => {
    const random = seededRandom(7);
    const strict = new TextDecoder("utf-8", { fatal: true });
    for (let n = 0; n < 5000; n++) {
      const bytes = randomBytes(random);
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      // Escapes of bytes 0x80-0xff appear exactly when the string is not UTF-8.
      expect(/\\x[89a-f][0-9a-f]/.test(keyDisplay(bytes).replace(/\\\\/g, "")), text(bytes)).toBe(!valid);
    }
  });
});

describe("parseKeyDisplay", () => {
  // Thousands of cases, CPU-bound: a loaded machine (CI beside other jobs) needs more than the default 5 s.
  it("gives back the exact bytes of every display form (random bytes)", { timeout: 60_000 }, () => {
    const random = seededRandom(12);
    for (let n = 0; n < 20000; n++) {
      const bytes = randomBytes(random, n % 10 === 0 ? 200 : 24);
      const display = keyDisplay(bytes);
      expect(parsed(display), JSON.stringify(display)).toEqual(bytes);
      // The display form is a well-formed string: no lone surrogates (encodeURIComponent throws on one).
      expect(() => encodeURIComponent(display)).not.toThrow();
    }
  });

  it("reads escapes people type", () => {
    expect(parsed("a\\xFFb")).toEqual(raw(0x61, 0xff, 0x62));
    expect(parsed("\\x41\\u{e9}\\u{1F600}\\\\")).toEqual(b("Aé😀\\"));
    expect(parsed("plain text/ with spaces")).toEqual(b("plain text/ with spaces"));
  });

  it("refuses malformed escapes with a reason, never throwing", () => {
    expect(parseKeyDisplay("C:\\path")).toEqual({ ok: false, problem: { code: "badEscape", index: 2 } });
    expect(parseKeyDisplay("a\\")).toEqual({ ok: false, problem: { code: "badEscape", index: 1 } });
    expect(parseKeyDisplay("\\x4")).toEqual({ ok: false, problem: { code: "badHex", index: 0 } });
    expect(parseKeyDisplay("\\xzz")).toEqual({ ok: false, problem: { code: "badHex", index: 0 } });
    expect(parseKeyDisplay("\\u{110000}")).toEqual({ ok: false, problem: { code: "badCodePoint", index: 0 } });
    expect(parseKeyDisplay("\\u{d800}")).toEqual({ ok: false, problem: { code: "badCodePoint", index: 0 } });
    expect(parseKeyDisplay("\\u{}")).toEqual({ ok: false, problem: { code: "badCodePoint", index: 0 } });
    expect(parseKeyDisplay("\\u41")).toEqual({ ok: false, problem: { code: "badCodePoint", index: 0 } });
    expect(parseKeyDisplay("a\ud800")).toEqual({ ok: false, problem: { code: "loneSurrogate", index: 1 } });
    expect(keyDisplayProblemMessage({ code: "badHex", index: 0 })).toBe("\\x needs two hex digits at character 1");
  });
});

describe("the tree's names", () => {
  it("names a key by the segment after the directory", () => {
    expect(childOf(b("a/"), b("a/b"))).toEqual({ kind: "leaf", name: b("b") });
    expect(childOf(b("a/"), b("a/b/c"))).toEqual({ kind: "dir", name: b("b") });
    expect(childOf(b("a/"), b("b/c"))).toBeNull();
  });

  it("lists a key that does not start with '/' at the root, beside the directory '/'", () => {
    const root = new Uint8Array(0);
    expect(childOf(root, b("foo"))).toEqual({ kind: "leaf", name: b("foo") });
    expect(childOf(root, b("registry/x"))).toEqual({ kind: "dir", name: b("registry") });
    const slash = childOf(root, b("/registry/pods"))!;
    expect(slash).toEqual({ kind: "dir", name: b("") });
    expect(childDisplay(slash)).toBe("/");
    expect(dirPrefix(root, slash.name)).toEqual(b("/"));
  });

  it("handles empty segments, a trailing '/' and 0xff bytes", () => {
    expect(childOf(b("a/"), b("a//b"))).toEqual({ kind: "dir", name: b("") });
    expect(childOf(b("a//"), b("a//b"))).toEqual({ kind: "leaf", name: b("b") });
    expect(childOf(b("a/"), b("a/"))).toEqual({ kind: "leaf", name: b("") });
    expect(childOf(raw(0xff, 0x2f), raw(0xff, 0x2f, 0xff))).toEqual({ kind: "leaf", name: raw(0xff) });
    expect(childDisplay({ kind: "dir", name: raw(0xff) })).toBe("\\xff/");
    expect(leafKey(b("a/"), b("b"))).toEqual(b("a/b"));
  });

  it("finds the directories above a key and above a directory", () => {
    expect(ancestorsOfKey(b("/a/b")).map(keyDisplay)).toEqual(["", "/", "/a/"]);
    expect(ancestorsOfKey(b("a/")).map(keyDisplay)).toEqual(["", "a/"]); // the leaf "" of a/
    expect(ancestorsOfDir(b("a/b/")).map(keyDisplay)).toEqual(["", "a/"]);
    expect(ancestorsOfDir(b("/"))).toEqual([new Uint8Array(0)]);
    expect(ancestorsOfDir(new Uint8Array(0))).toEqual([]);
    expect(keyDisplay(parentOfKey(b("a//b")))).toBe("a//");
    expect(keyDisplay(parentOfKey(b("foo")))).toBe("");
    expect(keyDisplay(parentOfDir(b("a//")))).toBe("a/");
    expect(keyDisplay(parentOfDir(b("/")))).toBe("");
  });

  it("orders children as etcd orders their keys: a directory by its name and '/'", () => {
    const leaf = (name: string) => ({ kind: "leaf" as const, name: b(name) });
    const dir = (name: string) => ({ kind: "dir" as const, name: b(name) });
    const children = [dir("a"), leaf("a!"), dir(""), leaf("a"), dir("\u0000"), leaf("a0"), dir("a!"), leaf("")];
    expect(children.sort(compareChildren).map(childDisplay)).toEqual(["", "\\x00/", "/", "a", "a!", "a!/", "a/", "a0"]);
    expect(compareChildren(dir("x"), dir("x"))).toBe(0);
  });

  it("orders bytes as etcd does", () => {
    expect(compareBytes(b("a"), b("a/"))).toBeLessThan(0);
    expect(compareBytes(raw(0xff), b("z"))).toBeGreaterThan(0);
    expect(compareBytes(b("ab"), b("ab"))).toBe(0);
  });
});
