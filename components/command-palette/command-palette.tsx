"use client";
// Ctrl/Cmd+K anywhere opens the command palette. Only the shortcut and the button load with the page: the
// palette itself (cmdk) is fetched the first time it opens, so it costs the first load nothing.
import { Command as CommandIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { isPaletteShortcut } from "@/lib/keyboard/shortcuts";

const PaletteDialog = dynamic(() => import("./palette-dialog").then((m) => m.PaletteDialog), { ssr: false });

export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      event.preventDefault();
      setLoaded(true);
      setOpen(true);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        className="flex w-full items-center gap-2 rounded-md border border-zinc-200 px-2 py-1 text-left text-sm text-zinc-500 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900"
      >
        <CommandIcon aria-hidden size={14} />
        <span className="flex-1">Command palette</span>
        <kbd className="font-mono text-xs">Ctrl K</kbd>
      </button>
      {loaded ? <PaletteDialog open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
