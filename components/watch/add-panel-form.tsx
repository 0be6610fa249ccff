"use client";
import { Plus } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import { parsePanelForm, type PanelForm, type PanelFormErrors, type PanelSpec } from "@/lib/watch-page/panels";

const EMPTY: PanelForm = { key: "", recursive: false, fromIndex: "" };

/** Key, Recursive, From index, and "Add panel": checked with the shared key rules before a panel opens. */
export function AddPanelForm({ onAdd }: { onAdd: (spec: PanelSpec) => void }) {
  const t = useTranslations("watch.add");
  const [form, setForm] = useState<PanelForm>(EMPTY);
  const words = useValidationText();
  const [errors, setErrors] = useState<PanelFormErrors>({});
  const recursiveId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parsePanelForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    // Keep "Recursive": several panels of one kind are often added in a row.
    setForm({ ...EMPTY, recursive: form.recursive });
    onAdd(result.spec);
  };

  return (
    <form aria-label={t("form")} onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3 rounded-lg border border-line p-3">
      <Field
        label={t("key")}
        className="min-w-64 flex-1"
        value={form.key}
        placeholder="/config"
        autoComplete="off"
        spellCheck={false}
        error={errors.key && (errors.key.code === "missing" ? words.watchKeyMissing() : words.notValidKey(errors.key))}
        onChange={(e) => setForm({ ...form, key: e.target.value })}
      />
      <Field
        label={t("fromIndex")}
        className="w-40"
        inputMode="numeric"
        value={form.fromIndex}
        placeholder={t("now")}
        autoComplete="off"
        error={errors.fromIndex && words.fromIndex()}
        hint={t("fromIndexHint")}
        onChange={(e) => setForm({ ...form, fromIndex: e.target.value })}
      />
      <div className="flex items-center gap-2 pt-7">
        <input id={recursiveId} type="checkbox" checked={form.recursive} onChange={(e) => setForm({ ...form, recursive: e.target.checked })} className="size-4" />
        <label htmlFor={recursiveId} className="text-sm">
          {t("recursive")}
        </label>
      </div>
      <div className="pt-6">
        <Button type="submit" variant="primary">
          <Plus aria-hidden size={16} />
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
