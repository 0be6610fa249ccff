import Link from "next/link";
import { memo } from "react";
import { useTranslations } from "use-intl";
import { CELL, DataTable, MONO_CELL } from "@/components/cluster/table";
import type { AuditRecord } from "@/lib/api/types";
import { useFormat } from "@/lib/i18n/format";
import { describeConditions, describeOptions, shortened, summarizeResult } from "@/lib/audit-page/format";
import { keyPageHref } from "@/lib/keys-url";

const COLUMNS = ["time", "user", "cluster", "operation", "target", "conditions", "options", "result"] as const;

/** The audit entries, newest first; every field is rendered as text. */
export function AuditTable({ entries }: { entries: AuditRecord[] }) {
  const t = useTranslations("audit.table");
  return (
    <DataTable caption={t("caption")} columns={COLUMNS.map((column) => t(`columns.${column}`))}>
      {entries.map((entry) => (
        <AuditRow key={entry.id} entry={entry} />
      ))}
    </DataTable>
  );
}

const AuditRow = memo(function AuditRow({ entry }: { entry: AuditRecord }) {
  const t = useTranslations("audit.table");
  const format = useFormat();
  return (
    <tr>
      <td className={`${CELL} whitespace-nowrap`}>
        <time dateTime={entry.time} title={entry.time}>
          {format.dateTime(entry.time)}
        </time>
      </td>
      <td className={CELL}>{entry.user}</td>
      <td className={CELL}>{entry.cluster ?? <span className="text-muted">—</span>}</td>
      <td className={MONO_CELL}>{entry.operation}</td>
      <td className={`${MONO_CELL} min-w-32 wrap-anywhere`}>
        <Target entry={entry} />
      </td>
      <td className={`${MONO_CELL} min-w-32 max-w-md wrap-anywhere`}>
        <ul>
          {describeConditions(entry.conditions).map((condition) =>
            "text" in condition ? (
              <li key={condition.text} title={condition.text}>
                {condition.text}
              </li>
            ) : (
              <li key="prevValue" title={t("prevValueComparedHint")}>
                {t("prevValueCompared")}
              </li>
            ),
          )}
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
  const t = useTranslations("audit.table");
  if (entry.key !== undefined) {
    return (
      <Link href={keyPageHref(entry.cluster ?? "default", entry.key)} className="text-info underline-offset-2 hover:underline" title={t("openKey", { key: entry.key })}>
        {entry.key}
      </Link>
    );
  }
  if (entry.member !== undefined) return <>{t("member", { name: entry.member })}</>;
  if (entry.etcdUser !== undefined) return <>{t("etcdUser", { name: entry.etcdUser })}</>;
  if (entry.etcdRole !== undefined) return <>{t("etcdRole", { name: entry.etcdRole })}</>;
  return <span className="text-muted">—</span>;
}

const BADGE = "inline-block rounded px-1.5 py-0.5 text-xs font-medium";

function Result({ result }: { result: AuditRecord["result"] }) {
  const t = useTranslations("audit.table");
  const summary = summarizeResult(result);
  if (summary.kind === "ok") {
    return (
      <span className="flex flex-wrap items-baseline gap-x-2">
        <span className={`${BADGE} bg-success-soft text-success`}>{t("ok")}</span>
        {summary.action || summary.index !== undefined ? (
          <span className="font-mono text-xs">{t("okDetail", { action: summary.action ?? "", index: summary.index ?? 0, shape: summary.index === undefined ? "action" : summary.action ? "both" : "index" })}</span>
        ) : null}
      </span>
    );
  }
  return (
    <div className="space-y-0.5">
      {summary.kind === "unknown" ? (
        <span className={`${BADGE} bg-warning-soft text-warning`} title={t("unknownHint")}>
          {t("unknown")}
        </span>
      ) : (
        <span className={`${BADGE} bg-danger-soft text-danger`}>{t("failed")}</span>
      )}
      <p className="font-mono text-xs">
        {summary.code}
        {summary.etcdCode !== undefined ? ` (etcd ${summary.etcdCode})` : ""}
      </p>
      <p className="text-xs text-muted">{summary.message}</p>
    </div>
  );
}
