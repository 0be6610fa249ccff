"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { File, Folder, Search, Square } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field, SelectField } from "@/components/ui/field";
import { formatBytes } from "@/lib/cluster-page/format";
import { useSubtreeSearch, type SubtreeSearchState } from "@/lib/hooks/use-subtree-search";
import { keyPageHref } from "@/lib/keys-url";
import { searchQuerySchema, type SearchForm, type SearchIn, type SearchMatch } from "@/lib/search/query";
import { formatCount } from "@/lib/tree/format";
import { errorText } from "./error-text";
import { HighlightedText } from "./highlighted-text";

export interface SearchDialogProps {
  cluster: string;
  /** The directory searched, with everything below it. */
  dirKey: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Opens a result; by default the Keys page navigates to it. The dialog closes either way. */
  onSelect?: (key: string) => void;
}

/** Search a directory's subtree by key name and/or value; results stream in, and one click opens a key. */
export function SearchDialog({ cluster, dirKey, open, onOpenChange, onSelect }: SearchDialogProps) {
  const router = useRouter();
  const select = (key: string) => {
    onOpenChange(false);
    if (onSelect) onSelect(key);
    else router.push(keyPageHref(cluster, key));
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Search in ${dirKey}`} wide>
      {/* Mounted only while open: closing the dialog ends the search, on the server too. */}
      <SearchPanel cluster={cluster} dirKey={dirKey} onOpen={select} />
    </Dialog>
  );
}

const ROW_HEIGHT = 52;

function SearchPanel({ cluster, dirKey, onOpen }: { cluster: string; dirKey: string; onOpen: (key: string) => void }) {
  const [form, setForm] = useState<SearchForm>({ q: "", in: "both", regex: false, caseSensitive: false });
  const [formError, setFormError] = useState<string | null>(null);
  const { state, matches, start, cancel } = useSubtreeSearch(cluster, dirKey);
  const running = state.status === "running";

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = searchQuerySchema.safeParse({ ...form, regex: String(form.regex), caseSensitive: String(form.caseSensitive) });
    if (!parsed.success) {
      setFormError(parsed.error.issues[0]?.message ?? "Not a valid search.");
      return;
    }
    setFormError(null);
    start(form);
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="space-y-3" aria-label="Search">
        <div className="flex flex-wrap items-end gap-3">
          <Field
            label="Search for"
            className="min-w-64 flex-1"
            value={form.q}
            onChange={(e) => setForm({ ...form, q: e.target.value })}
            error={formError}
            autoFocus
            spellCheck={false}
            autoComplete="off"
          />
          <SelectField label="Match in" value={form.in} onChange={(value) => setForm({ ...form, in: value as SearchIn })}>
            <option value="both">Key names and values</option>
            <option value="name">Key names</option>
            <option value="value">Values</option>
          </SelectField>
        </div>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <Checkbox label="Regular expression" checked={form.regex} onChange={(regex) => setForm({ ...form, regex })} />
          <Checkbox label="Case sensitive" checked={form.caseSensitive} onChange={(caseSensitive) => setForm({ ...form, caseSensitive })} />
          <div className="ml-auto flex gap-2">
            {running ? (
              <Button variant="danger" onClick={cancel}>
                <Square aria-hidden size={14} /> Cancel search
              </Button>
            ) : null}
            <Button type="submit" variant="primary" disabled={running}>
              <Search aria-hidden size={14} /> Search
            </Button>
          </div>
        </div>
        <p className="text-xs text-zinc-500">
          {`Key names are matched on their path below ${dirKey} (e.g. config/db-host); a directory whose name matches is listed once, not with every key below it. Values: the first match in each, shown in context.`}
        </p>
      </form>
      <SearchSummary state={state} dirKey={dirKey} />
      {state.count > 0 ? <ResultList matches={matches} count={state.count} dirKey={dirKey} onOpen={onOpen} /> : null}
    </div>
  );
}

function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="inline-flex items-center gap-1.5">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function SearchSummary({ state, dirKey }: { state: SubtreeSearchState; dirKey: string }) {
  if (state.status === "idle") return null;
  const { size, done } = state;
  const s = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;
  let count: string | null;
  if (state.status === "failed" && !size) count = null;
  else if (state.status === "running") count = `${s(state.count, "match", "matches")} so far`;
  else if (state.status === "cancelled") count = `Cancelled after ${formatCount(state.scanned)} of ${formatCount(state.total)} scanned: ${s(state.count, "match", "matches")}.`;
  else if (state.status === "failed") count = `Stopped after ${formatCount(state.scanned)} of ${formatCount(state.total)} scanned: ${s(state.count, "match", "matches")}.`;
  else if (done?.capped) count = `The first ${s(state.count, "match", "matches")} (the limit); there may be more: narrow the search.`;
  else count = state.count === 0 ? "No matches." : `${s(state.count, "match", "matches")}.`;
  return (
    <div className="space-y-2 text-sm">
      <p role="status" aria-label="Search size">
        {size
          ? `Searching ${s(size.keys, "key", "keys")} and ${s(size.dirs, "directory", "directories")} below ${dirKey} (${formatBytes(size.bytes)} read from etcd).`
          : state.status === "running"
            ? `Reading ${dirKey} from etcd…`
            : null}
      </p>
      {size ? (
        <div className="flex items-center gap-3">
          <progress aria-label="Search progress" value={state.scanned} max={Math.max(1, state.total)} className="h-2 flex-1" />
          <span className="shrink-0 tabular-nums text-zinc-500">{`${formatCount(state.scanned)} of ${formatCount(state.total)} scanned`}</span>
        </div>
      ) : null}
      {count === null ? null : (
        <p role="status" aria-label="Search matches">
          {count}
        </p>
      )}
      {state.status === "failed" ? <ErrorNote error={errorText(state.error, "load", dirKey)} /> : null}
    </div>
  );
}

function ResultList({ matches, count, dirKey, onOpen }: { matches: SearchMatch[]; count: number; dirKey: string; onOpen: (key: string) => void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const prefix = dirKey === "/" ? 1 : dirKey.length + 1;
  return (
    <div ref={scrollRef} className="h-[45vh] overflow-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <ul aria-label="Search results" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const match = matches[item.index]!;
          return (
            <li key={item.key} className="absolute left-0 top-0 w-full" style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
              <ResultRow match={match} path={match.key.slice(prefix)} onOpen={onOpen} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ResultRow({ match, path, onOpen }: { match: SearchMatch; path: string; onOpen: (key: string) => void }) {
  const Icon = match.dir ? Folder : File;
  return (
    <button
      type="button"
      aria-label={match.key}
      title={match.key}
      onClick={() => onOpen(match.key)}
      className="flex h-full w-full flex-col justify-center gap-0.5 border-b border-zinc-100 px-3 text-left text-sm hover:bg-zinc-50 dark:border-zinc-900 dark:hover:bg-zinc-900"
    >
      <span className="flex min-w-0 items-center gap-2">
        <Icon aria-hidden size={14} className="shrink-0" />
        <span className="truncate font-mono">
          <HighlightedText text={path} span={match.name} />
        </span>
      </span>
      {match.value ? (
        <span className="truncate whitespace-pre pl-6 font-mono text-xs text-zinc-500">
          {match.value.cut.before ? "…" : ""}
          <HighlightedText text={match.value.text} span={match.value.match} />
          {match.value.cut.after ? "…" : ""}
        </span>
      ) : null}
    </button>
  );
}
