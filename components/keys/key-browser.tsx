"use client";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Suspense, use, useEffect, useRef, useState, type CSSProperties, type RefObject } from "react";
import { useTranslations } from "use-intl";
import { useClusterParam } from "@/lib/hooks/use-cluster-param";
import { useValidationText } from "@/lib/hooks/use-validation-text";
import { keyProblem } from "@/lib/key-path";
import { keyPageHref } from "@/lib/keys-url";
import type { TreeSeed } from "@/lib/tree/seed";
import { CopyMoveHost } from "./copy-move-host";
import { KeyCommands } from "./key-commands";
import { KeyPanel } from "./key-panel";
import { KeyTree, type KeyTreeProps } from "./key-tree";
import { LiveIndicator } from "./live-indicator";
import { SearchResultsPane } from "./search-results-pane";
import { TreeDivider, useTreeWidth } from "./tree-divider";

/**
 * The Keys page: the tree on the left, the selected key on the right; the selection is the URL. `seed`: the
 * tree's first screen read on the server (a document load), or the promise of it, which the tree then waits
 * for in its own Suspense boundary (showing the tree without it meanwhile).
 *
 * From the lg breakpoint on both sides show, split by a divider that can be dragged; below it one at a time:
 * the tree at /keys, a selected key's detail (with a link back to the tree) at /keys/<key>. Both stay
 * mounted, hidden by CSS, so the tree keeps its open directories and the page keeps one copy of each.
 */
export function KeyBrowser({ selectedKey, seed }: { selectedKey: string; seed?: TreeSeed | null | Promise<TreeSeed | null> }) {
  const t = useTranslations("keys");
  const cluster = useClusterParam();
  const router = useRouter();
  const navigate = (key: string) => router.push(keyPageHref(cluster, key));
  const problem = keyProblem(selectedKey);
  const detail = selectedKey !== "/";
  const main = useRef<HTMLElement>(null);
  const [treeWidth, setTreeWidth] = useTreeWidth();
  useFocusFollowsView(main, detail);
  const words = useValidationText();
  return (
    // The top bar (below md) is 3rem high: the browser fills the rest of the screen and scrolls inside.
    <main ref={main} className="flex h-[calc(100dvh-3rem)] min-h-0 md:h-dvh" style={{ "--tree-width": `${treeWidth}%` } as CSSProperties}>
      <section
        aria-label={t("treeRegion")}
        className={`${detail ? "hidden" : "flex"} w-full min-w-0 flex-col lg:flex lg:w-(--tree-width) lg:shrink-0 lg:border-r lg:border-line`}
      >
        {/* Below lg the tree is the whole page, and the key panel (whose path is the page's h1) is hidden. */}
        <h1 className="sr-only lg:hidden">{t("treeHeading", { cluster })}</h1>
        {seed instanceof Promise ? (
          <Suspense fallback={<KeyTree cluster={cluster} selectedKey={problem ? "/" : selectedKey} onSelect={navigate} />}>
            <SeededKeyTree seed={seed} cluster={cluster} selectedKey={problem ? "/" : selectedKey} onSelect={navigate} />
          </Suspense>
        ) : (
          <KeyTree cluster={cluster} selectedKey={problem ? "/" : selectedKey} onSelect={navigate} seed={seed} />
        )}
      </section>
      <TreeDivider width={treeWidth} onWidth={setTreeWidth} container={main} />
      <section aria-label={t("keyRegion")} className={`${detail ? "block" : "hidden"} min-w-0 flex-1 overflow-auto p-4 lg:block lg:p-6`}>
        {detail ? (
          // The tree's toolbar, which says whether live updates are on, is hidden with the tree: the key view says
          // it too, since the panel's "changed by someone else" notice depends on them.
          <div className="mb-3 flex items-center justify-between gap-3 lg:hidden">
            <Link
              data-back-to-tree
              href={keyPageHref(cluster, "/")}
              className="inline-flex items-center gap-1 rounded-md text-sm text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-focus"
            >
              <ArrowLeft aria-hidden size={14} />
              {t("backToTree")}
            </Link>
            <LiveIndicator />
          </div>
        ) : null}
        {problem ? (
          <p role="alert" className="text-danger">
            {words.invalidKey(selectedKey, problem)}
          </p>
        ) : (
          <KeyPanel key={`${cluster}:${selectedKey}`} cluster={cluster} keyPath={selectedKey} onNavigate={navigate} />
        )}
      </section>
      <SearchResultsPane cluster={cluster} selectedKey={selectedKey} onOpen={navigate} />
      <CopyMoveHost onNavigate={navigate} />
      {problem ? null : <KeyCommands cluster={cluster} selectedKey={selectedKey} />}
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

/** The tree with the seed it mounted with: a later seed (the layout rendered again) changes nothing. */
function SeededKeyTree({ seed, ...props }: Omit<KeyTreeProps, "seed"> & { seed: Promise<TreeSeed | null> }) {
  const [first] = useState(seed);
  return <KeyTree {...props} seed={use(first)} />;
}
