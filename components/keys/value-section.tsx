"use client";
// The value: its format, how it is shown (text, hex, base64), the editor, Pretty-print, storing a file,
// and the notes that matter for this value only (not text, a parse error, replacement characters).
import { WandSparkles } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { detectFormat, hasReplacementCharacter, prettyPrint, validationDelayMs, type FormatInfo } from "@/lib/editor/format";
import type { ErrorText } from "@/lib/editor/error-text";
import { base64ToBytes, isNotText, notTextTraits } from "@/lib/binary/value-bytes";
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
  /**
   * The v3 keyspace, which stores bytes: the views show etcd's bytes as they are, `bytes` is the draft when it is
   * not UTF-8 text (shown as hex / base64, never edited as text), and a stored file becomes the value's bytes
   * through `onFileBytes` (v2 stores its base64 as text).
   */
  v3?: { bytes: Uint8Array | null; onFileBytes: (bytes: Uint8Array) => void };
}

export function ValueSection({ keyPath, initial, draft, setDraft, dirty, canWrite, busy, onError, v3 }: ValueSectionProps) {
  const t = useTranslations("keyPanel.value");
  const t3 = useTranslations("keyPanel3.value");
  const bytes = v3?.bytes ?? null;
  // A value that is not text opens as hex, never as garbled text; its text view is read-only.
  const [view, setView] = useState<ValueView>(() => (bytes || isNotText(initial) ? "hex" : "text"));
  const textTraits = useMemo(() => notTextTraits(draft), [draft]);
  const notText = bytes ? [] : textTraits;
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
          {bytes ? t3("notUtf8") : t("notText", { traits: format.list(notText.map((trait) => t(`notTextTrait.${trait}`))) })}{" "}
          {view === "text" ? t("notTextAsText") : t("notTextAsBytes")}
        </p>
      ) : null}
      {view === "hex" ? (
        <HexView value={draft} bytes={bytes} v3={v3 !== undefined} />
      ) : view === "base64" ? (
        <Base64View value={draft} bytes={bytes} v3={v3 !== undefined} />
      ) : (
        <ValueEditor value={bytes ? lossyText(bytes) : draft} onChange={canWrite && !notText ? setDraft : undefined} format={info.format} readOnly={!canWrite || notText !== null} />
      )}
      <div className="flex flex-wrap items-start gap-3">
        {bytes ? null : <DownloadDecoded value={draft} fileName={`${baseNameOf(keyPath)}.bin`} />}
        {canWrite ? (
          <StoreFileInput
            v3={v3 !== undefined}
            onLoaded={(base64, note) => {
              const fileBytes = v3 ? base64ToBytes(base64) : null;
              if (v3) v3.onFileBytes(fileBytes ?? new Uint8Array(0));
              else setDraft(base64);
              setView(v3 ? "hex" : "text");
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
      {!v3 && hasReplacementCharacter(draft) ? (
        <p role="status" className="text-sm text-warning">
          {t("replacement")}
        </p>
      ) : null}
    </div>
  );
}

/** Bytes that are not UTF-8, as text for reading only (U+FFFD where a byte is not UTF-8): never saved from. */
function lossyText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
