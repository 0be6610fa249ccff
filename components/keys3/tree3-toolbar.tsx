"use client";
import { RefreshCw } from "lucide-react";
import { useId, useState } from "react";
import { useTranslations } from "use-intl";
import { isDirPrefix, parseKeyDisplay, type KeyDisplayProblem } from "@/lib/keyspace3/key-bytes";
import type { V3KeyTarget } from "@/lib/keyspace3/key-url";

/**
 * Above the v3 tree: "Go to key", taking a key's text form (key-bytes.ts: `\xff` for a byte that is not UTF-8,
 * `\\` for a backslash; a text ending with "/" opens that directory), and Refresh.
 */
export function Tree3Toolbar({ onGo, onRefresh }: { onGo: (target: V3KeyTarget) => void; onRefresh: () => void }) {
  const t = useTranslations("tree");
  const t3 = useTranslations("keys3.tree");
  const inputId = useId();
  const problemId = useId();
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<KeyDisplayProblem | null>(null);

  const go = () => {
    if (value === "") return;
    const parse = parseKeyDisplay(value);
    if (!parse.ok) return setProblem(parse.problem);
    setValue("");
    onGo(isDirPrefix(parse.bytes) ? { kind: "dir", prefix: parse.bytes } : { kind: "key", key: parse.bytes });
  };

  return (
    <div className="border-b border-line p-2">
      <label htmlFor={inputId} className="mb-1 block text-xs font-medium text-muted">
        {t3("goTo")}
      </label>
      <form
        className="flex items-center gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          go();
        }}
      >
        <input
          id={inputId}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setProblem(null);
          }}
          placeholder={t3("goToPlaceholder")}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          autoComplete="off"
          spellCheck={false}
          className="min-w-0 flex-1 rounded border border-line-strong bg-surface px-2 py-1 font-mono text-sm"
        />
        <button type="submit" className="shrink-0 rounded border border-line-strong px-2 py-1 text-sm hover:bg-hover">
          {t3("go")}
        </button>
        <button type="button" aria-label={t("refresh")} title={t("refreshTitle")} onClick={onRefresh} className="shrink-0 rounded border border-line-strong p-1.5 hover:bg-hover">
          <RefreshCw aria-hidden="true" size={14} />
        </button>
      </form>
      {problem && (
        <p id={problemId} role="alert" className="mt-1 text-xs text-danger">
          {t3(`problem.${problem.code}`, { at: problem.index + 1 })}
        </p>
      )}
    </div>
  );
}
