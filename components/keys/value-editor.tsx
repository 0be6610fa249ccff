"use client";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { EditorView } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo } from "react";
import type { ValueFormat } from "@/lib/editor/format";
import { editorTheme } from "./editor-theme";

/** Wrapping a very long single line costs layout time; big values scroll sideways instead. */
const WRAP_LIMIT = 200_000;

export interface ValueEditorProps {
  value: string;
  onChange?: (value: string) => void;
  format: ValueFormat;
  label?: string;
  readOnly?: boolean;
}

/** CodeMirror with JSON / YAML highlighting; its editable area is named by `label` (a textbox "Value"). */
export function ValueEditor({ value, onChange, format, label = "Value", readOnly }: ValueEditorProps) {
  const wrap = value.length < WRAP_LIMIT;
  const extensions = useMemo(
    () => [
      EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true", role: "textbox" }),
      ...(wrap ? [EditorView.lineWrapping] : []),
      ...(format === "json" ? [json()] : format === "yaml" ? [yaml()] : []),
    ],
    [format, label, wrap],
  );
  return (
    <div className="overflow-hidden rounded-md border border-zinc-300 text-sm dark:border-zinc-700">
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        theme={editorTheme}
        readOnly={readOnly}
        editable={!readOnly}
        minHeight="8rem"
        maxHeight="60vh"
        basicSetup={{ foldGutter: format !== "plain", highlightActiveLine: !readOnly }}
      />
    </div>
  );
}
