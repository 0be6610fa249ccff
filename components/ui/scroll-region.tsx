"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "use-intl";

/**
 * Content wider than its card (a table at phone width) scrolls sideways inside it instead of widening the
 * page. While it does, the box is a named region in the tab order, so it can be scrolled with the keyboard
 * and a screen reader says what it holds; when everything fits it is a plain box. Relative, so that the
 * table's visually hidden captions and labels (absolute) are clipped with it instead of widening the page.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const t = useTranslations("layout");
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className="relative max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-focus"
      {...(scrolls ? { role: "region", "aria-label": t("scrollableTable", { name: label }), tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
