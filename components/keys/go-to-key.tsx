"use client";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useKey } from "@/lib/hooks/use-key";
import { keyProblem } from "@/lib/key-path";
import { acceptCompletion, completionTarget, completionsFor, moveActive, normalizeGoTo, type Completion } from "@/lib/tree/complete";

const NO_CHILDREN: never[] = [];

/**
 * "Go to key": a combobox completing a path one segment at a time from the listing of the directory
 * typed so far ("/apps/w" lists /apps's children starting with "w"). Arrows pick, Enter or Tab
 * accepts a segment, Enter on a path goes there.
 */
export function GoToKey({ cluster, onGo }: { cluster: string; onGo: (key: string) => void }) {
  const id = useId();
  const [value, setValue] = useState("");
  const [active, setActive] = useState(-1);
  const [expanded, setExpanded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const { dir, prefix } = completionTarget(value);
  const listing = useKey(cluster, value !== "" && keyProblem(dir) === null ? dir : null);
  const node = listing.data?.node;
  const children = node?.dir ? (node.nodes ?? NO_CHILDREN) : NO_CHILDREN;
  const { options, total } = useMemo(() => completionsFor(children, prefix), [children, prefix]);
  const showList = expanded && value !== "" && options.length > 0;

  useEffect(() => {
    if (active >= 0) listRef.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const accept = (option: Completion) => {
    setValue(acceptCompletion(option));
    setActive(-1);
    setExpanded(true);
  };

  const go = () => {
    const key = normalizeGoTo(value);
    if (key === null) {
      setProblem(`"${value}" is not a valid key path.`);
      return;
    }
    setValue("");
    setExpanded(false);
    setProblem(null);
    onGo(key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        if (options.length === 0) return;
        event.preventDefault();
        setExpanded(true);
        setActive((a) => moveActive(a, event.key === "ArrowDown" ? 1 : -1, options.length));
        return;
      case "Tab": {
        if (!showList || event.shiftKey) return;
        const option = options[active >= 0 ? active : 0];
        if (!option) return;
        event.preventDefault();
        accept(option);
        return;
      }
      case "Enter": {
        event.preventDefault();
        const option = showList && active >= 0 ? options[active] : undefined;
        if (option) accept(option);
        else go();
        return;
      }
      case "Escape":
        setExpanded(false);
        setActive(-1);
        return;
    }
  };

  const optionId = (i: number) => `${id}-option-${i}`;
  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="mb-1 block text-xs font-medium text-zinc-500">
        Go to key
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder="/path/to/key"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setActive(-1);
          setExpanded(true);
          setProblem(null);
        }}
        onFocus={() => setExpanded(true)}
        onBlur={() => setExpanded(false)}
        onKeyDown={onKeyDown}
        className="w-full rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      {problem && (
        <p id={`${id}-problem`} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-300">
          {problem}
        </p>
      )}
      <ul
        ref={listRef}
        id={`${id}-listbox`}
        role="listbox"
        aria-label="Key completions"
        hidden={!showList}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded border border-zinc-300 bg-white py-1 font-mono text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        {showList &&
          options.map((option, i) => (
            <li
              key={option.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault(); // keep focus in the input
                accept(option);
              }}
              className={`cursor-pointer truncate px-2 py-0.5 ${i === active ? "bg-blue-100 dark:bg-blue-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
            >
              {option.name}
              {option.isDir && <span aria-hidden="true">/</span>}
            </li>
          ))}
        {showList && total > options.length && (
          <li role="presentation" className="px-2 py-0.5 text-xs text-zinc-500">
            {`… ${total - options.length} more: type to narrow`}
          </li>
        )}
      </ul>
    </div>
  );
}
