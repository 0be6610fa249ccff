"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useLocale, useTranslations } from "use-intl";
import { LOCALES, isLocale, type Locale } from "@/lib/i18n/locales";
import { rememberLocale } from "@/lib/i18n/remember-locale";
import { MenuRoot } from "@/components/ui/menu-root";

/** Each language by its own name, so that a person who cannot read the current one still finds theirs. */
const NATIVE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

/** The language switch: the choice is remembered (a cookie, only the preference) and the page re-renders in it at once. */
export function LanguageMenu() {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const choose = (value: string) => {
    if (!isLocale(value) || value === locale) return;
    rememberLocale(value);
    // The server renders again with the remembered language (the layout's <html lang> and the messages).
    startTransition(() => router.refresh());
  };
  return (
    <MenuRoot>
      <DropdownMenu.Trigger
        aria-label={t("language.label", { current: NATIVE_NAMES[locale] })}
        aria-busy={pending || undefined}
        className="inline-flex items-center gap-1 rounded-md p-1.5 text-sm text-muted hover:bg-hover focus-visible:outline-2 focus-visible:outline-focus"
      >
        <Languages aria-hidden size={16} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-36 rounded-md border border-line bg-surface p-1 text-sm text-fg shadow-md">
          <DropdownMenu.Label className="px-2 py-1 text-xs text-muted">{t("language.title")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={locale} onValueChange={choose}>
            {LOCALES.map((option) => (
              <DropdownMenu.RadioItem
                key={option}
                value={option}
                lang={option}
                className="flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-hover"
              >
                <span className="inline-flex w-4 justify-center">
                  <DropdownMenu.ItemIndicator>
                    <Check aria-hidden size={14} />
                  </DropdownMenu.ItemIndicator>
                </span>
                {NATIVE_NAMES[option]}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </MenuRoot>
  );
}
