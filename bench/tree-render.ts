// Browser rendering of a big directory in the key tree: from navigation to the directory's first child rows
// on screen, and how many rows the DOM holds.
//
// The user journey measured: open /keys/<dir>, a link to the directory, and see its first children. A link
// to a directory opens it in the tree (and the server renders the tree's first screen into the page), so
// nothing is clicked. (Builds from before that change showed the directory closed: for them, a script in the
// page clicks its row the moment it is in the DOM, a user's click without the human's reaction time, so that
// bench/compare-browser.ts can measure both with the same journey.) The figure is all the dashboard's work:
//   performance.now() in the page (0 = navigation start) when the first child row is in the DOM and inside
//   the tree's viewport, plus the frame that paints it (a requestAnimationFrame, then a task after it).
// Each run is a cold page (a new browser context: no cache, no state); the server is warm (one run first,
// not counted). DOM rows are `[role=treeitem]` elements once the first rows show, and again after the tree
// was scrolled to the middle of its height (the middle of the directory), once the browser holds the whole
// listing.
import type { Browser, Page } from "@playwright/test";
import { median } from "./browser";

export interface TreeRenderResult {
  /** Median over the runs, ms from navigation start. */
  dirRowMs: number;
  firstRowsMs: number;
  samplesMs: number[];
  domRowsFirst: number;
  domRowsMiddle: number;
  /** aria-posinset of the rows shown after the scroll to the middle, as proof that they are the middle ones. */
  middlePositions: [number, number];
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

const countRows = (page: Page) => page.locator('[role="treeitem"]').count();

/** One cold-page measurement of opening `url`, the page of `dir` (no warm-up). */
export async function oneRun(browser: Browser, url: string, dir: string, child: string, timeoutMs: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: PROBE.replace("__PROBE_ARGS__", JSON.stringify({ dir, child })) });
    await page.goto(url, { waitUntil: "commit" });
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
      child,
      { timeout: timeoutMs, polling: 50 },
    );
    // To the middle of the tree's height, then two frames for the virtualizer to render what is there.
    await page.evaluate(async () => {
      const tree = document.querySelector<HTMLElement>('[role="tree"]')!;
      tree.scrollTop = (tree.scrollHeight - tree.clientHeight) / 2;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    await page.waitForTimeout(100);
    const positions = await page.$$eval(`[role="treeitem"][data-key^="${dir}/"]`, (rows) => rows.map((r) => Number(r.getAttribute("aria-posinset"))));
    if (positions.length === 0) throw new Error(`no row of ${dir} after scrolling to the middle`);
    const domRowsMiddle = await countRows(page);
    return { probe, domRowsFirst, domRowsMiddle, middlePositions: [Math.min(...positions), Math.max(...positions)] as [number, number] };
  } finally {
    await context.close();
  }
}

/**
 * `runs` cold-page measurements of opening `dir` (whose first child in sorted order is `child`) after one
 * warm-up; medians of the times, row counts of the last run.
 */
export async function treeRender(opts: { browser: Browser; dashboardURL: string; dir: string; child: string; runs: number; timeoutMs?: number }): Promise<TreeRenderResult> {
  const url = `${opts.dashboardURL}/keys${opts.dir}`;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  await oneRun(opts.browser, url, opts.dir, opts.child, timeoutMs); // warm-up: server caches, page compiled
  const runs = [];
  for (let i = 0; i < opts.runs; i++) runs.push(await oneRun(opts.browser, url, opts.dir, opts.child, timeoutMs));
  const last = runs[runs.length - 1]!;
  const samplesMs = runs.map((r) => r.probe.painted!);
  const ms = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
  console.error(
    `bench: ${opts.dir}: first rows at ${ms(samplesMs)} ms (its row at ${ms(runs.map((r) => r.probe.dirRow!))} ms); ` +
      `rows ${last.middlePositions.join("-")} shown in the middle`,
  );
  return {
    dirRowMs: median(runs.map((r) => r.probe.dirRow!)),
    firstRowsMs: median(samplesMs),
    samplesMs,
    domRowsFirst: last.domRowsFirst,
    domRowsMiddle: last.domRowsMiddle,
    middlePositions: last.middlePositions,
  };
}
