"use client";
import { Monitor, Moon, Sun } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useRegisterCommands } from "@/lib/commands/registry";
import { THEMES, applyTheme, storeTheme, storedTheme, type Theme } from "@/lib/theme";

/** Light, dark, or the system's choice (the default). Only the preference is stored, never data. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => {
    const initial = storedTheme();
    setTheme(initial);
    applyTheme(initial);
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => applyTheme(storedTheme());
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);
  const choose = (chosen: Theme) => {
    setTheme(chosen);
    storeTheme(chosen);
    applyTheme(chosen);
  };
  const commands = useMemo(
    () => THEMES.filter((t) => t !== theme).map((t) => ({ id: `theme ${t}`, label: `Theme: ${t === "system" ? "as the system" : t}`, group: "Settings", run: () => choose(t) })),
    [theme],
  );
  useRegisterCommands("theme", commands);
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
  const Icon = theme === "dark" ? Moon : theme === "light" ? Sun : Monitor;
  return (
    <button
      type="button"
      aria-label={`Theme: ${theme}. Switch to ${next}`}
      className="rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      onClick={() => choose(next)}
    >
      <Icon aria-hidden size={16} />
    </button>
  );
}
