"use client";
import type { V2Node } from "@/lib/etcd/wire";
import { Dialog } from "@/components/ui/dialog";
import { ReadOnlyMerge } from "@/components/ui/read-only-merge";
import { formatClock } from "@/lib/watch-page/format";
import type { LogEntry } from "@/lib/watch-page/log";
import { absentText, valueChange, type ShownValue } from "@/lib/watch-page/value-change";

type ChangeEntry = Extract<LogEntry, { kind: "event" }>;

function PlainValue({ label, value, absent }: { label: string; value: ShownValue; absent: string }) {
  const text = value.kind === "dir" ? "(directory)" : value.kind === "none" ? absent : value.text;
  return (
    <div>
      <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</p>
      <pre aria-label={label} className="mt-1 max-h-[30vh] overflow-auto whitespace-pre-wrap break-all rounded-md border border-zinc-300 p-2 font-mono text-xs dark:border-zinc-700">
        {text}
      </pre>
    </div>
  );
}

function NodeFacts({ title, node }: { title: string; node: V2Node | undefined }) {
  if (!node) return null;
  const facts: [string, string | number | undefined][] = [
    ["created index", node.createdIndex],
    ["modified index", node.modifiedIndex],
    ["TTL (s)", node.ttl],
    ["expires", node.expiration],
  ];
  return (
    <div>
      <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{title}</p>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        {facts
          .filter(([, value]) => value !== undefined)
          .map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="text-zinc-500">{name}</dt>
              <dd className="font-mono">{value}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

/** One change in full: the whole values (a diff when both are text) and both nodes' indexes and TTLs. */
export function EventDetailsDialog({ entry, onClose }: { entry: ChangeEntry | null; onClose: () => void }) {
  if (!entry) return null;
  const { event } = entry;
  const { before, after } = valueChange(event);
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Change at index ${event.index}`}
      wide
      description={`${event.action} of ${event.node.key}, received at ${formatClock(entry.receivedAt)}.`}
    >
      {before.kind === "text" && after.kind === "text" ? (
        <>
          <div className="grid grid-cols-2 gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
            <p>Previous</p>
            <p>New</p>
          </div>
          <ReadOnlyMerge a={{ doc: before.text, label: "Previous value" }} b={{ doc: after.text, label: "New value" }} className="mt-1" />
        </>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          <PlainValue label="Previous value" value={before} absent={absentText("before", event.action)} />
          <PlainValue label="New value" value={after} absent={absentText("after", event.action)} />
        </div>
      )}
      <div className="mt-4 grid gap-3 sm:grid-cols-2">
        <NodeFacts title="Previous node" node={event.prevNode} />
        <NodeFacts title="Node" node={event.node} />
      </div>
    </Dialog>
  );
}
