// First-load JavaScript of a page: every script response Chromium receives while a cold page loads, until
// `ready` (a selector) shows and one more second has passed, each body gzipped with zlib's default level
// (what a compressing proxy would send), summed.
import zlib from "node:zlib";
import type { Browser, Response } from "@playwright/test";

export interface FirstLoadJs {
  scripts: number;
  rawKb: number;
  gzipKb: number;
}

export async function firstLoadJs(browser: Browser, url: string, ready: string): Promise<FirstLoadJs> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on("response", (response: Response) => {
      if (response.request().resourceType() === "script") bodies.push(response.body());
    });
    await page.goto(url);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(1000);
    const all = await Promise.all(bodies);
    const sum = (f: (b: Buffer) => number) => all.reduce((total, b) => total + f(b), 0) / 1000;
    return { scripts: all.length, rawKb: sum((b) => b.length), gzipKb: sum((b) => zlib.gzipSync(b).length) };
  } finally {
    await context.close();
  }
}
