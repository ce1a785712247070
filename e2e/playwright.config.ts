import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_PATH } from './chromium';

/**
 * End-to-end tests in Debian's Chromium against the whole product (api, worker, web on real
 * PostgreSQL and Redis) started by global-setup.ts with throwaway data.
 */
export default defineConfig({
  testDir: './src',
  globalSetup: './global-setup.ts',
  outputDir: '../.test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // Generous: CI shares two cores between the product and the browser.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
