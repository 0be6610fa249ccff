// The value editor's colours, light and dark (components/keys/editor-theme.ts turns them into a CodeMirror
// theme). Every text colour reaches 4.5:1 on every background it can sit on: palette.test.ts checks it.

/** Backgrounds text can sit on in the editor. */
export interface EditorBackgrounds {
  background: string;
  gutter: string;
  activeLine: string;
  selection: string;
  selectionMatch: string;
}

/** Text colours: plain text and each kind of syntax token. */
export interface EditorInks {
  text: string;
  /** Gutter numbers, punctuation, comments, the placeholder. */
  muted: string;
  propertyName: string;
  string: string;
  number: string;
  keyword: string;
  meta: string;
  invalid: string;
}

export interface EditorPalette {
  backgrounds: EditorBackgrounds;
  inks: EditorInks;
  /** Lines between the gutter and the text; not text, no contrast requirement beyond being visible. */
  line: string;
}

/** On white; values close to app/globals.css's light tokens (surface, fg, muted). */
export const lightEditorPalette: EditorPalette = {
  backgrounds: { background: "#ffffff", gutter: "#f4f4f5", activeLine: "#f4f4f5", selection: "#bfdbfe", selectionMatch: "#e4e4e7" },
  inks: {
    text: "#18181b",
    muted: "#52525b",
    propertyName: "#1d4ed8",
    string: "#166534",
    number: "#9a3412",
    keyword: "#7e22ce",
    meta: "#155e75",
    invalid: "#991b1b",
  },
  line: "#e4e4e7",
};

/** On zinc-900 (the dark surface token). */
export const darkEditorPalette: EditorPalette = {
  backgrounds: { background: "#18181b", gutter: "#18181b", activeLine: "#27272a", selection: "#1e3a5f", selectionMatch: "#3f3f46" },
  inks: {
    text: "#f4f4f5",
    muted: "#b4b4bc",
    propertyName: "#93c5fd",
    string: "#86efac",
    number: "#fdba74",
    keyword: "#d8b4fe",
    meta: "#67e8f9",
    invalid: "#fca5a5",
  },
  line: "#3f3f46",
};
