import { defineConfig } from '@playwright/test';

// Browser tests for the console. Each test starts its own nexus-devserver (see
// tests/e2e/fixtures.ts), so there is no webServer block; build first with
// `cargo build -p nexus-devserver && trunk build --release` (scripts/test.sh does).
// Chromium is Debian's (/usr/bin/chromium): Playwright's own browser download
// cannot work on these machines (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
export default defineConfig({
  testDir: 'tests/e2e',
  // 2 cores; every test has its own server anyway.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'artifacts/playwright-report' }],
  ],
  outputDir: 'artifacts/test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
  },
});
