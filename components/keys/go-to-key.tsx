"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "use-intl";
import { useGoTo } from "@/lib/hooks/use-go-to";
import { acceptCompletion, completionTarget, moveActive, type Completion } from "@/lib/tree/complete";
import { DidYouMean } from "./did-you-mean";

/**
 * "Go to key": a combobox completing a path one segment at a time from the listing of the directory
 * typed so far ("/apps/w" lists /apps's children starting with "w"). While a name is being typed the first
 * completion is highlighted and Enter takes it (a key opens, a directory goes on completing below it);
 * arrows pick another, Tab accepts a segment. Enter on a whole path opens it if it exists, else says so with
 * the nearest keys and Create as a secondary action: Enter never opens a key that does not exist.
 */
export function GoToKey({ cluster, onGo }: { cluster: string; onGo: (key: string) => void }) {
  const t = useTranslations("goTo");
  const id = useId();
  const [value, setValue] = useState("");
  const [active, setActive] = useState(-1);
  const [expanded, setExpanded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Enter was pressed on the whole path: go once it is known to exist, or say it does not. */
  const [submitted, setSubmitted] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);

  const { options, total, target, failed } = useGoTo(cluster, value);
  const showList = expanded && value !== "" && options.length > 0;
  // A name being typed highlights its first completion; after a "/" nothing is, so Enter opens the directory.
  const typingName = completionTarget(value).prefix !== "";
  const highlighted = !showList ? -1 : active >= 0 ? active : typingName ? 0 : -1;

  useEffect(() => {
    if (highlighted >= 0) listRef.current?.children[highlighted]?.scrollIntoView({ block: "nearest" });
  }, [highlighted]);

  const edit = (next: string) => {
    setValue(next);
    setActive(-1);
    setExpanded(true);
    setProblem(null);
    setSubmitted(false);
  };
  const go = (key: string) => {
    edit("");
    setExpanded(false);
    onGo(key);
  };
  const accept = (option: Completion) => (option.isDir ? edit(acceptCompletion(option)) : go(option.key));

  // Enter on a whole path: its listing may still be loading; a read that failed otherwise than "not found"
  // leaves the key page to say why.
  useEffect(() => {
    if (!submitted) return;
    if (target.state === "exists" || (target.state === "unknown" && failed)) go(target.key);
  });

  const submit = () => {
    if (target.state === "none") {
      if (value.trim() !== "") setProblem(t("invalid", { value }));
      return;
    }
    setExpanded(false);
    setSubmitted(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        if (options.length === 0) return;
        event.preventDefault();
        setExpanded(true);
        setActive(moveActive(highlighted, event.key === "ArrowDown" ? 1 : -1, options.length));
        return;
      case "Tab": {
        if (!showList || event.shiftKey) return;
        const option = options[highlighted >= 0 ? highlighted : 0];
        if (!option) return;
        event.preventDefault();
        edit(acceptCompletion(option));
        return;
      }
      case "Enter": {
        event.preventDefault();
        const option = highlighted >= 0 ? options[highlighted] : undefined;
        if (option) accept(option);
        else submit();
        return;
      }
      case "Escape":
        setExpanded(false);
        setActive(-1);
        return;
    }
  };

  const optionId = (i: number) => `${id}-option-${i}`;
  const missing = submitted && target.state === "missing" ? target : null;
  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="mb-1 block text-xs font-medium text-muted">
        {t("label")}
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={highlighted >= 0 ? optionId(highlighted) : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : missing ? `${id}-missing` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t("placeholder")}
        value={value}
        onChange={(e) => edit(e.target.value)}
        onFocus={() => setExpanded(true)}
        onBlur={() => setExpanded(false)}
        onKeyDown={onKeyDown}
        className="w-full rounded border border-line-strong bg-surface px-2 py-1 font-mono text-sm text-fg"
      />
      {problem && (
        <p id={`${id}-problem`} role="alert" className="mt-1 text-xs text-danger">
          {problem}
        </p>
      )}
      {missing && <DidYouMean id={`${id}-missing`} target={missing} onGo={go} />}
      <ul
        ref={listRef}
        id={`${id}-listbox`}
        role="listbox"
        aria-label={t("completions")}
        hidden={!showList}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded border border-line-strong bg-surface py-1 font-mono text-sm text-fg shadow-lg"
      >
        {showList &&
          options.map((option, i) => (
            <li
              key={option.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === highlighted}
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus in the input
                accept(option);
              }}
              className={`cursor-pointer truncate px-2 py-0.5 ${i === highlighted ? "bg-info-soft" : "hover:bg-hover"}`}
            >
              {option.name}
              {option.isDir && <span aria-hidden="true">/</span>}
            </li>
          ))}
        {showList && total > options.length && (
          <li role="presentation" className="px-2 py-0.5 text-xs text-muted">
            {t("more", { count: total - options.length })}
          </li>
        )}
      </ul>
    </div>
  );
}
