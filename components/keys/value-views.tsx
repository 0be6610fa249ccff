"use client";
import { Download } from "lucide-react";
import { useId, useMemo } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { downloadBlob } from "@/lib/download";
import { base64ToBytes, bytesToBase64, hexDump, looksLikeBase64, utf8Bytes } from "@/lib/binary/value-bytes";
import { useFormat } from "@/lib/i18n/format";

/** Also the views' message keys (keyPanel.views.*). */
const VIEWS = ["text", "hex", "base64"] as const;
export type ValueView = (typeof VIEWS)[number];

/** Base64 shown in the page at most (a 10 MiB value is 13 MiB of base64). */
const SHOWN_BASE64_CHARS = 1024 * 1024;

/** Text / Hex / Base64: how the value is shown. */
export function ValueViewPicker({ view, onChange }: { view: ValueView; onChange: (view: ValueView) => void }) {
  const t = useTranslations("keyPanel.views");
  const name = useId();
  return (
    <fieldset className="flex items-center gap-3 text-sm">
      <legend className="sr-only">{t("legend")}</legend>
      {VIEWS.map((option) => (
        <label key={option} className="inline-flex items-center gap-1">
          <input type="radio" name={name} value={option} checked={view === option} onChange={() => onChange(option)} />
          {t(option)}
        </label>
      ))}
    </fieldset>
  );
}

const BOX = "max-h-[60vh] overflow-auto rounded-md border border-line-strong bg-subtle p-2 font-mono text-xs";

/** The value's bytes (a v3 value that is not text), or a text value's UTF-8; `v3`: they are exactly etcd's. */
interface BytesViewProps {
  value: string;
  bytes?: Uint8Array | null;
  v3?: boolean;
}

/** The value's bytes as a hex dump (offset, hex, printable column); read-only. */
export function HexView({ value, bytes: raw, v3 }: BytesViewProps) {
  const t = useTranslations("keyPanel.views");
  const t3 = useTranslations("keyPanel3.views");
  const { bytes } = useFormat();
  const dump = useMemo(() => hexDump(raw ?? utf8Bytes(value)), [raw, value]);
  return (
    <div className="space-y-1">
      <pre role="region" aria-label={t("hexDump")} className={`${BOX} whitespace-pre`}>
        {dump.total === 0 ? t("empty") : dump.text}
      </pre>
      <p className="text-xs text-muted">{(v3 ? t3 : t)("hexNote", { cut: dump.shown < dump.total ? "yes" : "no", shown: bytes(dump.shown), total: bytes(dump.total) })}</p>
    </div>
  );
}

/** The value's bytes in base64; read-only. */
export function Base64View({ value, bytes: raw, v3 }: BytesViewProps) {
  const t = useTranslations("keyPanel.views");
  const t3 = useTranslations("keyPanel3.views");
  const base64 = useMemo(() => bytesToBase64(raw ?? utf8Bytes(value)), [raw, value]);
  const cut = base64.length > SHOWN_BASE64_CHARS;
  return (
    <div className="space-y-1">
      <pre role="region" aria-label={t("base64")} className={`${BOX} whitespace-pre-wrap break-all`}>
        {cut ? `${base64.slice(0, SHOWN_BASE64_CHARS)}…` : base64}
      </pre>
      <p className="text-xs text-muted">{(v3 ? t3 : t)("base64Note", { cut: cut ? "yes" : "no", shown: SHOWN_BASE64_CHARS, total: base64.length })}</p>
    </div>
  );
}

/** For a value that is base64 (a stored file, say): saves the decoded bytes as a file. */
export function DownloadDecoded({ value, fileName }: { value: string; fileName: string }) {
  const t = useTranslations("keyPanel.views");
  if (!looksLikeBase64(value)) return null;
  return (
    <Button
      onClick={() => {
        const bytes = base64ToBytes(value);
        if (bytes) downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" }));
      }}
    >
      <Download aria-hidden size={14} /> {t("downloadDecoded")}
    </Button>
  );
}
