"use client";
import { Plus } from "lucide-react";
import { useId, useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import type { Keyspace } from "@/lib/keyspaces/support";
import { parsePanelForm, type PanelForm, type PanelFormErrors, type PanelSpec } from "@/lib/watch-page/panels";

const EMPTY: Omit<PanelForm, "keyspace"> = { key: "", recursive: false, fromIndex: "" };

export interface AddPanelFormProps {
  /** The keyspaces the cluster offers (a "Keyspace" choice only when there are two). */
  offered: readonly Keyspace[];
  /** The one chosen until the user picks another. */
  defaultKeyspace: Keyspace;
  onAdd: (spec: PanelSpec) => void;
}

/**
 * Keyspace (where the cluster offers both), Key, then on v2 Recursive and From index, on v3 Watch the prefix
 * and From revision (the key as its display form, `\xHH` for bytes that are not UTF-8); "Add panel" checks the
 * form with the shared rules before a panel opens.
 */
export function AddPanelForm({ offered, defaultKeyspace, onAdd }: AddPanelFormProps) {
  const t = useTranslations("watch.add");
  const [form, setForm] = useState(EMPTY);
  const [chosen, setChosen] = useState<Keyspace | undefined>(undefined);
  const keyspace = chosen !== undefined && offered.includes(chosen) ? chosen : defaultKeyspace;
  const v3 = keyspace === "v3";
  const words = useValidationText();
  const [errors, setErrors] = useState<PanelFormErrors>({});
  const recursiveId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = parsePanelForm({ ...form, keyspace });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    // Keep "Recursive" / "Watch the prefix": several panels of one kind are often added in a row.
    setForm({ ...EMPTY, recursive: form.recursive });
    onAdd(result.spec);
  };

  const keyError = (): string | undefined => {
    const problem = errors.key;
    if (!problem) return undefined;
    if (problem.code === "missing") return v3 ? t("keyMissing3") : words.watchKeyMissing();
    if (problem.code === "badKey3") return t("badKey3", { problem: problem.message });
    return words.notValidKey(problem);
  };

  return (
    <form aria-label={t("form")} onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3 rounded-lg border border-line p-3">
      {offered.length > 1 ? (
        <SelectField
          label={t("keyspace")}
          value={keyspace}
          onChange={(value) => {
            setChosen(value as Keyspace);
            setErrors({});
          }}
        >
          {offered.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <Field
        label={t("key")}
        className="min-w-64 flex-1"
        value={form.key}
        placeholder="/config"
        autoComplete="off"
        spellCheck={false}
        hint={v3 ? t("keyHint3") : undefined}
        error={keyError()}
        onChange={(e) => setForm({ ...form, key: e.target.value })}
      />
      <Field
        label={v3 ? t("fromRevision") : t("fromIndex")}
        className="w-40"
        inputMode="numeric"
        value={form.fromIndex}
        placeholder={t("now")}
        autoComplete="off"
        error={errors.fromIndex && (v3 ? t("fromRevision3") : words.fromIndex())}
        hint={v3 ? t("fromRevisionHint") : t("fromIndexHint")}
        onChange={(e) => setForm({ ...form, fromIndex: e.target.value })}
      />
      <div className="flex items-center gap-2 pt-7">
        <input id={recursiveId} type="checkbox" checked={form.recursive} onChange={(e) => setForm({ ...form, recursive: e.target.checked })} className="size-4" />
        <label htmlFor={recursiveId} className="text-sm">
          {v3 ? t("prefix") : t("recursive")}
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
