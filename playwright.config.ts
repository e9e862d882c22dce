import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './scripts/chromium.ts';

/** Overridable so several checkouts on one machine never test each other's server. */
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One browser at a time: each page runs the engine worker, a thread team of WASM kernels and
  // ONNX Runtime; two pages at once on a 2-core machine starve each other's workers.
  workers: 1,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /fallback\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch(true) },
    },
    {
      // No --enable-unsafe-webgpu: requestAdapter() returns null, so the app must fall back.
      name: 'chromium-no-webgpu',
      testMatch: /fallback\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunch(false) },
    },
  ],
  webServer: {
    // Serves the production build; `npm test` runs `vite build` first.
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
