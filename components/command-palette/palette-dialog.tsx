"use client";
// The palette itself (loaded on first use): cmdk's filtered list inside the app's dialog. Text starting
// with "/" is a key path, completed one segment at a time from etcd like Go to key; anything else finds
// the pages and actions the components on screen registered (lib/commands/registry.tsx).
import { Command } from "cmdk";
import { CornerDownLeft, File, Folder } from "lucide-react";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { DialogView } from "@/components/ui/dialog-view";
import { useCommands, type Command as PaletteCommand } from "@/lib/commands/registry";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useKey } from "@/lib/hooks/use-key";
import { keyProblem } from "@/lib/key-path";
import { keyPageHref } from "@/lib/keys-url";
import { completionTarget, completionsFor, normalizeGoTo } from "@/lib/tree/complete";

const NO_CHILDREN: never[] = [];
const ITEM = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm data-[selected=true]:bg-zinc-100 dark:data-[selected=true]:bg-zinc-800";

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
  const [search, setSearch] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const commands = useCommands();
  const cluster = useClusterParam();
  const router = useRouter();

  const isPath = search.startsWith("/");
  const { dir, prefix } = completionTarget(search);
  const listing = useKey(cluster, isPath && keyProblem(dir) === null ? dir : null);
  const node = listing.data?.node;
  const children = node?.dir ? (node.nodes ?? NO_CHILDREN) : NO_CHILDREN;
  const { options } = useMemo(() => completionsFor(children, prefix, 20), [children, prefix]);
  const target = isPath ? normalizeGoTo(search) : null;
  const groups = useMemo(() => byGroup(commands), [commands]);

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

  return (
    <DialogView open={open} onOpenChange={setOpen} title="Command palette" description="Find a page or an action, or type a key path starting with / to open it.">
      {/* Key paths are completed from etcd, not filtered by cmdk's fuzzy match. */}
      {/* cmdk names its input after `label` (aria-labelledby). */}
      <Command label="Command or key path" shouldFilter={!isPath} loop>
        <Command.Input
          ref={inputRef}
          value={search}
          onValueChange={setSearch}
          autoFocus
          placeholder="A page, an action, or /a/key/path"
          className="mb-2 w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Command.List aria-label="Commands" className="max-h-80 overflow-auto">
          <Command.Empty className="px-2 py-1.5 text-sm text-zinc-500">{isPath ? "Not a valid key path." : "Nothing matches."}</Command.Empty>
          {isPath ? (
            <Command.Group heading="Go to key" className="text-xs text-zinc-500">
              {target !== null ? (
                <Command.Item value={`open ${target}`} onSelect={goTo(target)} className={ITEM}>
                  <CornerDownLeft aria-hidden size={14} />
                  <span className="truncate font-mono">Open {target}</span>
                </Command.Item>
              ) : null}
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
            </Command.Group>
          ) : (
            groups.map(([heading, list]) => (
              <Command.Group key={heading} heading={heading} className="text-xs text-zinc-500">
                {list.map((command) => (
                  <Command.Item key={command.id} value={command.id} keywords={[command.label, ...(command.keywords ?? [])]} onSelect={runAndClose(command.run)} className={ITEM}>
                    <span className="text-zinc-900 dark:text-zinc-100">{command.label}</span>
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
