// Browser rendering of a big directory in the key tree, on the v2 or the v3 Keys page (bench/tree-pages.ts names
// the page and its rows): from navigation to the directory's first child rows on screen, how many rows the DOM
// holds, a scroll to its last child, and the page's JavaScript heap.
//
// The user journey measured: open the directory's page, a link to the directory, and see its first children. A
// link to a directory opens it in the tree (on v2 the server renders the tree's first screen into the page), so
// nothing is clicked. (Builds from before that change showed the directory closed: for them, a script in the
// page clicks its row the moment it is in the DOM, a user's click without the human's reaction time, so that
// bench/compare-browser.ts can measure both with the same journey.) The figure is all the dashboard's work:
//   performance.now() in the page (0 = navigation start) when the first child row is in the DOM and inside
//   the tree's viewport, plus the frame that paints it (a requestAnimationFrame, then a task after it).
// Each run is a cold page (a new browser context: no cache, no state); the server is warm (one run first,
// not counted). DOM rows are `[role=treeitem]` elements once the first rows show, and again after the tree
// was scrolled to the middle of its height (the middle of the directory), once the browser holds the whole
// listing, and every element of the page then (the tree's rows are not all the page shows). Then the tree is
// scrolled in one jump to where its last child is (a drag of the scrollbar to the directory's end): the time
// until that row is painted. Last, the JavaScript heap in use after a garbage collection (Chromium's
// Runtime.getHeapUsage over CDP), with the whole listing held.
import type { Browser, Page } from "@playwright/test";
import { median } from "./browser";
import type { TreePage } from "./tree-pages";

export interface TreeRenderResult {
  /** Median over the runs, ms from navigation start. */
  dirRowMs: number;
  firstRowsMs: number;
  samplesMs: number[];
  domRowsFirst: number;
  domRowsMiddle: number;
  /** Every element of the page once the whole listing is held (the tree's rows and whatever else the page shows). */
  domElements: number;
  /** aria-posinset of the rows shown after the scroll to the middle, as proof that they are the middle ones. */
  middlePositions: [number, number];
  /** Median ms from the jump to the directory's end until its last child's row is painted. */
  lastChildMs: number;
  /** The last child's aria-posinset, as proof that it is the directory's last row. */
  lastChildPosition: number;
  /** Median JavaScript heap in use after a garbage collection, the whole listing held (MB). */
  heapMb: number;
}

interface Probe {
  dirRow?: number;
  firstRows?: number;
  painted?: number;
}

/**
 * Runs in the page before its own scripts (plain JavaScript: tsx would wrap named functions in helpers the
 * page does not have): watches the DOM, clicks the directory's row only if it shows closed (older builds),
 * times its first child row.
 */
const PROBE = String.raw`
(() => {
  const { dir, child } = __PROBE_ARGS__;
  const probe = (window.__treeProbe = {});
  const rowOf = (key) => document.querySelector('[role="treeitem"][data-key="' + CSS.escape(key) + '"]');
  const inView = (row) => {
    const tree = row.closest('[role="tree"]');
    if (!tree) return false;
    const r = row.getBoundingClientRect();
    const t = tree.getBoundingClientRect();
    return r.height > 0 && r.bottom > t.top && r.top < t.bottom;
  };
  const observer = new MutationObserver(() => {
    if (probe.dirRow === undefined) {
      const row = rowOf(dir);
      if (row) {
        probe.dirRow = performance.now();
        if (row.getAttribute("aria-expanded") !== "true") row.click();
      }
    }
    const first = probe.firstRows === undefined ? rowOf(child) : null;
    if (first && inView(first)) {
      probe.firstRows = performance.now();
      observer.disconnect();
      // After the frame that paints the rows: a task queued from requestAnimationFrame runs after paint.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (probe.painted = performance.now());
        channel.port2.postMessage(null);
      });
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-expanded"] });
})();
`;

/**
 * Evaluated in the page (plain JavaScript, as PROBE) once the tree holds the whole listing and shows some of the
 * directory's children: the tree's scrollTop jumps to where the last child's row is (its offset from a child row
 * in view: rows are of one height, lib/tree/flatten.ts positions), then the ms until that row is in the tree's
 * viewport and painted, and its aria-posinset. Rejects after `timeoutMs`.
 */
const SCROLL_TO_LAST = String.raw`
(async () => {
  const { childPrefix, last, timeoutMs } = __SCROLL_ARGS__;
  const tree = document.querySelector('[role="tree"]');
  const shown = tree.querySelector('[role="treeitem"][data-key^="' + CSS.escape(childPrefix) + '"]');
  if (!shown) throw new Error("no child row of " + childPrefix + " in the DOM");
  const height = shown.getBoundingClientRect().height;
  const top = shown.getBoundingClientRect().top - tree.getBoundingClientRect().top + tree.scrollTop;
  const lastTop = top + (Number(shown.getAttribute("aria-setsize")) - Number(shown.getAttribute("aria-posinset"))) * height;
  const start = performance.now();
  tree.scrollTop = lastTop + height - tree.clientHeight;
  const row = await new Promise((resolve, reject) => {
    const check = () => {
      const found = tree.querySelector('[role="treeitem"][data-key="' + CSS.escape(last) + '"]');
      const r = found && found.getBoundingClientRect();
      const t = tree.getBoundingClientRect();
      if (found && r.height > 0 && r.bottom > t.top && r.top < t.bottom) return resolve(found);
      if (performance.now() - start > timeoutMs) return reject(new Error("the row " + last + " did not show after the scroll"));
      requestAnimationFrame(check);
    };
    check();
  });
  await new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(null);
  }));
  return { ms: performance.now() - start, position: Number(row.getAttribute("aria-posinset")) };
})()
`;

