"use client";
import { useState } from "react";
import { toast } from "sonner";
import { useTranslations } from "use-intl";
import { useErrorText } from "@/components/errors/use-error-text";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field, TextAreaField } from "@/components/ui/field";
import { postKey, putKey } from "@/lib/api/keys-client";
import type { ErrorText } from "@/lib/editor/error-text";
import { parseTtlField } from "@/lib/editor/ttl";
import { useAfterWrite } from "@/lib/hooks/use-after-write";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import { baseNameOf, joinKey, keyProblem, splitKey } from "@/lib/key-path";
import { errorText, isApiError } from "./error-text";
import { StoreFileInput } from "./store-file";

interface BaseProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  cluster: string;
  /** The directory the new entry goes into. */
  dir: string;
}

/** The key a name typed under `dir` stands for, or why the name is not usable. */
function keyUnder(
  dir: string,
  name: string,
  t: ReturnType<typeof useTranslations<"keys.create">>,
  words: ReturnType<typeof useValidationText>,
): { key: string } | { error: string } {
  const trimmed = name.replace(/^\/+/, "");
  if (trimmed === "") return { error: t("enterName") };
  const key = joinKey([...splitKey(dir), ...trimmed.split("/")]);
  const problem = keyProblem(key);
  return problem ? { error: t("invalidName", { problem: words.keyProblem(problem) }) } : { key };
}

/** New key (create only: prevExist=false, so an existing key is never overwritten). */
export function NewKeyDialog({
  open,
  onOpenChange,
  cluster,
  dir,
  initialName = "",
  initialValue = "",
  onCreated,
  kind = "key",
}: BaseProps & { initialName?: string; initialValue?: string; onCreated: (key: string) => void; kind?: "key" | "directory" }) {
  const t = useTranslations("keys.create");
  const words = useValidationText();
  const errorWords = useErrorText();
  const afterWrite = useAfterWrite();
  const [name, setName] = useState(initialName);
  const [value, setValue] = useState(initialValue);
  const [ttl, setTtl] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [ttlError, setTtlError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);
  const isDir = kind === "directory";

  function close(next: boolean) {
    if (!next) {
      setName(initialName);
      setValue(initialValue);
      setTtl("");
      setNameError(null);
      setTtlError(null);
      setError(null);
    }
    onOpenChange(next);
  }

  async function create() {
    setError(null);
    const target = keyUnder(dir, name, t, words);
    const ttlField = parseTtlField(ttl);
    setNameError("error" in target ? target.error : null);
    setTtlError(ttlField.ok ? null : words.ttlProblem(ttlField.problem));
    if ("error" in target || !ttlField.ok) return;
    setBusy(true);
    try {
      const ttlPart = ttlField.ttl === null ? {} : { ttl: ttlField.ttl };
      await putKey(cluster, target.key, isDir ? { dir: true, prevExist: false, ...ttlPart } : { value, prevExist: false, ...ttlPart });
      toast.success(t("created", { key: target.key }));
      void afterWrite(cluster, target.key);
      close(false);
      onCreated(target.key);
    } catch (caught) {
      const text = errorText(caught, "create", target.key);
      if (isApiError(caught, "key_exists")) setNameError(errorWords(text));
      setError(text);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={close} title={isDir ? t("newDirectory") : t("newKey")} description={t("inDir", { dir })}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <Field label={isDir ? t("directoryName") : t("keyName")} value={name} onChange={(e) => setName(e.target.value)} error={nameError} autoFocus autoComplete="off" />
        {isDir ? null : <TextAreaField label={t("value")} value={value} onChange={setValue} />}
        {isDir ? null : (
          <StoreFileInput
            onLoaded={(base64, note) => {
              setValue(base64);
              toast.info(note);
            }}
          />
        )}
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

/** Add to queue: an in-order key (POST), named by etcd after its index. */
export function QueueDialog({ open, onOpenChange, cluster, dir }: BaseProps) {
  const t = useTranslations("keys.create");
  const words = useValidationText();
  const afterWrite = useAfterWrite();
  const [value, setValue] = useState("");
  const [ttl, setTtl] = useState("");
  const [ttlError, setTtlError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);

  function close(next: boolean) {
    if (!next) {
      setValue("");
      setTtl("");
      setTtlError(null);
      setError(null);
    }
    onOpenChange(next);
  }

  async function add() {
    setError(null);
    const ttlField = parseTtlField(ttl);
    setTtlError(ttlField.ok ? null : words.ttlProblem(ttlField.problem));
    if (!ttlField.ok) return;
    setBusy(true);
    try {
      const result = await postKey(cluster, dir, ttlField.ttl === null ? { value } : { value, ttl: ttlField.ttl });
      toast.success(t("queued", { name: baseNameOf(result.node?.key ?? ""), dir }));
      void afterWrite(cluster, dir);
      close(false);
    } catch (caught) {
      setError(errorText(caught, "queue", dir));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={close} title={t("queueTitle")} description={t("queueDescription", { dir })}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <TextAreaField label={t("value")} value={value} onChange={setValue} />
        <Field label={t("ttl")} inputMode="numeric" value={ttl} onChange={(e) => setTtl(e.target.value)} error={ttlError} hint={t("ttlHint")} />
        <ErrorNote error={error} />
        <div className="flex justify-end gap-2">
          <Button onClick={() => close(false)}>{t("cancel")}</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {t("add")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
