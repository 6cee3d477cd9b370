/**
 * Driving the sheet page from the benchmark, as the e2e specs do (web/tests/support/sheets.ts), plus CPU
 * throttling through the Chrome DevTools Protocol.
 *
 * @module
 */
import type { Browser, Page } from '@playwright/test';

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const PASSWORD = 'Anguan2026';
const PROJECT = '3201002025001 河西南部安置房一期（A地块）';

export async function signedInPhone(browser: Browser, baseUrl: string, login: string): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const response = await page.request.post('/api/auth/login', {
    data: { login, password: PASSWORD },
    headers: { origin: baseUrl },
  });
  if (response.status() !== 200) throw new Error(`login ${login}: ${response.status()}`);
  return page;
}

/** 4× slower CPU for this page (DevTools "4x slowdown"); 1 turns it off. */
export async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

export async function newJgj59Inspection(page: Page): Promise<string> {
  await page.goto('/inspections/new');
  await page.getByRole('combobox', { name: '项目', exact: true }).fill(PROJECT.split(' ')[0]!);
  await page.getByRole('option', { name: PROJECT, exact: true }).click();
  await page.getByLabel('JGJ59-2011').check();
  await page.getByRole('button', { name: '开始检查' }).click();
  await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
  await waitSynced(page);
  return page.url().split('/').at(-1) ?? '';
}

export async function waitSynced(page: Page): Promise<void> {
  await page.locator('[data-testid="sync-badge"][data-state="已同步"]').waitFor({ timeout: 60_000 });
}

/** The score sheet is on screen (it is loaded on demand, after the page's header and sync badge). */
export async function waitSheet(page: Page): Promise<void> {
  await page.locator('[data-testid="bar-total"]').waitFor({ timeout: 60_000 });
}

export async function openTable(page: Page, tableId: string): Promise<void> {
  await page.getByRole('button', { name: '分项列表' }).click();
  const drawer = page.getByRole('dialog', { name: '分项检查评分表列表' });
  await drawer.locator(`[data-table-id="${tableId}"]`).click();
  await drawer.waitFor({ state: 'hidden' });
}

/** Scores one sheet of every table: its first rule deducted, then 保存检查项. */
export async function fillEveryTable(page: Page, tables: readonly { id: string; firstRuleId: string }[]) {
  for (const table of tables) {
    await openTable(page, table.id);
    await page.locator(`[data-rule-id="${table.firstRuleId}"] button[aria-pressed]`).click();
    await page.getByRole('button', { name: '保存检查项' }).click();
    await page.getByRole('button', { name: '已保存' }).waitFor();
  }
  await waitSynced(page);
}
