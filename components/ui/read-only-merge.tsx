"use client";
import { MergeView } from "@codemirror/merge";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { useCallback } from "react";
import { editorTheme } from "@/components/keys/editor-theme";

export interface MergeSide {
  doc: string;
  /** The accessible name of this side's text. */
  label: string;
}

const readOnly = (label: string) => [
  EditorState.readOnly.of(true),
  EditorView.editable.of(false),
  EditorView.lineWrapping,
  EditorView.contentAttributes.of({ "aria-label": label }),
  editorTheme,
];

/** Two texts side by side with their differences marked (CodeMirror's merge view), neither editable. */
export function ReadOnlyMerge({ a, b, className = "" }: { a: MergeSide; b: MergeSide; className?: string }) {
  // A callback ref with cleanup (React 19): the merge view lives as long as its element.
  const mergeRef = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) return;
      const view = new MergeView({
        a: { doc: a.doc, extensions: readOnly(a.label) },
        b: { doc: b.doc, extensions: readOnly(b.label) },
        parent: element,
        gutter: true,
      });
      return () => view.destroy();
    },
    [a.doc, a.label, b.doc, b.label],
  );
  return <div ref={mergeRef} className={`max-h-[50vh] overflow-auto rounded-md border border-line-strong text-sm ${className}`} />;
}
