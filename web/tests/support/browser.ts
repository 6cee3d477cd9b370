/**
 * How e2e runs launch Debian's Chromium and reach the test server; shared by `playwright.config.ts` and the specs
 * that launch a browser themselves (installability needs a persistent, non-incognito profile).
 *
 * @module
 */

/** Loopback port of the server `playwright.config.ts` starts (`ANGUAN_E2E_PORT` lets two work trees run e2e at once). */
export const E2E_PORT = Number(process.env.ANGUAN_E2E_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
