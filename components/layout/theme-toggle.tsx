"use client";
import { Monitor, Moon, Sun } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useRegisterCommands } from "@/lib/commands/registry";

type Theme = "system" | "light" | "dark";
const ORDER: Theme[] = ["system", "light", "dark"];
const STORAGE_KEY = "etcd-dashboard-theme";

function apply(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}

/** Light, dark, or the system's choice (the default). Only the preference is stored, never data. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => {
    const stored = localStorage.getItem(STORAGE_KEY) as Theme | null;
    const initial = stored && ORDER.includes(stored) ? stored : "system";
    setTheme(initial);
    apply(initial);
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => apply((localStorage.getItem(STORAGE_KEY) as Theme | null) ?? "system");
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);
  const choose = (chosen: Theme) => {
    setTheme(chosen);
    localStorage.setItem(STORAGE_KEY, chosen);
    apply(chosen);
  };
  const commands = useMemo(
    () => ORDER.filter((t) => t !== theme).map((t) => ({ id: `theme ${t}`, label: `Theme: ${t === "system" ? "as the system" : t}`, group: "Settings", run: () => choose(t) })),
    [theme],
  );
  useRegisterCommands("theme", commands);
  const next = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length]!;
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
