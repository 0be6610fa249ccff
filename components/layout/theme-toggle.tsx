"use client";
import * as Menu from "@radix-ui/react-dropdown-menu";
import { Check, Monitor, Moon, Sun } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useTranslations } from "use-intl";
import { useRegisterCommands } from "@/lib/commands/registry";
import { THEMES, applyTheme, storeTheme, storedTheme, type Theme } from "@/lib/theme";
import { MenuRoot } from "@/components/ui/menu-root";

const DARK_QUERY = "(prefers-color-scheme: dark)";
const ICONS = { light: Sun, dark: Moon, system: Monitor } as const;

/**
 * Light, dark, or the system's choice (the default), as a menu button that says which is in force
 * ("Theme: System (dark)") and a menu of three radio items. Only the preference is stored, never data.
 */
export function ThemeToggle() {
  const t = useTranslations("theme");
  const [theme, setTheme] = useState<Theme>("system");
  const [systemDark, setSystemDark] = useState(false);
  useEffect(() => {
    const initial = storedTheme();
    setTheme(initial);
    applyTheme(initial);
    const media = window.matchMedia(DARK_QUERY);
    setSystemDark(media.matches);
    const onChange = () => {
      setSystemDark(media.matches);
      applyTheme(storedTheme());
    };
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);
  const choose = (chosen: Theme) => {
    setTheme(chosen);
    storeTheme(chosen);
    applyTheme(chosen);
  };

  const names: Record<Theme, string> = { light: t("light"), dark: t("dark"), system: t("system") };
  const commands = useMemo(() => {
    const labels: Record<Theme, string> = { light: t("commandLight"), dark: t("commandDark"), system: t("commandSystem") };
    return THEMES.filter((th) => th !== theme).map((th) => ({ id: `theme ${th}`, label: labels[th], group: t("commandGroup"), run: () => choose(th) }));
  }, [theme, t]);
  useRegisterCommands("theme", commands);

  const current = theme === "system" ? t("systemResolved", { resolved: systemDark ? t("darkLower") : t("lightLower") }) : names[theme];
  const Icon = ICONS[theme];
  return (
    <MenuRoot>
      <Menu.Trigger
        aria-label={t("button", { current })}
        title={t("button", { current })}
        className="rounded-md p-1.5 text-muted hover:bg-hover focus-visible:outline-2 focus-visible:outline-focus"
      >
        <Icon aria-hidden size={16} />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          aria-label={t("menu")}
          side="bottom"
          align="end"
          collisionPadding={8}
          className="z-50 min-w-40 rounded-md border border-line bg-surface p-1 text-sm text-fg shadow-lg"
        >
          <Menu.RadioGroup value={theme} onValueChange={(value) => choose(value as Theme)}>
            {(["light", "dark", "system"] as const).map((option) => {
              const OptionIcon = ICONS[option];
              return (
                <Menu.RadioItem
                  key={option}
                  value={option}
                  className="flex cursor-default select-none items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-hover"
                >
                  <OptionIcon aria-hidden size={14} className="shrink-0" />
                  <span className="flex-1">{names[option]}</span>
                  <Menu.ItemIndicator>
                    <Check aria-hidden size={14} />
                  </Menu.ItemIndicator>
                </Menu.RadioItem>
              );
            })}
          </Menu.RadioGroup>
        </Menu.Content>
      </Menu.Portal>
    </MenuRoot>
  );
}
