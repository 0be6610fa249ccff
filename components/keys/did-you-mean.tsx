"use client";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import type { GoToTarget } from "@/lib/hooks/use-go-to";

/**
 * A typed key that does not exist: says so, offers the nearest existing keys ("did you mean …") and, as the
 * secondary action, creating it (its page, where the key panel creates it).
 */
export function DidYouMean({ target, onGo, id }: { target: Extract<GoToTarget, { state: "missing" }>; onGo: (key: string) => void; id?: string }) {
  const t = useTranslations("goTo");
  const choices = [...target.suggestions.map((s) => s.key), ...(target.ancestor !== null ? [target.ancestor] : [])];
  return (
    <div id={id} className="mt-1 rounded border border-line bg-surface p-2 text-sm text-fg">
      <p role="status">{t("missing", { key: target.key })}</p>
      {choices.length > 0 ? (
        <div role="group" aria-label={t("didYouMean")} className="mt-1">
          <span className="text-xs text-muted">{t("didYouMean")}</span>
          <ul className="mt-0.5">
            {choices.map((key) => (
              <li key={key}>
                <button type="button" onClick={() => onGo(key)} className="max-w-full truncate rounded px-1 font-mono text-info underline hover:bg-hover">
                  {key}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Button variant="secondary" className="mt-2" onClick={() => onGo(target.key)}>
        {t("create", { key: target.key })}
      </Button>
    </div>
  );
}
