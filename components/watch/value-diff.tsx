import { clipDiff, clipText, inlineDiff, type InlineDiff, type ShownValue, type ValueChange } from "@/lib/watch-page/value-change";
import type { WatchAction } from "@/lib/watch/protocol";

const REMOVED = "rounded-sm bg-red-100 text-red-900 line-through decoration-red-700/60 dark:bg-red-950 dark:text-red-200";
const ADDED = "rounded-sm bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200";
const MUTED = "italic text-zinc-500";

function Absent({ action, side }: { action: WatchAction; side: "before" | "after" }) {
  if (side === "before") return <span className={MUTED}>(none)</span>;
  return <span className={MUTED}>{action === "expire" ? "(expired)" : "(deleted)"}</span>;
}

function Whole({ value, tone }: { value: ShownValue; tone: string }) {
  if (value.kind === "dir") return <span className={MUTED}>(directory)</span>;
  if (value.kind === "none") return null;
  return value.text === "" ? <span className={MUTED}>(empty)</span> : <span className={tone}>{clipText(value.text)}</span>;
}

/** One side of an inline diff: the common parts plain, the changed stretch marked. */
function DiffSide({ diff, middle, tone }: { diff: InlineDiff; middle: string; tone: string }) {
  return (
    <span>
      {diff.prefix}
      <span className={tone}>{middle}</span>
      {diff.suffix}
    </span>
  );
}

/**
 * The previous value beside the new one, on one line: the changed stretch marked in each (React renders
 * every value as text, never as HTML). Long values are cut; the row's Details show them whole.
 */
export function ValueDiff({ change, action }: { change: ValueChange; action: WatchAction }) {
  const { before, after } = change;
  let shownBefore;
  let shownAfter;
  if (before.kind === "text" && after.kind === "text" && before.text !== "" && after.text !== "") {
    const diff = clipDiff(inlineDiff(before.text, after.text));
    shownBefore = <DiffSide diff={diff} middle={diff.removed} tone={REMOVED} />;
    shownAfter = <DiffSide diff={diff} middle={diff.added} tone={ADDED} />;
  } else {
    shownBefore = before.kind === "none" ? <Absent action={action} side="before" /> : <Whole value={before} tone={REMOVED} />;
    shownAfter = after.kind === "none" ? <Absent action={action} side="after" /> : <Whole value={after} tone={ADDED} />;
  }
  return (
    <span className="block truncate font-mono text-xs">
      <span className="sr-only">previous value: </span>
      {shownBefore}
      <span aria-hidden className="px-1.5 text-zinc-400">
        →
      </span>
      <span className="sr-only">, new value: </span>
      {shownAfter}
    </span>
  );
}
