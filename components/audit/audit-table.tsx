import Link from "next/link";
import { memo } from "react";
import { CELL, DataTable, MONO_CELL } from "@/components/cluster/table";
import type { AuditRecord } from "@/lib/api/types";
import { describeConditions, describeOptions, shortened, summarizeResult } from "@/lib/audit-page/format";
import { keyPageHref } from "@/lib/keys-url";

const COLUMNS = ["Time", "User", "Cluster", "Operation", "Target", "Conditions", "Options", "Result"];

/** The audit entries, newest first; every field is rendered as text. */
export function AuditTable({ entries }: { entries: AuditRecord[] }) {
  return (
    <DataTable caption="Audit log" columns={COLUMNS}>
      {entries.map((entry) => (
        <AuditRow key={entry.id} entry={entry} />
      ))}
    </DataTable>
  );
}

const AuditRow = memo(function AuditRow({ entry }: { entry: AuditRecord }) {
  return (
    <tr>
      <td className={`${CELL} whitespace-nowrap`}>
        <time dateTime={entry.time} title={entry.time}>
          {new Date(entry.time).toLocaleString()}
        </time>
      </td>
      <td className={CELL}>{entry.user}</td>
      <td className={CELL}>{entry.cluster ?? <span className="text-zinc-500">—</span>}</td>
      <td className={MONO_CELL}>{entry.operation}</td>
      <td className={`${MONO_CELL} min-w-32 wrap-anywhere`}>
        <Target entry={entry} />
      </td>
      <td className={`${MONO_CELL} min-w-32 max-w-md wrap-anywhere`}>
        <ul>
          {describeConditions(entry.conditions).map(({ label, full }) => (
            <li key={label} title={full}>
              {label}
            </li>
          ))}
        </ul>
      </td>
      <td className={`${MONO_CELL} min-w-20 wrap-break-word`}>
        <ul>
          {describeOptions(entry.options).map((option) => (
            <li key={option} title={option}>
              {shortened(option)}
            </li>
          ))}
        </ul>
      </td>
      <td className={`${CELL} min-w-40`}>
        <Result result={entry.result} />
      </td>
    </tr>
  );
});

function Target({ entry }: { entry: AuditRecord }) {
  if (entry.key !== undefined) {
    return (
      <Link href={keyPageHref(entry.cluster ?? "default", entry.key)} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300" title={`Open ${entry.key} on the Keys page`}>
        {entry.key}
      </Link>
    );
  }
  if (entry.member !== undefined) return <>member {entry.member}</>;
  if (entry.etcdUser !== undefined) return <>etcd user {entry.etcdUser}</>;
  if (entry.etcdRole !== undefined) return <>etcd role {entry.etcdRole}</>;
  return <span className="text-zinc-500">—</span>;
}

const BADGE = "inline-block rounded px-1.5 py-0.5 text-xs font-medium";

function Result({ result }: { result: AuditRecord["result"] }) {
  const summary = summarizeResult(result);
  if (summary.kind === "ok") {
    return (
      <span className="flex flex-wrap items-baseline gap-x-2">
        <span className={`${BADGE} bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200`}>ok</span>
        {summary.detail ? <span className="font-mono text-xs">{summary.detail}</span> : null}
      </span>
    );
  }
  return (
    <div className="space-y-0.5">
      {summary.kind === "unknown" ? (
        <span className={`${BADGE} bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200`} title="The write may or may not have been applied: check the key before trying again.">
          outcome unknown
        </span>
      ) : (
        <span className={`${BADGE} bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200`}>failed</span>
      )}
      <p className="font-mono text-xs">
        {summary.code}
        {summary.etcdCode !== undefined ? ` (etcd ${summary.etcdCode})` : ""}
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{summary.message}</p>
    </div>
  );
}
