"use client";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef, type CSSProperties, type ReactNode, type RefObject } from "react";
import { useTranslations } from "use-intl";
import { LiveIndicator } from "./live-indicator";
import { TreeDivider, useTreeWidth } from "./tree-divider";

export interface KeysSplitProps {
  /** A key or directory is open (the URL names one): below lg, its view shows instead of the tree. */
  detail: boolean;
  /** The tree's page (the root), for "Back to the tree". */
  treeHref: string;
  /** The h1 while only the tree shows (below lg the key panel, whose path is the page's h1, is hidden). */
  treeHeading: string;
  tree: ReactNode;
  panel: ReactNode;
  /** The live indicator of this keyspace, beside "Back to the tree" (the tree's own toolbar is hidden then). */
  live?: ReactNode;
  /** Rendered after the two regions (panes and hosts that are not part of either). */
  children?: ReactNode;
}

/**
 * The Keys page's frame, the same for both keyspaces: the tree on the left, the selected key on the right.
 *
 * From the lg breakpoint on both sides show, split by a divider that can be dragged; below it one at a time:
 * the tree at the root, a selected key's detail (with a link back to the tree) otherwise. Both stay mounted,
 * hidden by CSS, so the tree keeps its open directories and the page keeps one copy of each.
 */
export function KeysSplit({ detail, treeHref, treeHeading, tree, panel, live = <LiveIndicator />, children }: KeysSplitProps) {
  const t = useTranslations("keys");
  const main = useRef<HTMLElement>(null);
  const [treeWidth, setTreeWidth] = useTreeWidth();
  useFocusFollowsView(main, detail);
  return (
    // The top bar (below md) is 3rem high: the browser fills the rest of the screen and scrolls inside.
    <main ref={main} className="flex h-[calc(100dvh-3rem)] min-h-0 md:h-dvh" style={{ "--tree-width": `${treeWidth}%` } as CSSProperties}>
      <section
        aria-label={t("treeRegion")}
        className={`${detail ? "hidden" : "flex"} w-full min-w-0 flex-col lg:flex lg:w-(--tree-width) lg:shrink-0 lg:border-r lg:border-line`}
      >
        <h1 className="sr-only lg:hidden">{treeHeading}</h1>
        {tree}
      </section>
      <TreeDivider width={treeWidth} onWidth={setTreeWidth} container={main} />
      <section aria-label={t("keyRegion")} className={`${detail ? "block" : "hidden"} min-w-0 flex-1 overflow-auto p-4 lg:block lg:p-6`}>
        {detail ? (
          // The tree's toolbar, which says whether live updates are on, is hidden with the tree: the key view says
          // it too, since the panel's "changed by someone else" notice depends on them.
          <div className="mb-3 flex items-center justify-between gap-3 lg:hidden">
            <Link
              data-back-to-tree
              href={treeHref}
              className="inline-flex items-center gap-1 rounded-md text-sm text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-focus"
            >
              <ArrowLeft aria-hidden size={14} />
              {t("backToTree")}
            </Link>
            {live}
          </div>
        ) : null}
        {panel}
      </section>
      {children}
    </main>
  );
}

/**
 * One view at a time (below lg): the control that had focus (a tree row, the back link) is hidden by the
 * switch, so focus goes to the new view's first stop, the back link or the tree's current row, instead of
 * being lost to the page. Only when focus was lost: never on the first render, never at desktop widths.
 */
function useFocusFollowsView(main: RefObject<HTMLElement | null>, detail: boolean) {
  const previous = useRef(detail);
  useEffect(() => {
    if (previous.current === detail) return;
    previous.current = detail;
    const lost = () => {
      const active = document.activeElement;
      return !active || active === document.body || !active.checkVisibility();
    };
    const root = main.current;
    // The tree's row in the tab order (roving tabindex), else its first row.
    const target = () =>
      detail
        ? root?.querySelector<HTMLElement>("[data-back-to-tree]")
        : (root?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]') ?? root?.querySelector<HTMLElement>('[role="treeitem"]'));
    // The tree renders its rows only once it has a height again (virtualized): wait a few frames for them.
    let frame = 0;
    const attempt = (left: number) => {
      if (!lost()) return;
      const element = target();
      if (element) element.focus();
      else if (left > 0) frame = requestAnimationFrame(() => attempt(left - 1));
    };
    attempt(30);
    return () => cancelAnimationFrame(frame);
  }, [detail, main]);
}
