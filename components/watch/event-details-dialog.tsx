"use client";
import { useTranslations } from "use-intl";
import type { V2Node } from "@/lib/etcd/wire";
import { Dialog } from "@/components/ui/dialog";
import { ReadOnlyMerge } from "@/components/ui/read-only-merge";
import { useFormat } from "@/lib/i18n/format";
import type { LogEntry } from "@/lib/watch-page/log";
import { absentKind, valueChange, type ShownValue } from "@/lib/watch-page/value-change";

type ChangeEntry = Extract<LogEntry, { kind: "event" }>;

function PlainValue({ label, value, absent }: { label: string; value: ShownValue; absent: string }) {
  const t = useTranslations("watch.value");
  const text = value.kind === "dir" ? t("directory") : value.kind === "none" ? absent : value.text;
  return (
    <div>
      <p className="text-xs font-medium text-muted">{label}</p>
      <pre aria-label={label} className="mt-1 max-h-[30vh] overflow-auto whitespace-pre-wrap break-all rounded-md border border-line-strong p-2 font-mono text-xs">
        {text}
      </pre>
    </div>
  );
}

function NodeFacts({ title, node }: { title: string; node: V2Node | undefined }) {
  const t = useTranslations("watch.details");
  if (!node) return null;
  const facts: [string, string | number | undefined][] = [
    [t("createdIndex"), node.createdIndex],
    [t("modifiedIndex"), node.modifiedIndex],
    [t("ttl"), node.ttl],
    [t("expires"), node.expiration],
  ];
  return (
    <div>
      <p className="text-xs font-medium text-muted">{title}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        {facts
          .filter(([, value]) => value !== undefined)
          .map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-muted">{name}</dt>
              <dd className="font-mono">{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

/** One change in full: the whole values (a diff when both are text) and both nodes' indexes and TTLs. */
export function EventDetailsDialog({ entry, onClose }: { entry: ChangeEntry | null; onClose: () => void }) {
  const t = useTranslations("watch.details");
  const tv = useTranslations("watch.value");
  const format = useFormat();
  if (!entry) return null;
  const { event } = entry;
  const { before, after } = valueChange(event);
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={t("title", { index: event.index })}
      wide
      description={t("description", { action: event.action, key: event.node.key, time: format.clock(entry.receivedAt) })}
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
          <PlainValue label={t("previousValue")} value={before} absent={tv(absentKind("before", event.action))} />
          <PlainValue label={t("newValue")} value={after} absent={tv(absentKind("after", event.action))} />
        </div>
      )}
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <NodeFacts title={t("previousNode")} node={event.prevNode} />
        <NodeFacts title={t("node")} node={event.node} />
      </div>
    </Dialog>
  );
}
