"use client";
// Ctrl/Cmd+K anywhere opens the command palette. Only the shortcut and the button load with the page: the
// palette itself (cmdk) is fetched the first time it opens, so it costs the first load nothing.
import { Command as CommandIcon } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import { isPaletteShortcut } from "@/lib/keyboard/shortcuts";

const PaletteDialog = dynamic(() => import("./palette-dialog").then((m) => m.PaletteDialog), { ssr: false });

export function CommandPalette() {
  const t = useTranslations("palette");
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
        className="flex w-full items-center gap-2 rounded-md border border-line px-2 py-1 text-left text-sm text-muted hover:bg-hover"
      >
        <CommandIcon aria-hidden size={14} />
        <span className="flex-1">{t("button")}</span>
        <kbd className="font-mono text-xs">{t("shortcut")}</kbd>
      </button>
      {loaded ? <PaletteDialog open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
