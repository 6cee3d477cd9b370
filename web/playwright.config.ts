import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH, E2E_PORT } from './tests/support/browser';

const webDir = path.dirname(fileURLToPath(import.meta.url));

// One fresh database per run. The config is evaluated by the runner and again by every worker; the runner's
// value reaches the workers through the environment, so they all agree on it.
process.env.ANGUAN_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'anguan-e2e-'));

/**
 * End-to-end tests: the real server as it ships (server/dist/main.js) serving the built SPA (`pnpm build` builds
 * both first) on a fixed loopback port, driven by Debian's Chromium. One spec per workflow in `tests/`.
 */
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // 2-core machines: the server and two browsers are plenty.
  workers: 2,
  // Whole-workflow specs on a 2-core machine running the server and two browsers, which CI may share with other
  // work: at a load average of 30 a first page load or a sync round trip took over 10 s (seven specs timed out
  // there and passed on a quiet machine). The waits are for conditions, so a longer bound costs nothing when green.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // The demo province (loaded into the fresh database) gives the co-editing specs a project and its people.
    command: 'node dist/main.js demo --if-empty && node --enable-source-maps dist/main.js',
    cwd: path.resolve(webDir, '../server'),
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    // Loading the demo province (≈ 1,000 documents) takes half a minute on a busy 2-core machine.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.ANGUAN_E2E_DATA_DIR,
      WEB_ROOT: path.join(webDir, 'build'),
      // Lets a spec read 逾期 on a clock it sets, per request (server/src/test-clock); sessions keep real time.
      ANGUAN_TEST_CLOCK: '1',
    },
  },
});
