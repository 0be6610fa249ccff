// Debian's Chromium driven by Playwright's library API, launched exactly as the e2e tests launch it
// (playwright.config.ts holds the flags that work on this machine): the browser half of the bench.
import { chromium, type Browser, type LaunchOptions } from "@playwright/test";
import { ensureChromium } from "../scripts/lib/ensure.mjs";
import config from "../playwright.config";

export async function launchChromium(): Promise<Browser> {
  await ensureChromium();
  const launchOptions: LaunchOptions | undefined = config.projects?.find((p) => p.name === "chromium")?.use?.launchOptions;
  if (!launchOptions?.executablePath) throw new Error("playwright.config.ts: the chromium project has no launchOptions.executablePath");
  return chromium.launch(launchOptions);
}

/** The median of `values` (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
