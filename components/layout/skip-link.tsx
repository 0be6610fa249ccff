"use client";
import { useTranslations } from "use-intl";

/**
 * "Skip to content": the first stop of the Tab key on every page, visible once focused; it moves focus to the
 * page's one <main>, wherever the page renders it. Focus is moved by script rather than by a #fragment so the
 * URL (which holds the selected key on the Keys pages) stays as it is.
 */
export function SkipLink() {
  const t = useTranslations("layout");
  return (
    <a
      href="#main-content"
      onClick={(event) => {
        const main = document.querySelector("main");
        if (!main) return;
        event.preventDefault();
        // Focusable by script only, and without the focus ring a whole page would get.
        if (!main.hasAttribute("tabindex")) main.tabIndex = -1;
        main.classList.add("outline-none");
        main.focus();
      }}
      className="sr-only rounded-md bg-accent px-3 py-2 text-sm font-medium text-on-accent focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:outline-2 focus:outline-focus"
    >
      {t("skipToContent")}
    </a>
  );
}
