"use client";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { errorText, isApiError } from "@/components/keys/error-text";
import { StoreFileInput } from "@/components/keys/store-file";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field, TextAreaField } from "@/components/ui/field";
import { putKey3 } from "@/lib/api/keys3-client";
import type { ErrorText } from "@/lib/editor/error-text";
import { parseTtlField } from "@/lib/editor/ttl";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import { keyDisplay, keyDisplayProblemMessage, leafKey, parseKeyDisplay } from "@/lib/keyspace3/key-bytes";
import { v3KeysPageHref } from "@/lib/keyspace3/key-url";

export interface NewKey3DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  /** The directory the key goes into (the root: empty). */
  dir: Uint8Array;
  initialName?: string;
  initialValue?: string;
  onCreated: (key: Uint8Array) => void;
}

/**
 * New key, created only if absent (`create: true`: create_revision = 0, §3.3), so an existing key is never
 * overwritten: a name that exists says so, with a way to it. The name is in the key's text form (`\xff` for a
 * byte that is not UTF-8, key-bytes.ts); "TTL (seconds)" grants a lease and attaches the key.
 */
export function NewKey3Dialog({ open, onOpenChange, cluster, dir, initialName = "", initialValue = "", onCreated }: NewKey3DialogProps) {
  const t = useTranslations("keys.create");
  const t3 = useTranslations("keyPanel3.create");
  const words = useValidationText();
  const [name, setName] = useState(initialName);
  const [value, setValue] = useState<{ text: string } | { base64: string }>({ text: initialValue });
  const [ttl, setTtl] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [ttlError, setTtlError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  /** The key that exists already under the name given. */
  const [exists, setExists] = useState<Uint8Array | null>(null);
  const [busy, setBusy] = useState(false);
  const dirName = keyDisplay(dir) || "/";

  function close(next: boolean) {
    if (!next) {
      setName(initialName);
      setValue({ text: initialValue });
      setTtl("");
      setNameError(null);
      setTtlError(null);
      setError(null);
      setExists(null);
    }
    onOpenChange(next);
  }

  async function create() {
    setError(null);
    setExists(null);
    const parsed = name === "" ? null : parseKeyDisplay(name);
    const ttlField = parseTtlField(ttl);
    setNameError(parsed === null ? t("enterName") : parsed.ok ? null : t("invalidName", { problem: keyDisplayProblemMessage(parsed.problem) }));
    setTtlError(ttlField.ok ? null : words.ttlProblem(ttlField.problem));
    if (!parsed?.ok || !ttlField.ok) return;
    const key = leafKey(dir, parsed.bytes);
    const shown = keyDisplay(key);
    setBusy(true);
    try {
      await putKey3(cluster, key, { ...value, create: true, ...(ttlField.ttl === null ? {} : { ttl: ttlField.ttl }) });
      toast.success(t("created", { key: shown }));
      close(false);
      onCreated(key);
    } catch (caught) {
      // A create refused because the key exists: 412 key_exists (lib/api/keys3.ts).
      if (isApiError(caught, "key_exists")) {
        setNameError(t3("exists", { key: shown }));
        setExists(key);
      } else {
        setError(errorText(caught, "create", shown));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={close} title={t("newKey")} description={t("inDir", { dir: dirName })}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Field label={t("keyName")} value={name} onChange={(e) => setName(e.target.value)} error={nameError} hint={t3("nameHint")} autoFocus autoComplete="off" />
        {exists ? (
          <Link href={v3KeysPageHref(cluster, { kind: "key", key: exists })} onClick={() => close(false)} className="text-sm text-info underline underline-offset-2">
            {t3("openExisting", { key: keyDisplay(exists) })}
          </Link>
        ) : null}
        {"text" in value ? (
          <TextAreaField label={t("value")} value={value.text} onChange={(text) => setValue({ text })} />
        ) : (
          <p role="status" className="text-sm">
            {t3("fileValue")}{" "}
            <Button onClick={() => setValue({ text: "" })}>{t3("fileClear")}</Button>
          </p>
        )}
        <StoreFileInput
          v3
          onLoaded={(base64, note) => {
            setValue({ base64 });
            toast.info(note);
          }}
        />
        <Field label={t("ttl")} inputMode="numeric" value={ttl} onChange={(e) => setTtl(e.target.value)} error={ttlError} hint={t("ttlHintPermanent")} />
        <ErrorNote error={error} />
        <div className="flex justify-end gap-2">
          <Button onClick={() => close(false)}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {t("create")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
