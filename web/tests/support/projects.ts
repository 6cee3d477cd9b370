/**
 * Helpers for the projects specs: demo accounts, a signed-in page per account, and CSV files for the registry.
 *
 * @module
 */
import type { Browser, Page } from '@playwright/test';
import { apiLogin, expect } from '../fixtures';

export const DEMO_PASSWORD = 'Anguan2026';
export const DIRECTOR = '91320100MA1MXX0A01';
export const DEMO_PROJECT = { filingNumber: '3201002025001', name: '河西南部安置房一期（A地块）' } as const;
export const NANJING_SUPERVISOR = 'nanjing';

/** A new browser context signed in as `login`. */
export async function signedIn(browser: Browser, login: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await apiLogin(page, login, password);
  return page;
}

/** A region the supervisor may register projects in: one with no sub-region (a district, or a city without). */
export async function leafRegion(page: Page): Promise<string> {
  const response = await page.request.get('/api/registry/regions');
  expect(response.status(), await response.text()).toBe(200);
  const { regions } = (await response.json()) as { regions: Array<{ code: string; parentCode: string | null }> };
  const parents = new Set(regions.map((r) => r.parentCode));
  const leaf = regions.find((r) => !parents.has(r.code));
  if (!leaf) throw new Error('the supervisor has no region to register in');
  return leaf.code;
}

export interface ImportRow {
  filingNumber: string;
  name: string;
  regionCode: string;
  constructorName: string;
  constructorCreditCode: string;
}

const HEADERS = ['监督备案号', '项目名称', '所在区县代码', '施工单位', '施工单位统一社会信用代码'];

/** A registry import file in the template's column headers. */
export function projectsCsv(rows: readonly ImportRow[]): { name: string; mimeType: string; buffer: Buffer } {
  const lines = [
    HEADERS.join(','),
    ...rows.map((r) => [r.filingNumber, r.name, r.regionCode, r.constructorName, r.constructorCreditCode].join(',')),
  ];
  return { name: '项目导入.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf8') };
}

let filingSequence = 0;

/** A 13-character 监督备案号 unique within the run (time, a per-worker counter and randomness). */
export function makeFilingNumber(): string {
  filingSequence += 1;
  const random = Math.floor(Math.random() * 100).toString().padStart(2, '0');
  return `3201${Date.now().toString().slice(-5)}${random}${String(filingSequence % 100).padStart(2, '0')}`;
}

/** Resolves once a service worker controls the page (the first visit installs it and claims the page). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
