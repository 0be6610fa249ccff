"use client";
// The value: its format, how it is shown (text, hex, base64), the editor, Pretty-print, storing a file,
// and the notes that matter for this value only (not text, a parse error, replacement characters).
import { WandSparkles } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { detectFormat, hasReplacementCharacter, prettyPrint, validationDelayMs, type FormatInfo } from "@/lib/editor/format";
import type { ErrorText } from "@/lib/editor/error-text";
import { isNotText, notTextTraits } from "@/lib/binary/value-bytes";
import { baseNameOf } from "@/lib/key-path";
import { StoreFileInput } from "./store-file";
import { ValueEditor } from "./value-editor";
import { Base64View, DownloadDecoded, HexView, ValueViewPicker, type ValueView } from "./value-views";

export interface ValueSectionProps {
  keyPath: string;
  /** The stored value the editor opened with (a value that is not text opens as hex). */
  initial: string;
  draft: string;
  setDraft: (value: string) => void;
  dirty: boolean;
  canWrite: boolean;
  busy: boolean;
  onError: (error: ErrorText) => void;
}

export function ValueSection({ keyPath, initial, draft, setDraft, dirty, canWrite, busy, onError }: ValueSectionProps) {
  const t = useTranslations("keyPanel.value");
  // A value that is not text opens as hex, never as garbled text; its text view is read-only.
  const [view, setView] = useState<ValueView>(() => (isNotText(initial) ? "hex" : "text"));
  const notText = useMemo(() => notTextTraits(draft), [draft]);
  const format = useFormatter();
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [info, setInfo] = useState<FormatInfo>(() => detectFormat(initial));
  useEffect(() => {
    const timer = setTimeout(() => setInfo(detectFormat(draft)), validationDelayMs(draft.length));
    return () => clearTimeout(timer);
  }, [draft]);
  const formatName = t(`format.${info.format}`);

  function prettify() {
    const pretty = prettyPrint(draft, info.format);
    if (pretty === null) onError({ message: t("notValid", { format: formatName }) });
    else setDraft(pretty);
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          <span className="font-medium">{t("label")}</span> · <span aria-label={t("detectedFormat")}>{formatName}</span>
          {dirty ? <span className="ml-2 text-xs text-warning">{t("unsaved")}</span> : null}
        </p>
        <div className="flex items-center gap-3">
          <ValueViewPicker view={view} onChange={setView} />
          {canWrite && view === "text" ? (
            <Button onClick={prettify} disabled={info.format === "plain" || info.problem !== undefined || busy || notText !== null}>
              <WandSparkles aria-hidden size={14} /> {t("prettyPrint")}
            </Button>
          ) : null}
        </div>
      </div>
      {notText ? (
        <p role="note" aria-label={t("notTextName")} className="text-sm text-warning">
          {t("notText", { traits: format.list(notText.map((trait) => t(`notTextTrait.${trait}`))) })} {view === "text" ? t("notTextAsText") : t("notTextAsBytes")}
        </p>
      ) : null}
      {view === "hex" ? (
        <HexView value={draft} />
      ) : view === "base64" ? (
        <Base64View value={draft} />
      ) : (
        <ValueEditor value={draft} onChange={canWrite && !notText ? setDraft : undefined} format={info.format} readOnly={!canWrite || notText !== null} />
      )}
      <div className="flex flex-wrap items-start gap-3">
        <DownloadDecoded value={draft} fileName={`${baseNameOf(keyPath)}.bin`} />
        {canWrite ? (
          <StoreFileInput
            onLoaded={(base64, note) => {
              setDraft(base64);
              setView("text");
              setFileNote(note);
            }}
          />
        ) : null}
      </div>
      {fileNote && dirty ? (
        <p role="status" aria-label={t("fileLoaded")} className="text-sm">
          {fileNote} {t("saveToStore")}
        </p>
      ) : null}
      {info.problem ? (
        <p role="status" aria-label={t("parseError")} className="text-sm text-danger">
          {info.problem.line !== undefined
            ? t("problemOnLine", { format: formatName, line: info.problem.line, message: info.problem.message })
            : t("problem", { format: formatName, message: info.problem.message })}
        </p>
      ) : null}
      {hasReplacementCharacter(draft) ? (
        <p role="status" className="text-sm text-warning">
          {t("replacement")}
        </p>
      ) : null}
    </div>
  );
}
