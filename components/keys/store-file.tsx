"use client";
import { FileUp } from "lucide-react";
import { useId, useState } from "react";
import { base64FormLength, bytesToBase64, formatBytes, MAX_FORM_BODY_BYTES } from "@/lib/binary/value-bytes";

/**
 * "Store a file…": reads a file in the browser and hands its bytes base64-encoded to the form, which
 * saves that text as the value. Says why: etcd v2 stores values as text.
 */
export function StoreFileInput({ onLoaded }: { onLoaded: (base64: string, note: string) => void }) {
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
        setError(
          `${file.name} is ${formatBytes(file.size)}: base64 and form encoding make that ${formatBytes(encoded)}, over etcd's 10 MiB limit for a value, so etcd would refuse it. Files up to about 7 MiB fit.`,
        );
        return;
      }
      onLoaded(base64, `${file.name} (${formatBytes(file.size)}) loaded as base64 (${base64.length.toLocaleString("en-US")} characters).`);
    } catch {
      setError(`${file.name} could not be read.`);
    } finally {
      setReading(false);
    }
  }

  return (
    <div className="space-y-1 text-sm">
      <label htmlFor={id} className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-medium hover:bg-zinc-100 focus-within:outline focus-within:outline-2 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800">
        <FileUp aria-hidden size={14} /> Store a file…
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
      <p className="text-xs text-zinc-500">
        etcd&apos;s v2 API stores values as text (form-encoded UTF-8), so a file&apos;s raw bytes cannot be stored. The file is stored
        base64-encoded: whoever reads the value must decode it (Download decoded does). Up to about 7 MiB (etcd takes 10 MiB once encoded).
      </p>
      {error ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}
