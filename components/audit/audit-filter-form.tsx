"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { AUDIT_OPERATIONS } from "@/lib/api/schemas";
import { isoToLocalInput, localInputToIso, type AuditPageFilter } from "@/lib/audit-page/filter";
import { useClusters } from "@/lib/hooks/use-clusters";

const RESULT_CHOICES = [
  { value: "ok", label: "ok" },
  { value: "failed", label: "failed (outcome unknown included)" },
  { value: "unknown", label: "outcome unknown" },
];

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
    <form aria-label="Filter" onSubmit={submit} className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800">
      <Field label="User" value={draft.user} onChange={(e) => set("user")(e.target.value)} autoComplete="off" />
      <SelectField label="Cluster" value={draft.cluster} onChange={set("cluster")}>
        <Choices any="All clusters" choices={clusters} />
      </SelectField>
      <SelectField label="Operation" value={draft.operation} onChange={set("operation")}>
        <Choices any="Any operation" choices={AUDIT_OPERATIONS} />
      </SelectField>
      <SelectField label="Result" value={draft.result} onChange={set("result")}>
        <Choices any="Any result" choices={RESULT_CHOICES} />
      </SelectField>
      <Field label="Key, member or etcd name contains" value={draft.q} onChange={(e) => set("q")(e.target.value)} autoComplete="off" className="sm:col-span-2" />
      <Field label="From" type="datetime-local" step={1} value={draft.from} onChange={(e) => set("from")(e.target.value)} />
      <Field label="To" type="datetime-local" step={1} value={draft.to} onChange={(e) => set("to")(e.target.value)} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit" variant="primary">
          Apply
        </Button>
        <Button onClick={() => onApply({})}>Clear</Button>
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
