"use client";
import { useTranslations } from "use-intl";
import { Dialog } from "@/components/ui/dialog";
import { ReadOnlyMerge } from "@/components/ui/read-only-merge";
import { useFormat } from "@/lib/i18n/format";
import type { LogEntry } from "@/lib/watch-page/log";
import { absentKind, positionUnit, type Fact, type ShownValue } from "@/lib/watch-page/log-change";

type ChangeEntry = Extract<LogEntry, { kind: "event" }>;

function PlainValue({ label, value, absent }: { label: string; value: ShownValue; absent: string }) {
  const t = useTranslations("watch.value");
  const text = value.kind === "dir" ? t("directory") : value.kind === "none" ? absent : value.kind === "bytes" ? `${t("bytes", { size: value.size })}\n${value.hex}` : value.text;
  return (
    <div>
      <p className="text-xs font-medium text-muted">{label}</p>
      <pre aria-label={label} className="mt-1 max-h-[30vh] overflow-auto whitespace-pre-wrap break-all rounded-md border border-line-strong p-2 font-mono text-xs">
        {text}
      </pre>
    </div>
  );
}

/** A key's state: v2's indexes, TTL and expiry, or v3's revisions, version and lease. */
function KeyFacts({ title, facts }: { title: string; facts: Fact[] | undefined }) {
  const t = useTranslations("watch.details");
  if (!facts) return null;
  return (
    <div>
      <p className="text-xs font-medium text-muted">{title}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        {facts.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-muted">{t(name)}</dt>
            <dd className="font-mono">{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** One change in full: the whole values (a diff when both are text) and the key's state before and after. */
export function EventDetailsDialog({ entry, onClose }: { entry: ChangeEntry | null; onClose: () => void }) {
  const t = useTranslations("watch.details");
  const tv = useTranslations("watch.value");
  const format = useFormat();
  if (!entry) return null;
  const { change } = entry;
  const { before, after } = change.change;
  const v3 = positionUnit(change) === "revision";
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={v3 ? t("titleRevision", { revision: change.position }) : t("title", { index: change.position })}
      wide
      description={t("description", { action: change.action, key: change.key, time: format.clock(entry.receivedAt) })}
    >
      {before.kind === "text" && after.kind === "text" ? (
        <>
          <div className="grid grid-cols-2 gap-2 text-xs font-medium text-muted">
            <p>{t("previous")}</p>
            <p>{t("new")}</p>
          </div>
          <ReadOnlyMerge a={{ doc: before.text, label: t("previousValue") }} b={{ doc: after.text, label: t("newValue") }} className="mt-1" />
        </>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <PlainValue label={t("previousValue")} value={before} absent={tv(absentKind("before", change.action))} />
          <PlainValue label={t("newValue")} value={after} absent={tv(absentKind("after", change.action))} />
        </div>
      )}
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <KeyFacts title={v3 ? t("previousKv") : t("previousNode")} facts={change.facts.previous} />
        <KeyFacts title={v3 ? t("kv") : t("node")} facts={change.facts.current} />
      </div>
    </Dialog>
  );
}
