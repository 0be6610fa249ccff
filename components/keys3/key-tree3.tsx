"use client";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type MouseEvent } from "react";
import { useTranslations } from "use-intl";
import { focusWhenRendered } from "@/components/keys/tree/tree-focus";
import { useFocusKeptOnRemoval } from "@/components/keys/tree/use-focus-kept";
import { treeKeyDownHandler } from "@/components/keys/tree/tree-keyboard";
import { StatusItemRow, TreeItemRow, VirtualTreeRows } from "@/components/keys/tree/tree-rows";
import { useTreeScroll } from "@/components/keys/tree/use-tree-scroll";
import { useFlashes } from "@/lib/hooks/use-row-flashes";
import { v3KeysPageHref, type V3KeyTarget } from "@/lib/keyspace3/key-url";
import { rowIndexOf, type NodeRow } from "@/lib/tree/flatten";
import { flattenTree3, selectedRowId } from "@/lib/tree3/flatten3";
import { bytesOf } from "@/lib/tree3/listings3";
import { createTree3Store } from "@/lib/tree3/store3";
import { Tree3Toolbar } from "./tree3-toolbar";
import { useTree3Reads } from "./use-tree3-reads";

export interface KeyTree3Props {
  cluster: string;
  /** What the URL selects. */
  target: V3KeyTarget;
  onSelect: (target: V3KeyTarget) => void;
}

/** The target of a row id (`k:` a key, `d:` a directory; lib/tree3/listings3.ts rowIdOf). */
function targetOfRow(id: string): V3KeyTarget {
  const bytes = bytesOf(id.slice(2));
  return id.startsWith("d:") ? { kind: "dir", prefix: bytes } : { kind: "key", key: bytes };
}

/** The directory a directory row's id names. */
const dirOfRow = (id: string) => id.slice(2);

/**
 * The v3 key tree: one level read at a time (…/v3/keys?dir=), directories opened and closed in place, virtualized
 * and keyboard-operable with the v2 tree's rows, virtualizer and keys; a truncated listing goes on by itself as
 * its end comes into view. Live: the page's one stream (LiveKeys3Context) adds, updates and removes rows. The
 * selection is the URL: `target` in, `onSelect` out.
 */
export function KeyTree3(props: KeyTree3Props) {
  // Another cluster is another tree.
  return <KeyTree3View key={props.cluster} {...props} />;
}

function KeyTree3View({ cluster, target, onSelect }: KeyTree3Props) {
  const t = useTranslations("tree");
  const t3 = useTranslations("keys3.tree");
  const [store] = useState(createTree3Store);
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { flashes, flash } = useFlashes();
  const flashCount = useRef(0);
  const selectedId = selectedRowId(target);
  const targetHref = v3KeysPageHref(cluster, target);

  // A new selection (a click, a link, back / forward): the way to it opens and focus moves there.
  const targetRef = useRef(target);
  targetRef.current = target;
  useLayoutEffect(() => store.showSelection(targetRef.current), [store, targetHref]);

  const emptyName = t3("emptyName");
  const { rows, openDirs, moreRows } = useMemo(() => flattenTree3(state.listings, state.open, emptyName), [state.listings, state.open, emptyName]);

  const onChanged = useCallback((ids: readonly string[]) => flash(new Map(ids.map((id) => [id, ++flashCount.current]))), [flash]);
  const reads = useTree3Reads(store, cluster, openDirs, onChanged);

  const focusedId = state.focusedId ?? selectedId ?? "";
  const focusedIndex = rowIndexOf(rows, focusedId);
  const selectedIndex = selectedId === null ? -1 : rowIndexOf(rows, selectedId);
  const tabStopIndex = focusedIndex >= 0 ? focusedIndex : selectedIndex >= 0 ? selectedIndex : rows.findIndex((r) => r.kind === "node");
  const tabStopKey = rows[tabStopIndex]?.key;
  const virtualizer = useTreeScroll(store, scrollRef, rows, focusedIndex, selectedId ?? "");
  const items = virtualizer.getVirtualItems();

  // A truncated listing's "more" row in view: its next page is read (it shows as loading meanwhile).
  const moreInView = items.flatMap((item) => moreRows.get(item.index) ?? []).join("\n");
  useEffect(() => {
    if (moreInView) for (const dir of moreInView.split("\n")) void reads.readMore(dir);
  }, [moreInView, reads]);

  const focusRow = useCallback(
    (id: string, index: number) => {
      store.focus(id);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: "auto" });
      focusWhenRendered(scrollRef, id);
    },
    [store, virtualizer],
  );
  useFocusKeptOnRemoval(scrollRef, rows, focusedIndex, focusRow);
  const select = useCallback((id: string) => id !== selectedId && onSelect(targetOfRow(id)), [onSelect, selectedId]);
  const onRowClick = useCallback(
    (row: NodeRow, _event: MouseEvent) => {
      store.focus(row.key);
      if (row.isDir) store.setOpen(dirOfRow(row.key), !row.isOpen);
      select(row.key);
    },
    [store, select],
  );
  const onKeyDown = treeKeyDownHandler(rows, { focusRow, setDirOpen: (id, open) => store.setOpen(dirOfRow(id), open), select });
  // A failed page is tried again; a failed listing is read again.
  const retry = useCallback(
    (dir: string) => {
      const listing = store.getState().listings.get(dir);
      void (listing?.status === "loaded" ? reads.readMore(dir) : reads.read(dir));
    },
    [store, reads],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <Tree3Toolbar onGo={onSelect} onRefresh={reads.refresh} />
      <div
        ref={scrollRef}
        role="tree"
        aria-label={t("label")}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          store.view.scrollTop = e.currentTarget.scrollTop;
        }}
        className="min-h-0 flex-1 overflow-auto py-1 text-sm"
      >
        <VirtualTreeRows
          virtualizer={virtualizer}
          rows={rows}
          render={(row, style) =>
            row.kind === "node" ? (
              <TreeItemRow
                key={row.key}
                row={row}
                style={style}
                selected={row.key === selectedId}
                checked={false}
                checkboxesShown={false}
                highlight={undefined}
                tabbable={row.key === tabStopKey}
                flashIndex={flashes.get(row.key)}
                onClick={onRowClick}
                onFocus={store.focus}
              />
            ) : (
              <StatusItemRow key={row.key} row={{ ...row, dir: row.dir || "/" }} style={style} onRetry={() => retry(row.dir)} />
            )
          }
        />
      </div>
    </div>
  );
}
