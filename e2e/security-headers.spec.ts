// Security headers on pages and API answers, and a Content-Security-Policy that lets the app's own scripts
// run (they carry the response's nonce) while an injected inline handler does not.
import { expect, test } from "./fixtures";

test.describe("security headers", () => {
  test("every answer carries the policy, nosniff, no framing and no referrer", async ({ request }) => {
    for (const path of ["/keys", "/watch", "/api/clusters", "/api/clusters/nope/keys/x", "/api/clusters/default/keys/x", "/api/clusters/default/keys//x"]) {
      const headers = (await request.get(path, { maxRedirects: 0 })).headers();
      // Pages get a nonce for their scripts; API answers (JSON) a policy that lets nothing load or run.
      if (path.startsWith("/api/")) expect(headers["content-security-policy"], path).toMatch(/^default-src 'none';/);
      else expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic';/);
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], path).toMatch(/object-src 'none'|^default-src 'none'/);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["referrer-policy"], path).toBe("no-referrer");
    }
  });

  test("a fresh nonce per page, on the page's own scripts", async ({ request }) => {
    const first = await request.get("/keys");
    const second = await request.get("/keys");
    const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)![1]!;
    const nonce = nonceOf(first.headers()["content-security-policy"]!);
    expect(nonceOf(second.headers()["content-security-policy"]!)).not.toBe(nonce);
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  test("the pages work under the policy, and an injected inline handler does not run", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ["/keys", "/watch", "/cluster"]) {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expect(page.getByRole("status", { name: "Connection" })).toContainText("etcd");
    }
    await page.goto("/keys");
    await expect(page.getByRole("tree", { name: "Keys" })).toBeVisible();
    expect(violations).toEqual([]);
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img alt="" src="/__injected.png" onerror="window.__injected = 1">'));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(violations).toEqual([expect.stringMatching(/inline event handler violates/)]);
  });
});
