// Value formats the editor recognises. Detection never changes the value: it only picks highlighting,
// validation and what "Pretty-print" would do when the user asks for it.
import { parser as jsonParser } from "@lezer/json";
import { parse as parseYaml, parseDocument, stringify as stringifyYaml } from "yaml";

export type ValueFormat = "json" | "yaml" | "plain";

export interface FormatProblem {
  /** 1-based line of the problem, when the parser says. */
  line?: number;
  message: string;
}

export interface FormatInfo {
  format: ValueFormat;
  /** Set when the value looks like this format but does not parse. */
  problem?: FormatProblem;
}

/** Line (1-based) of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A JSON.parse error's position as a line, from "at position N" or "(line L column C)". */
function jsonProblem(text: string, error: unknown): FormatProblem {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), message };
  const pos = /position (\d+)/.exec(message);
  if (pos) return { line: lineOfOffset(text, Number(pos[1])), message };
  // Newer V8 messages carry no position: ask the JSON grammar CodeMirror highlights with (@lezer/json).
  let errorAt: number | undefined;
  jsonParser.parse(text).iterate({
    enter(node) {
      if (errorAt !== undefined) return false;
      if (node.type.isError) {
        errorAt = node.from;
        return false;
      }
      return undefined;
    },
  });
  return errorAt === undefined ? { message } : { line: lineOfOffset(text, errorAt), message };
}

/** Looks like YAML structure: "key: value" or "- item" lines (so plain prose is not called YAML). */
const YAML_LINE = /^(\s*-\s|\s*-$|\s*[^\s#:][^:]*:(\s|$))/m;

/** JSON when it parses (or starts like) an object/array; YAML when it is a mapping/sequence; else plain. */
export function detectFormat(value: string): FormatInfo {
  const trimmed = value.trim();
  if (trimmed === "") return { format: "plain" };
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (parsed !== null && typeof parsed === "object") return { format: "json" };
    } catch (error) {
      // A flow-style YAML collection ("[a, b]", "{a: 1}") is valid YAML but not JSON; quoted keys say JSON.
      if (!/"\s*:/.test(trimmed)) {
        const yaml = yamlInfo(value);
        if (yaml && !yaml.problem) return yaml;
      }
      const offset = value.indexOf(trimmed);
      const problem = jsonProblem(trimmed, error);
      if (problem.line !== undefined) problem.line += lineOfOffset(value, offset) - 1;
      return { format: "json", problem };
    }
  }
  // One line of block YAML ("Note: call me") reads as prose: call it plain. Flow style ({…}, […]) is handled above.
  if (!YAML_LINE.test(value) || !trimmed.includes("\n")) return { format: "plain" };
  return yamlInfo(value) ?? { format: "plain" };
}

function yamlInfo(value: string): FormatInfo | null {
  const doc = parseDocument(value, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line;
    return { format: "yaml", problem: { line, message: first.message.split("\n")[0] ?? first.message } };
  }
  const contents = doc.contents as { items?: unknown } | null;
  if (contents && typeof contents === "object" && Array.isArray(contents.items)) return { format: "yaml" };
  return null;
}

/** The value formatted for reading, or null when it does not parse as `format`. */
export function prettyPrint(value: string, format: ValueFormat): string | null {
  try {
    if (format === "json") return JSON.stringify(JSON.parse(value), null, 2);
    if (format === "yaml") return stringifyYaml(parseYaml(value));
  } catch {
    return null;
  }
  return null;
}

/** U+FFFD: etcd v2 carried bytes that were not UTF-8; saving would store the replacement characters. */
export function hasReplacementCharacter(value: string): boolean {
  return value.includes("\uFFFD");
}

/** How long to wait before validating: longer for big values so typing stays fluid. */
export function validationDelayMs(length: number): number {
  if (length > 1_000_000) return 1500;
  if (length > 100_000) return 600;
  return 250;
}
