"use client";
import { MergeView } from "@codemirror/merge";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { useCallback } from "react";

const readOnly = (label: string) => [
  EditorState.readOnly.of(true),
  EditorView.editable.of(false),
  EditorView.lineWrapping,
  EditorView.contentAttributes.of({ "aria-label": label }),
];

/** Their stored value beside yours, differences marked (read-only; "Their value" / "Your value"). */
export function ValueDiff({ theirs, mine, theirsCaption, mineCaption }: { theirs: string; mine: string; theirsCaption: string; mineCaption: string }) {
  // A callback ref with cleanup (React 19): the merge view lives as long as its element.
  const mergeRef = useCallback(
    (element: HTMLDivElement | null) => {
      if (!element) return;
      const view = new MergeView({
        a: { doc: theirs, extensions: readOnly("Their value") },
        b: { doc: mine, extensions: readOnly("Your value") },
        parent: element,
        gutter: true,
      });
      return () => view.destroy();
    },
    [theirs, mine],
  );
  return (
    <div>
      <div className="grid grid-cols-2 gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        <p>{theirsCaption}</p>
        <p>{mineCaption}</p>
      </div>
      <div ref={mergeRef} className="mt-1 max-h-[50vh] overflow-auto rounded-md border border-zinc-300 bg-white text-sm dark:border-zinc-700 dark:bg-zinc-950" />
    </div>
  );
}
