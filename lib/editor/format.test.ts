import { describe, expect, it } from "vitest";
import { detectFormat, hasReplacementCharacter, lineOfOffset, prettyPrint, validationDelayMs } from "./format";

describe("detectFormat", () => {
  it("calls objects and arrays JSON", () => {
    expect(detectFormat('{"a":1}')).toEqual({ format: "json" });
    expect(detectFormat(" [1, 2, 3]\n")).toEqual({ format: "json" });
  });
  it("reports a JSON parse error with its line", () => {
    const info = detectFormat('{\n  "a": 1,\n  "b": \n}');
    expect(info.format).toBe("json");
    expect(info.problem?.line).toBe(4);
    expect(info.problem?.message).toBeTruthy();
  });
  it("counts leading blank lines in the JSON error line", () => {
    expect(detectFormat('\n\n{"a": }').problem?.line).toBe(3);
  });
  it("calls flow-style YAML collections YAML, not broken JSON", () => {
    expect(detectFormat("{a: 1, b: [x, y]}")).toEqual({ format: "yaml" });
  });
  it("calls mappings and sequences YAML", () => {
    expect(detectFormat("a: 1\nb:\n  - x\n  - y\n")).toEqual({ format: "yaml" });
    expect(detectFormat("- one\n- two")).toEqual({ format: "yaml" });
  });
  it("reports a YAML error with its line", () => {
    const info = detectFormat("a: 1\nb: [unclosed\nc: 2\n");
    expect(info.format).toBe("yaml");
    expect(info.problem?.line).toBeGreaterThanOrEqual(2);
  });
  it("reports duplicate YAML keys", () => {
    expect(detectFormat("a: 1\na: 2").problem).toBeDefined();
  });
  it("leaves scalars and prose plain", () => {
    expect(detectFormat("")).toEqual({ format: "plain" });
    expect(detectFormat("hello world")).toEqual({ format: "plain" });
    expect(detectFormat("42")).toEqual({ format: "plain" });
    expect(detectFormat('"quoted"')).toEqual({ format: "plain" });
    expect(detectFormat("true")).toEqual({ format: "plain" });
    expect(detectFormat("<img src=x onerror=alert(1)>")).toEqual({ format: "plain" });
    expect(detectFormat("http://example.com:8080/path")).toEqual({ format: "plain" });
    expect(detectFormat("Note: this is a sentence.")).toEqual({ format: "plain" });
    expect(detectFormat("a: 1")).toEqual({ format: "plain" });
    expect(detectFormat("Dear team,\nthanks for the help.\nBye")).toEqual({ format: "plain" });
  });
});

describe("prettyPrint", () => {
  it("formats JSON with two spaces", () => {
    expect(prettyPrint('{"a":[1,2]}', "json")).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
  });
  it("formats YAML", () => {
    expect(prettyPrint("{a: 1, b: [x]}", "yaml")).toBe("a: 1\nb:\n  - x\n");
  });
  it("gives null for invalid input or plain text", () => {
    expect(prettyPrint("{", "json")).toBeNull();
    expect(prettyPrint("hello", "plain")).toBeNull();
  });
});

describe("helpers", () => {
  it("finds lines of offsets", () => {
    expect(lineOfOffset("a\nb\nc", 0)).toBe(1);
    expect(lineOfOffset("a\nb\nc", 4)).toBe(3);
  });
  it("spots replacement characters", () => {
    expect(hasReplacementCharacter("ab\uFFFDc")).toBe(true);
    expect(hasReplacementCharacter("abc")).toBe(false);
  });
  it("waits longer before validating huge values", () => {
    expect(validationDelayMs(10)).toBeLessThan(validationDelayMs(2_000_000));
  });
});