const countRows = (page: Page) => page.locator('[role="treeitem"]').count();

/** One cold-page measurement of opening `tree` on the dashboard at `origin` (no warm-up). */
export async function oneRun(browser: Browser, origin: string, tree: TreePage, timeoutMs: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: PROBE.replace("__PROBE_ARGS__", JSON.stringify({ dir: tree.dirRow, child: tree.firstChildRow })) });
    await page.goto(origin + tree.path, { waitUntil: "commit" });
    await page.waitForFunction(() => (window as unknown as { __treeProbe: Probe }).__treeProbe?.painted !== undefined, null, { timeout: timeoutMs, polling: 50 });
    const probe = await page.evaluate(() => (window as unknown as { __treeProbe: Probe }).__treeProbe);
    const domRowsFirst = await countRows(page);
    // The first rows may be the server's first screen (lib/tree/seed.ts): the middle exists once the browser
    // holds the whole listing, i.e. the tree is as tall as all its rows.
    await page.waitForFunction(
      (key) => {
        const first = document.querySelector(`[role="treeitem"][data-key="${CSS.escape(key)}"]`);
        const tree = document.querySelector('[role="tree"]');
        return !!first && !!tree && tree.scrollHeight >= Number(first.getAttribute("aria-setsize")) * first.getBoundingClientRect().height;
      },
      tree.firstChildRow,
      { timeout: timeoutMs, polling: 50 },
    );
    // To the middle of the tree's height, then two frames for the virtualizer to render what is there.
    await page.evaluate(async () => {
      const tree = document.querySelector<HTMLElement>('[role="tree"]')!;
      tree.scrollTop = (tree.scrollHeight - tree.clientHeight) / 2;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    await page.waitForTimeout(100);
    const positions = await page.$$eval(`[role="treeitem"][data-key^="${tree.childRowPrefix}"]`, (rows) => rows.map((r) => Number(r.getAttribute("aria-posinset"))));
    if (positions.length === 0) throw new Error(`no row of ${tree.label} after scrolling to the middle`);
    const domRowsMiddle = await countRows(page);
    const domElements = await page.evaluate(() => document.getElementsByTagName("*").length);
    const lastChild = (await page.evaluate(SCROLL_TO_LAST.replace("__SCROLL_ARGS__", JSON.stringify({ childPrefix: tree.childRowPrefix, last: tree.lastChildRow, timeoutMs })))) as { ms: number; position: number };
    if (lastChild.position !== tree.children) throw new Error(`${tree.label}: the last row after the jump is child ${lastChild.position}, not ${tree.children}`);
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    return { probe, domRowsFirst, domRowsMiddle, domElements, middlePositions: [Math.min(...positions), Math.max(...positions)] as [number, number], lastChild, heapMb: heap.usedSize / 1e6 };
  } finally {
    await context.close();
  }
}

/**
 * `runs` cold-page measurements of opening `tree` after one warm-up; medians of the times and heaps, row counts
 * of the last run.
 */
export async function treeRender(opts: { browser: Browser; dashboardURL: string; tree: TreePage; runs: number; timeoutMs?: number }): Promise<TreeRenderResult> {
  // Generous: under a shared machine's load the v3 page took 30 s to show the first of 100,000 children.
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const run = () => oneRun(opts.browser, opts.dashboardURL, opts.tree, timeoutMs);
  await run(); // warm-up: server caches, page compiled
  const runs = [];
  for (let i = 0; i < opts.runs; i++) runs.push(await run());
  const last = runs[runs.length - 1]!;
  const samplesMs = runs.map((r) => r.probe.painted!);
  const ms = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
  console.error(
    `bench: ${opts.tree.label}: first rows at ${ms(samplesMs)} ms (its row at ${ms(runs.map((r) => r.probe.dirRow!))} ms); ` +
      `rows ${last.middlePositions.join("-")} shown in the middle; last child (${last.lastChild.position}) ${ms(runs.map((r) => r.lastChild.ms))} ms after the jump; ` +
      `heap ${ms(runs.map((r) => r.heapMb))} MB`,
  );
  return {
    dirRowMs: median(runs.map((r) => r.probe.dirRow!)),
    firstRowsMs: median(samplesMs),
    samplesMs,
    domRowsFirst: last.domRowsFirst,
    domRowsMiddle: last.domRowsMiddle,
    domElements: last.domElements,
    middlePositions: last.middlePositions,
    lastChildMs: median(runs.map((r) => r.lastChild.ms)),
    lastChildPosition: last.lastChild.position,
    heapMb: median(runs.map((r) => r.heapMb)),
  };
}
