"use client";
import { Download } from "lucide-react";
import { useId, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { downloadBlob } from "@/lib/download";
import { base64ToBytes, bytesToBase64, formatBytes, hexDump, looksLikeBase64, utf8Bytes } from "@/lib/binary/value-bytes";

export type ValueView = "text" | "hex" | "base64";
const VIEWS: { view: ValueView; label: string }[] = [
  { view: "text", label: "Text" },
  { view: "hex", label: "Hex" },
  { view: "base64", label: "Base64" },
];

/** Base64 shown in the page at most (a 10 MiB value is 13 MiB of base64). */
const SHOWN_BASE64_CHARS = 1024 * 1024;

/** Text / Hex / Base64: how the value is shown. */
export function ValueViewPicker({ view, onChange }: { view: ValueView; onChange: (view: ValueView) => void }) {
  const name = useId();
  return (
    <fieldset className="flex items-center gap-3 text-sm">
      <legend className="sr-only">Show the value as</legend>
      {VIEWS.map((option) => (
        <label key={option.view} className="inline-flex items-center gap-1">
          <input type="radio" name={name} value={option.view} checked={view === option.view} onChange={() => onChange(option.view)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

const BOX = "max-h-[60vh] overflow-auto rounded-md border border-line-strong bg-subtle p-2 font-mono text-xs";

/** The value's UTF-8 bytes as a hex dump (offset, hex, printable column); read-only. */
export function HexView({ value }: { value: string }) {
  const dump = useMemo(() => hexDump(utf8Bytes(value)), [value]);
  return (
    <div className="space-y-1">
      <pre role="region" aria-label="Hex dump" className={`${BOX} whitespace-pre`}>
        {dump.total === 0 ? "(empty)" : dump.text}
      </pre>
      <p className="text-xs text-muted">
        {dump.shown < dump.total ? `The first ${formatBytes(dump.shown)} of ${formatBytes(dump.total)}. ` : `${formatBytes(dump.total)}, `}
        the value&apos;s UTF-8 bytes as etcd returns them (bytes etcd could not return as UTF-8 show as ef bf bd, U+FFFD).
      </p>
    </div>
  );
}

/** The value's UTF-8 bytes in base64; read-only. */
export function Base64View({ value }: { value: string }) {
  const base64 = useMemo(() => bytesToBase64(utf8Bytes(value)), [value]);
  const cut = base64.length > SHOWN_BASE64_CHARS;
  return (
    <div className="space-y-1">
      <pre role="region" aria-label="Base64" className={`${BOX} whitespace-pre-wrap break-all`}>
        {cut ? `${base64.slice(0, SHOWN_BASE64_CHARS)}…` : base64}
      </pre>
      <p className="text-xs text-muted">
        {cut ? `The first ${SHOWN_BASE64_CHARS.toLocaleString("en-US")} of ${base64.length.toLocaleString("en-US")} characters. ` : ""}
        Base64 of the value&apos;s UTF-8 bytes: to copy it elsewhere without losing bytes to a text editor.
      </p>
    </div>
  );
}

/** For a value that is base64 (a stored file, say): saves the decoded bytes as a file. */
export function DownloadDecoded({ value, fileName }: { value: string; fileName: string }) {
  if (!looksLikeBase64(value)) return null;
  return (
    <Button
      onClick={() => {
        const bytes = base64ToBytes(value);
        if (bytes) downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" }));
      }}
    >
      <Download aria-hidden size={14} /> Download decoded
    </Button>
  );
}
