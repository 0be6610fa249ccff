"use client";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { AUDIT_OPERATIONS } from "@/lib/api/schemas";
import { isoToLocalInput, localInputToIso, type AuditPageFilter } from "@/lib/audit-page/filter";
import { useClusters } from "@/lib/hooks/use-clusters";

const RESULT_CHOICES = ["ok", "failed", "unknown"] as const;

interface Draft {
  user: string;
  cluster: string;
  operation: string;
  result: string;
  q: string;
  from: string;
  to: string;
}

function draftOf(filter: AuditPageFilter): Draft {
  return {
    user: filter.user ?? "",
    cluster: filter.cluster ?? "",
    operation: filter.operation ?? "",
    result: filter.result ?? "",
    q: filter.q ?? "",
    from: isoToLocalInput(filter.from),
    to: isoToLocalInput(filter.to),
  };
}

/** A time input that still shows the instant it came from keeps that instant (milliseconds included). */
function instantOf(input: string, current: string | undefined): string | undefined {
  return current !== undefined && input === isoToLocalInput(current) ? current : localInputToIso(input);
}

/**
 * The filter, applied with Apply (a link to the result is the page's URL). Render it with `key` set to
 * the URL's filter, so Back and Forward show the filter they went to.
 */
export function AuditFilterForm({ filter, onApply }: { filter: AuditPageFilter; onApply: (filter: AuditPageFilter) => void }) {
  const t = useTranslations("audit.filter");
  const [draft, setDraft] = useState(() => draftOf(filter));
  const { data } = useClusters();
  const clusters = data?.clusters.map((c) => c.name) ?? [];
  // A cluster no longer configured still has entries in the log: keep it choosable.
  if (filter.cluster && !clusters.includes(filter.cluster)) clusters.push(filter.cluster);
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      user: draft.user.trim() || undefined,
      cluster: draft.cluster || undefined,
      operation: draft.operation || undefined,
      result: draft.result || undefined,
      q: draft.q || undefined,
      from: instantOf(draft.from, filter.from),
      to: instantOf(draft.to, filter.to),
    });
  };

  return (
    <form aria-label={t("label")} onSubmit={submit} className="grid gap-3 rounded-md border border-line p-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field label={t("user")} value={draft.user} onChange={(e) => set("user")(e.target.value)} autoComplete="off" />
      <SelectField label={t("cluster")} value={draft.cluster} onChange={set("cluster")}>
        <Choices any={t("allClusters")} choices={clusters} />
      </SelectField>
      <SelectField label={t("operation")} value={draft.operation} onChange={set("operation")}>
        <Choices any={t("anyOperation")} choices={AUDIT_OPERATIONS} />
      </SelectField>
      <SelectField label={t("result")} value={draft.result} onChange={set("result")}>
        <Choices any={t("anyResult")} choices={RESULT_CHOICES.map((value) => ({ value, label: t(`results.${value}`) }))} />
      </SelectField>
      <Field label={t("contains")} value={draft.q} onChange={(e) => set("q")(e.target.value)} autoComplete="off" className="sm:col-span-2" />
      <Field label={t("from")} type="datetime-local" step={1} value={draft.from} onChange={(e) => set("from")(e.target.value)} />
      <Field label={t("to")} type="datetime-local" step={1} value={draft.to} onChange={(e) => set("to")(e.target.value)} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary">
          {t("apply")}
        </Button>
        <Button onClick={() => onApply({})}>{t("clear")}</Button>
      </div>
    </form>
  );
}

/** "Any …" (the empty value), then each choice: a value shown as is, or a value with its label. */
function Choices({ any, choices }: { any: string; choices: readonly (string | { value: string; label: string })[] }) {
  return (
    <>
      <option value="">{any}</option>
      {choices.map((choice) => {
        const { value, label } = typeof choice === "string" ? { value: choice, label: choice } : choice;
        return (
          <option key={value} value={value}>
            {label}
          </option>
        );
      })}
    </>
  );
}
