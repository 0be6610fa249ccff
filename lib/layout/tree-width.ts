// The Keys page's split at desktop widths: the tree's share of the page, in percent of the key browser's
// width (so a wider window gives both sides more room). Kept in localStorage: only the preference.

export const TREE_WIDTH = {
  /** At 1024 px (the narrowest split) 30 % leaves the key panel about 560 px; at 1440 px the tree gets about 365 px. */
  default: 30,
  min: 15,
  max: 60,
  /** Arrow keys. */
  step: 2,
  /** Arrow keys with Shift, Page Up and Page Down. */
  bigStep: 10,
} as const;

const STORAGE_KEY = "etcd-dashboard-tree-width";

export function clampTreeWidth(percent: number): number {
  if (!Number.isFinite(percent)) return TREE_WIDTH.default;
  return Math.round(Math.min(TREE_WIDTH.max, Math.max(TREE_WIDTH.min, percent)));
}

/** The stored preference, or the default when there is none or it is not a number. */
export function parseTreeWidth(stored: string | null): number {
  if (stored === null || stored.trim() === "") return TREE_WIDTH.default;
  return clampTreeWidth(Number(stored));
}

/** The width after a key press on the divider, or null when the key does not move it. */
export function treeWidthAfterKey(current: number, key: string, shift: boolean): number | null {
  const step = shift ? TREE_WIDTH.bigStep : TREE_WIDTH.step;
  switch (key) {
    case "ArrowLeft":
      return clampTreeWidth(current - step);
    case "ArrowRight":
      return clampTreeWidth(current + step);
    case "PageDown":
      return clampTreeWidth(current - TREE_WIDTH.bigStep);
    case "PageUp":
      return clampTreeWidth(current + TREE_WIDTH.bigStep);
    case "Home":
      return TREE_WIDTH.min;
    case "End":
      return TREE_WIDTH.max;
    default:
      return null;
  }
}

export function storedTreeWidth(): number {
  try {
    return parseTreeWidth(localStorage.getItem(STORAGE_KEY));
  } catch {
    return TREE_WIDTH.default; // storage switched off
  }
}

export function storeTreeWidth(percent: number): void {
  try {
    localStorage.setItem(STORAGE_KEY, String(clampTreeWidth(percent)));
  } catch {
    // Storage switched off or full: the width lasts until the page is left.
  }
}
