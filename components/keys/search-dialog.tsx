"use client";
import { Search, Square } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorNote, Field, SelectField } from "@/components/ui/field";
import { useFormat } from "@/lib/i18n/format";
import { useFormatCount } from "@/lib/hooks/use-format-count";
import { useSubtreeSearch, type SubtreeSearchState } from "@/lib/hooks/use-subtree-search";
import { keyPageHref } from "@/lib/keys-url";
import { MAX_QUERY_LENGTH, searchQuerySchema, type SearchForm, type SearchIn } from "@/lib/search/query";
import { resultsPane } from "@/lib/search/results-pane";
import { errorText } from "./error-text";
import { SearchResultList } from "./search-results";

export interface SearchDialogProps {
  cluster: string;
  /** The directory searched, with everything below it. */
  dirKey: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Opens a result; by default the Keys page navigates to it. The dialog closes either way. */
  onSelect?: (key: string) => void;
}

/**
 * Search a directory's subtree by key name and/or value; results stream in, and one click opens a key. The
 * dialog then closes and its results stay open beside the key (search-results-pane.tsx).
 */
export function SearchDialog({ cluster, dirKey, open, onOpenChange, onSelect }: SearchDialogProps) {
  const t = useTranslations("search");
  const router = useRouter();
  const select = (key: string) => {
    onOpenChange(false);
    if (onSelect) onSelect(key);
    else router.push(keyPageHref(cluster, key));
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t("title", { dir: dirKey })} wide>
      {/* Mounted only while open: closing the dialog ends the search, on the server too. */}
      <SearchPanel cluster={cluster} dirKey={dirKey} onOpen={select} />
    </Dialog>
  );
}

function SearchPanel({ cluster, dirKey, onOpen }: { cluster: string; dirKey: string; onOpen: (key: string) => void }) {
  const t = useTranslations("search");
  const [form, setForm] = useState<SearchForm>({ q: "", in: "both", regex: false, caseSensitive: false });
  const [formError, setFormError] = useState<string | null>(null);
  const { state, matches, start, cancel } = useSubtreeSearch(cluster, dirKey);
  const running = state.status === "running";

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = searchQuerySchema.safeParse({ ...form, regex: String(form.regex), caseSensitive: String(form.caseSensitive) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // The text is the only field a person can get wrong here: too short, too long, or a regex that does not compile.
      if (issue?.path[0] !== "q") setFormError(t("invalid"));
      else if (issue.code === "too_small") setFormError(t("problems.empty"));
      else if (issue.code === "too_big") setFormError(t("problems.tooLong", { max: MAX_QUERY_LENGTH }));
      else setFormError(t("problems.badRegex", { detail: issue.message }));
      return;
    }
    setFormError(null);
    start(form);
  }

  /** The results move beside the key as they are now (a search still running stops with the dialog). */
  function openResult(key: string) {
    const complete = state.status === "done" && !state.done?.capped;
    resultsPane.show({ cluster, dirKey, q: form.q, matches: matches.slice(0, state.count), complete });
    onOpen(key);
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} className="space-y-3" aria-label={t("formLabel")}>
        <div className="flex flex-wrap items-end gap-3">
          <Field
            label={t("searchFor")}
            className="min-w-64 flex-1"
            value={form.q}
            onChange={(e) => setForm({ ...form, q: e.target.value })}
            error={formError}
            autoFocus
            spellCheck={false}
            autoComplete="off"
          />
          <SelectField label={t("matchIn")} value={form.in} onChange={(value) => setForm({ ...form, in: value as SearchIn })}>
            <option value="both">{t("inBoth")}</option>
            <option value="name">{t("inName")}</option>
            <option value="value">{t("inValue")}</option>
          </SelectField>
        </div>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <Checkbox label={t("regex")} checked={form.regex} onChange={(regex) => setForm({ ...form, regex })} />
          <Checkbox label={t("caseSensitive")} checked={form.caseSensitive} onChange={(caseSensitive) => setForm({ ...form, caseSensitive })} />
          <div className="ml-auto flex gap-2">
            {running ? (
              <Button variant="danger" onClick={cancel}>
                <Square aria-hidden size={14} /> {t("cancel")}
              </Button>
            ) : null}
            <Button type="submit" variant="primary" disabled={running}>
              <Search aria-hidden size={14} /> {t("search")}
            </Button>
          </div>
        </div>
        <p className="text-xs text-muted">{t("help", { dir: dirKey })}</p>
      </form>
      <SearchSummary state={state} dirKey={dirKey} />
      {state.count > 0 ? <SearchResultList matches={matches} count={state.count} dirKey={dirKey} onOpen={openResult} className="h-[45vh]" /> : null}
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
  const t = useTranslations("search");
  const formatCount = useFormatCount();
  const format = useFormat();
  if (state.status === "idle") return null;
  const { size, done } = state;
  const progress = { scanned: formatCount(state.scanned), total: formatCount(state.total), count: state.count };
  let count: string | null;
  if (state.status === "failed" && !size) count = null;
  else if (state.status === "running") count = t("matchesSoFar", { count: state.count });
  else if (state.status === "cancelled") count = t("cancelledAfter", progress);
  else if (state.status === "failed") count = t("stoppedAfter", progress);
  else if (done?.capped) count = t("capped", { count: state.count });
  else count = state.count === 0 ? t("noMatches") : t("matches", { count: state.count });
  return (
    <div className="space-y-2 text-sm">
      <p role="status" aria-label={t("sizeLabel")}>
        {size
          ? t("size", { keys: size.keys, dirs: size.dirs, dir: dirKey, bytes: format.bytes(size.bytes) })
          : state.status === "running"
            ? t("reading", { dir: dirKey })
            : null}
      </p>
      {size ? (
        <div className="flex items-center gap-3">
          <progress aria-label={t("progressLabel")} value={state.scanned} max={Math.max(1, state.total)} className="h-2 flex-1" />
          <span className="shrink-0 tabular-nums text-muted">{t("scanned", { scanned: progress.scanned, total: progress.total })}</span>
        </div>
      ) : null}
      {count === null ? null : (
        <p role="status" aria-label={t("matchesLabel")}>
          {count}
        </p>
      )}
      {state.status === "failed" ? <ErrorNote error={errorText(state.error, "load", dirKey)} /> : null}
    </div>
  );
}
