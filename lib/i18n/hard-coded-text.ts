// Finds UI text written into .tsx files instead of the message catalogues: JSX text, string literals given to
// the props that people read or hear (aria-label, title, placeholder, alt, label, description), the same properties
// of object literals (a palette command's label and group) and the message of a toast call. Parsed with the TypeScript compiler (typescript 7's API: one tsgo process for the whole project).
import { API } from "typescript/unstable/sync";
import { SyntaxKind, type Node, type SourceFile } from "typescript/unstable/ast";
import { isUiText } from "./ui-text";

/** Props whose value is read or heard: the ones screen readers announce and tooltips show. */
const TEXT_PROPS = new Set(["aria-label", "title", "placeholder", "alt", "label", "description"]);
/** Object properties that become such text: a command's label and group in the palette, a menu item's label. */
const TEXT_PROPERTIES = new Set(["label", "group", "title", "description", "placeholder"]);
/** sonner's toast(), toast.success() ...: the first argument is the message shown. */
const TOAST = "toast";

export type Finding = { file: string; line: number; text: string };

type Any = Node & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function lineOf(source: SourceFile, node: Node): number {
  const start = node.getStart(source);
  let line = 1;
  for (let i = 0; i < start; i++) if (source.text.charCodeAt(i) === 10) line++;
  return line;
}

/** The literal text of a string or template literal (a template's fixed parts, joined), else undefined. */
function literalText(node: Any): string | undefined {
  if (node.kind === SyntaxKind.StringLiteral || node.kind === SyntaxKind.NoSubstitutionTemplateLiteral) return node.text;
  if (node.kind === SyntaxKind.TemplateExpression) return [node.head.text, ...node.templateSpans.map((s: Any) => s.literal.text)].join(" ");
  return undefined;
}

const COMPARISONS = new Set([SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken]);

/**
 * String literals of an expression that end up as text: not call arguments (t("key"), cn("class")), not the
 * operands of a comparison (name === "guest" is a boolean), nor nested JSX (visited on its own).
 */
function shownLiterals(node: Any, out: Any[]): void {
  if (literalText(node) !== undefined) {
    out.push(node);
    return;
  }
  if (node.kind === SyntaxKind.CallExpression || node.kind === SyntaxKind.JsxElement || node.kind === SyntaxKind.JsxSelfClosingElement) return;
  if (node.kind === SyntaxKind.BinaryExpression && COMPARISONS.has(node.operatorToken.kind)) return;
  node.forEachChild((child: Node) => shownLiterals(child as Any, out));
}

function isToastCall(node: Any): boolean {
  if (node.kind !== SyntaxKind.CallExpression) return false;
  const callee = node.expression as Any;
  if (callee.kind === SyntaxKind.Identifier) return callee.text === TOAST;
  return callee.kind === SyntaxKind.PropertyAccessExpression && callee.expression.kind === SyntaxKind.Identifier && callee.expression.text === TOAST;
}

export function findHardCodedText(source: SourceFile, file: string): Finding[] {
  const findings: Finding[] = [];
  const report = (node: Node, text: string) => {
    if (isUiText(text)) findings.push({ file, line: lineOf(source, node), text: text.trim() });
  };
  const visit = (node: Any) => {
    if (node.kind === SyntaxKind.JsxText) report(node, node.text);
    else if (node.kind === SyntaxKind.JsxAttribute && TEXT_PROPS.has(node.name.text) && node.initializer) {
      const literals: Any[] = [];
      shownLiterals(node.initializer, literals);
      for (const literal of literals) report(literal, literalText(literal)!);
    } else if (node.kind === SyntaxKind.PropertyAssignment && node.name.kind === SyntaxKind.Identifier && TEXT_PROPERTIES.has(node.name.text)) {
      const literals: Any[] = [];
      shownLiterals(node.initializer, literals);
      for (const literal of literals) report(literal, literalText(literal)!);
    } else if (isToastCall(node) && node.arguments.length > 0) {
      const literals: Any[] = [];
      shownLiterals(node.arguments[0], literals);
      for (const literal of literals) report(literal, literalText(literal)!);
    }
    node.forEachChild(visit);
  };
  visit(source as Any);
  return findings;
}

/** The findings in every .tsx file of the project under the given folders (absolute paths in, relative out). */
export function scanProject(root: string, folders: string[]): Finding[] {
  const api = new API({ cwd: root });
  try {
    const program = api.updateSnapshot({ openProject: `${root}/tsconfig.json` }).getProjects()[0]!.program;
    const files = program
      .getSourceFileNames()
      .filter((name) => name.endsWith(".tsx") && !name.includes("/node_modules/") && folders.some((folder) => name.startsWith(`${root}/${folder}/`)));
    return files.flatMap((name) => findHardCodedText(program.getSourceFile(name)!, name.slice(root.length + 1)));
  } finally {
    api.close();
  }
}
