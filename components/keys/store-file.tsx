"use client";
import { FileUp } from "lucide-react";
import { useId, useState } from "react";
import { useTranslations } from "use-intl";
import { base64FormLength, bytesToBase64, MAX_FORM_BODY_BYTES } from "@/lib/binary/value-bytes";
import { useFormat } from "@/lib/i18n/format";

/**
 * "Store a file…": reads a file in the browser and hands its bytes base64-encoded to the form, which
 * saves that text as the value. Why base64 (etcd v2 stores values as text) is said once a file is loaded,
 * in the note handed over with it, not under every editor.
 */
export function StoreFileInput({ onLoaded, v3 }: { onLoaded: (base64: string, note: string) => void; v3?: boolean }) {
  const t = useTranslations("keyPanel.file");
  // v3 stores the file's bytes as they are (sent as base64 in the JSON body, not stored as base64).
  const t3 = useTranslations("keyPanel3.file");
  const { bytes } = useFormat();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  async function read(file: File) {
    setError(null);
    setReading(true);
    try {
      const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const encoded = base64FormLength(base64);
      if (encoded > MAX_FORM_BODY_BYTES) {
        setError(t("tooLarge", { name: file.name, size: bytes(file.size), encoded: bytes(encoded) }));
        return;
      }
      onLoaded(base64, v3 ? t3("loaded", { name: file.name, size: bytes(file.size) }) : t("loaded", { name: file.name, size: bytes(file.size), chars: base64.length }));
    } catch {
      setError(t("unreadable", { name: file.name }));
    } finally {
      setReading(false);
    }
  }

  return (
    <div className="space-y-1 text-sm">
      <label
        htmlFor={id}
        className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-line-strong bg-surface px-3 py-1.5 font-medium hover:bg-hover focus-within:outline focus-within:outline-2 focus-within:outline-focus"
      >
        <FileUp aria-hidden size={14} /> {t("store")}
        <input
          id={id}
          type="file"
          className="sr-only"
          disabled={reading}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void read(file);
          }}
        />
      </label>
      {error ? (
        <p role="alert" className="text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
