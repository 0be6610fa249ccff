"use client";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo, useRef, useState } from "react";
import { useTranslations } from "use-intl";
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
  const t = useTranslations("keyPanel.value");
  const wrap = value.length < WRAP_LIMIT;
  // Tab moves focus out of the editor (no keyboard trap: CodeMirror's tab-focus mode, on from the start)
  // until the user asks for indenting with Ctrl+M, CodeMirror's own key for that mode; Ctrl+M again gives
  // Tab back to focus. Bound here as well so that the hint below follows the mode.
  const [tabIndents, setTabIndents] = useState(false);
  const tabIndentsNow = useRef(false);
  const extensions = useMemo(
    () => [
      EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true", role: "textbox" }),
      Prec.highest(
        keymap.of([
          {
            key: "Ctrl-m",
            run: (view) => {
              tabIndentsNow.current = !tabIndentsNow.current;
              view.setTabFocusMode(!tabIndentsNow.current);
              setTabIndents(tabIndentsNow.current);
              return true;
            },
          },
        ]),
      ),
      ...(wrap ? [EditorView.lineWrapping] : []),
      ...(format === "json" ? [json()] : format === "yaml" ? [yaml()] : []),
    ],
    [format, label, wrap],
  );
  return (
    <div className="space-y-1">
      <div className="overflow-hidden rounded-md border border-line-strong text-sm">
        <CodeMirror
          value={value}
          onChange={onChange}
          extensions={extensions}
          theme={editorTheme}
          readOnly={readOnly}
          editable={!readOnly}
          onCreateEditor={(view) => view.setTabFocusMode(!tabIndentsNow.current)}
          minHeight="8rem"
          maxHeight="60vh"
          basicSetup={{ foldGutter: format !== "plain", highlightActiveLine: !readOnly }}
        />
      </div>
      {readOnly ? null : (
        <p role="note" aria-label={t("tabHintName")} className="text-xs text-muted">
          {tabIndents ? t("tabIndents") : t("tabMovesFocus")}
        </p>
      )}
    </div>
  );
}
