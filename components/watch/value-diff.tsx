import type { ReactNode } from "react";
import { useTranslations } from "use-intl";
import { absentKind, type LogAction, type ShownValue, type ValueChange } from "@/lib/watch-page/log-change";
import { clipDiff, clipText, inlineDiff, type InlineDiff } from "@/lib/watch-page/value-change";

type Side = "before" | "after";
const MUTED = "italic text-muted";

/** What changed, marked: <del> in the previous value, <ins> in the new one (their meaning for assistive technology). */
function Marked({ side, children }: { side: Side; children: ReactNode }) {
  return side === "before" ? (
    <del className="rounded-sm bg-danger-soft text-danger">{children}</del>
  ) : (
    <ins className="rounded-sm bg-success-soft text-success no-underline">{children}</ins>
  );
}

/** A whole value (no counterpart to compare with): all of it marked. */
function Whole({ value, side, action }: { value: ShownValue; side: Side; action: LogAction }) {
  const t = useTranslations("watch.value");
  if (value.kind === "dir") return <span className={MUTED}>{t("directory")}</span>;
  if (value.kind === "bytes") return <span className={MUTED}>{t("bytes", { size: value.size })}</span>;
  if (value.kind === "none") return <span className={MUTED}>{t(absentKind(side, action))}</span>;
  return value.text === "" ? <span className={MUTED}>{t("empty")}</span> : <Marked side={side}>{clipText(value.text)}</Marked>;
}

/** One side of an inline diff: the common parts plain, the changed stretch marked. */
function DiffSide({ diff, side }: { diff: InlineDiff; side: Side }) {
  return (
    <span>
      {diff.prefix}
      <Marked side={side}>{side === "before" ? diff.removed : diff.added}</Marked>
      {diff.suffix}
    </span>
  );
}

/**
 * The previous value beside the new one, on one line: the changed stretch marked in each (React renders
 * every value as text, never as HTML). Long values are cut; the row's Details show them whole.
 */
export function ValueDiff({ change, action }: { change: ValueChange; action: LogAction }) {
  const t = useTranslations("watch.value");
  const { before, after } = change;
  const comparable = before.kind === "text" && after.kind === "text" && before.text !== "" && after.text !== "";
  const diff = comparable ? clipDiff(inlineDiff(before.text, after.text)) : null;
  return (
    <span className="block truncate font-mono text-xs">
      <span className="sr-only">{t("previousPrefix")}</span>
      {diff ? <DiffSide diff={diff} side="before" /> : <Whole value={before} side="before" action={action} />}
      <span aria-hidden className="px-1.5 text-muted">
        →
      </span>
      <span className="sr-only">{t("newPrefix")}</span>
      {diff ? <DiffSide diff={diff} side="after" /> : <Whole value={after} side="after" action={action} />}
    </span>
  );
}
