"use client";
import { useCallback } from "react";
import { useFormatter } from "use-intl";

/**
 * Counts formatted one way everywhere, in the page's language ("20,000" in English, never "20000" beside it):
 * use-intl's number formatter, which keeps one Intl.NumberFormat per locale and options.
 */
export function useFormatCount(): (n: number) => string {
  const format = useFormatter();
  return useCallback((n: number) => format.number(n), [format]);
}
