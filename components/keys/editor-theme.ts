// The value editor's colours (CodeMirror 6), light and dark, following the page theme: the `dark` class on
// <html> (lib/theme.ts) switches them at runtime through CSS custom properties, so no editor is rebuilt when
// the theme changes. The colours are lib/editor/palette.ts's.
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags as t } from "@lezer/highlight";
import { darkEditorPalette, lightEditorPalette, type EditorBackgrounds, type EditorInks, type EditorPalette } from "@/lib/editor/palette";

const cssName = (role: string) => `--cm-${role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const v = (role: keyof EditorBackgrounds | keyof EditorInks | "line") => `var(${cssName(role)})`;

function customProperties(palette: EditorPalette): Record<string, string> {
  const entries = { ...palette.backgrounds, ...palette.inks, line: palette.line };
  return Object.fromEntries(Object.entries(entries).map(([role, colour]) => [cssName(role), colour]));
}

const themeRules = EditorView.theme({
  "&": { ...customProperties(lightEditorPalette), color: v("text"), backgroundColor: v("background") },
  ".dark &": customProperties(darkEditorPalette),
  ".cm-content": { caretColor: v("text") },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: v("text") },
  "& .cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, & .cm-content ::selection": {
    backgroundColor: v("selection"),
  },
  ".cm-activeLine": { backgroundColor: v("activeLine") },
  ".cm-selectionMatch, .cm-searchMatch": { backgroundColor: v("selectionMatch") },
  "&.cm-focused .cm-matchingBracket": { backgroundColor: v("selectionMatch"), outline: `1px solid ${v("muted")}` },
  "&.cm-focused .cm-nonmatchingBracket": { color: v("invalid") },
  ".cm-gutters": { backgroundColor: v("gutter"), color: v("muted"), borderRight: `1px solid ${v("line")}` },
  ".cm-activeLineGutter": { backgroundColor: v("activeLine"), color: v("text") },
  ".cm-foldPlaceholder": { backgroundColor: v("selectionMatch"), color: v("text"), border: "none" },
  ".cm-placeholder": { color: v("muted") },
  ".cm-specialChar": { color: v("invalid") },
  ".cm-tooltip": { backgroundColor: v("background"), color: v("text"), border: `1px solid ${v("line")}` },
  ".cm-panels": { backgroundColor: v("gutter"), color: v("text") },
});

const highlighting = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: v("propertyName") },
  { tag: [t.string, t.special(t.string), t.content, t.attributeValue], color: v("string") },
  { tag: [t.number, t.integer, t.float], color: v("number") },
  { tag: [t.bool, t.null, t.keyword, t.atom], color: v("keyword") },
  { tag: [t.meta, t.labelName, t.typeName, t.tagName, t.modifier], color: v("meta") },
  { tag: [t.punctuation, t.separator, t.bracket, t.squareBracket, t.brace, t.operator], color: v("muted") },
  { tag: [t.comment, t.lineComment, t.blockComment], color: v("muted"), fontStyle: "italic" },
  { tag: t.invalid, color: v("invalid") },
]);

/**
 * The editor's theme and syntax colours, for the value editor and every merge / diff view. Light by default;
 * dark wherever an ancestor has the `dark` class.
 */
export const editorTheme = [themeRules, syntaxHighlighting(highlighting)];
