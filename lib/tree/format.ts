// Short human forms for the tree's badges. Pure.

/**
 * 1234 -> "1,234" (en-US grouping, so server and browser agree). Whole numbers are grouped by hand:
 * `toLocaleString` loads ICU's number formatting on first use, 10-15 ms of a cold page's main thread.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ",");
  return n < 0 ? `-${digits}` : digits;
}
