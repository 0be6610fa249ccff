import { defineConfig, devices } from "@playwright/test";

// End-to-end tests: e2e/global-setup.ts starts a real etcd and the BUILT dashboard (`next build` first)
// against it; e2e/fixtures.ts points `page` and `request` at that dashboard. Chromium is Debian's
// (/usr/bin/chromium): Playwright never downloads a browser here.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  outputDir: "test-results",
  use: {
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      // *.alone.spec.ts count things etcd counts for everyone (e.g. its watchers): they run afterwards, alone.
      testIgnore: /\.alone\.spec\.ts$/,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
    {
      name: "alone",
      testMatch: /\.alone\.spec\.ts$/,
      dependencies: ["chromium"],
      fullyParallel: false,
    },
  ],
});
