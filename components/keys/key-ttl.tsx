"use client";
// The key's TTL, shown once: a live countdown with Extend and Make permanent, or "no TTL" with Set a TTL.
// Each is a compare-and-swap of the stored value with the new TTL (lib: useKeyEdit.writeTtl).
import type { V2Node } from "@/lib/etcd/wire";
import { Infinity as Permanent, TimerReset } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { parseTtlField } from "@/lib/editor/ttl";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import { TtlCountdown } from "./ttl-countdown";

export interface KeyTtlProps {
  node: V2Node;
  canWrite: boolean;
  busy: boolean;
  /** Writes the TTL (null: none); resolves to whether it was written. */
  onWrite: (ttl: number | null) => Promise<boolean>;
}

export function KeyTtl({ node, canWrite, busy, onWrite }: KeyTtlProps) {
  const t = useTranslations("keyPanel.ttl");
  const format = useFormatter();
  // The TTL field, open while the user extends or sets it (its first text; undefined when closed).
  const [text, setText] = useState<string | undefined>(undefined);

  return (
    <section aria-label={t("region")} className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className="text-muted">{t("label")}</span>
        {node.expiration ? (
          <>
            <TtlCountdown expiration={node.expiration} />
            <span className="text-xs text-muted">{t("at", { time: format.dateTime(new Date(node.expiration), { dateStyle: "medium", timeStyle: "medium" }) })}</span>
          </>
        ) : (
          <span>{t("none")}</span>
        )}
        {canWrite && text === undefined ? (
          <span className="flex gap-2">
            <Button onClick={() => setText(String(node.ttl ?? ""))} disabled={busy}>
              <TimerReset aria-hidden size={14} /> {node.expiration ? t("extend") : t("set")}
            </Button>
            {node.expiration ? (
              <Button onClick={() => void onWrite(null)} disabled={busy}>
                <Permanent aria-hidden size={14} /> {t("makePermanent")}
              </Button>
            ) : null}
          </span>
        ) : null}
      </div>
      {canWrite && text !== undefined ? <TtlForm initial={text} hint={t("fieldHint")} busy={busy} onWrite={onWrite} onClose={() => setText(undefined)} /> : null}
    </section>
  );
}

export interface TtlFormProps {
  /** The field's first text. */
  initial: string;
  hint: string;
  busy: boolean;
  /** Writes the TTL; resolves to whether it was written (the form then closes). */
  onWrite: (ttl: number) => Promise<boolean>;
  onClose: () => void;
}

/** "TTL (seconds)" with Apply and Cancel: a whole number of seconds, checked before anything is written. */
export function TtlForm({ initial, hint, busy, onWrite, onClose }: TtlFormProps) {
  const t = useTranslations("keyPanel.ttl");
  const words = useValidationText();
  const [text, setText] = useState(initial);
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function apply(event: FormEvent) {
    event.preventDefault();
    const field = parseTtlField(text);
    if (!field.ok) return setFieldError(words.ttlProblem(field.problem));
    if (field.ttl === null) return setFieldError(t("enterSeconds"));
    setFieldError(null);
    if (await onWrite(field.ttl)) onClose();
  }

  return (
    <form onSubmit={(e) => void apply(e)} className="flex flex-wrap items-end gap-2">
      <Field
        label={t("field")}
        inputMode="numeric"
        autoFocus
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setFieldError(null);
        }}
        error={fieldError}
        hint={hint}
        className="max-w-xs"
      />
      <Button type="submit" variant="primary" disabled={busy}>
        {t("apply")}
      </Button>
      <Button onClick={onClose}>{t("cancel")}</Button>
    </form>
  );
}
