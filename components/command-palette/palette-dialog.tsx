"use client";
// The palette itself (loaded on first use): cmdk's filtered list inside the app's dialog. Text starting
// with "/" is a key path, completed one segment at a time from etcd like Go to key (the first completion
// selected, so Enter takes it; a path that does not exist offers the nearest keys first and Create last);
// anything else finds the pages and actions the components on screen registered (lib/commands/registry.tsx).
import { Command } from "cmdk";
import { CornerDownLeft, File, Folder, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { useTranslations } from "use-intl";
import { DialogView } from "@/components/ui/dialog-view";
import { useCommands, type Command as PaletteCommand } from "@/lib/commands/registry";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useGoTo } from "@/lib/hooks/use-go-to";
import { keyPageHref } from "@/lib/keys-url";
import { completionTarget } from "@/lib/tree/complete";

const ITEM = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm text-fg data-[selected=true]:bg-hover";
const GROUP = "text-xs text-muted";

/** Commands by group, groups in the order they first appear. */
function byGroup(commands: readonly PaletteCommand[]): [string, PaletteCommand[]][] {
  const groups = new Map<string, PaletteCommand[]>();
  for (const command of commands) {
    const list = groups.get(command.group) ?? [];
    list.push(command);
    groups.set(command.group, list);
  }
  return [...groups];
}

export function PaletteDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("palette");
  const [search, setSearch] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const commands = useCommands();
  const cluster = useClusterParam();
  const router = useRouter();

  const isPath = search.startsWith("/");
  const { options, target, failed } = useGoTo(cluster, isPath ? search : "", 20);
  const groups = useMemo(() => byGroup(commands), [commands]);
  // "Open" the typed path when it is known to exist (or cannot be checked): first after a "/", so Enter opens
  // the directory; after a name, its completions come first (the name typed in full is one of them).
  const typingName = completionTarget(search).prefix !== "";
  const openable = target.state === "exists" || (target.state === "unknown" && failed) ? target.key : null;
  const openItem = openable !== null && !options.some((o) => o.key === openable) ? openable : null;
  // A name being typed is "missing" too until it is whole: its completions are the suggestions then.
  const missing = target.state === "missing" && options.length === 0 ? target : null;
  const suggestions = missing ? [...missing.suggestions.map((s) => s.key), ...(missing.ancestor !== null ? [missing.ancestor] : [])] : [];

  const setOpen = (next: boolean) => {
    if (!next) setSearch("");
    onOpenChange(next);
  };
  const runAndClose = (run: () => void) => () => {
    setOpen(false);
    run();
  };
  /** Completes a directory and goes on typing below it, the caret at the end. */
  const continueBelow = (dirKey: string) => {
    const next = `${dirKey}/`;
    setSearch(next);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(next.length, next.length);
    });
  };
  const goTo = (key: string) => runAndClose(() => router.push(keyPageHref(cluster, key)));
  const openItemFor = (key: string) => (
    <Command.Item key={`open ${key}`} value={`open ${key}`} onSelect={goTo(key)} className={ITEM}>
      <CornerDownLeft aria-hidden size={14} />
      <span className="truncate font-mono">{t("open", { key })}</span>
    </Command.Item>
  );

  return (
    <DialogView open={open} onOpenChange={setOpen} title={t("title")} description={t("description")}>
      {/* Key paths are completed from etcd, not filtered by cmdk's fuzzy match. */}
      {/* cmdk names its input after `label` (aria-labelledby). */}
      <Command label={t("inputLabel")} shouldFilter={!isPath} loop>
        <Command.Input
          ref={inputRef}
          value={search}
          onValueChange={setSearch}
          autoFocus
          placeholder={t("placeholder")}
          className="mb-2 w-full rounded-md border border-line-strong bg-surface px-2 py-1.5 text-sm text-fg"
        />
        {missing ? (
          <p role="status" className="mb-1 px-2 text-sm text-fg">
            {t("missing", { key: missing.key })}
          </p>
        ) : null}
        <Command.List aria-label={t("list")} className="max-h-80 overflow-auto">
          <Command.Empty className="px-2 py-1.5 text-sm text-muted">{isPath ? t("invalidPath") : t("nothing")}</Command.Empty>
          {isPath ? (
            <>
              {options.length > 0 || openItem !== null ? (
                <Command.Group heading={t("goToKey")} className={GROUP}>
                  {openItem !== null && !typingName ? openItemFor(openItem) : null}
                  {options.map((option) => (
                    <Command.Item
                      key={option.key}
                      value={`key ${option.key}`}
                      // A directory goes on completing below it; a key opens.
                      onSelect={option.isDir ? () => continueBelow(option.key) : goTo(option.key)}
                      className={ITEM}
                    >
                      {option.isDir ? <Folder aria-hidden size={14} /> : <File aria-hidden size={14} />}
                      <span className="truncate font-mono">{option.key}</span>
                    </Command.Item>
                  ))}
                  {openItem !== null && typingName ? openItemFor(openItem) : null}
                </Command.Group>
              ) : null}
              {missing && suggestions.length > 0 ? (
                <>
                  <Command.Group heading={t("didYouMean")} className={GROUP}>
                    {suggestions.map((key) => (
                      <Command.Item key={key} value={`suggest ${key}`} onSelect={goTo(key)} className={ITEM}>
                        <CornerDownLeft aria-hidden size={14} />
                        <span className="truncate font-mono">{key}</span>
                      </Command.Item>
                    ))}
                  </Command.Group>
                  {/* Last, after the keys that exist: never the one Enter takes by default. */}
                  <Command.Item value={`create ${missing.key}`} onSelect={goTo(missing.key)} className={ITEM}>
                    <Plus aria-hidden size={14} />
                    <span className="truncate font-mono">{t("create", { key: missing.key })}</span>
                  </Command.Item>
                </>
              ) : null}
            </>
          ) : (
            groups.map(([heading, list]) => (
              <Command.Group key={heading} heading={heading} className={GROUP}>
                {list.map((command) => (
                  <Command.Item key={command.id} value={command.id} keywords={[command.label, ...(command.keywords ?? [])]} onSelect={runAndClose(command.run)} className={ITEM}>
                    <span>{command.label}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            ))
          )}
        </Command.List>
      </Command>
    </DialogView>
  );
}
