/**
 * The demo province's accounts (README "Demo accounts"), which the e2e server loads into its fresh database.
 *
 * @module
 */
import type { Browser, Page } from '@playwright/test';
import { apiLogin, expect } from '../fixtures';
import { pickProject } from './project-picker';

export const DEMO_PASSWORD = 'Anguan2026';

/** One account per role; the inspection specs use 江苏安建's director, inspector and project 3201002025001. */
export const DEMO_ACCOUNTS = {
  enterprise: '91320100MA1MXX0A01',
  inspector: '13800000001',
  project: '3201002025001',
  supervisor: 'nanjing',
} as const;

/** Another enterprise's director (昆山), who may not read 江苏安建's inspections. */
export const OTHER_ENTERPRISE = '92320583L9UQ0T1R04';

export const DEMO_PROJECT_LABEL = '3201002025001 河西南部安置房一期（A地块）';

export async function signedIn(
  browser: Browser,
  login: string,
  viewport?: { width: number; height: number },
) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await apiLogin(page, login, DEMO_PASSWORD);
  return page;
}

/** Starts a 检查用语 inspection on the demo project through the UI; returns its URL once it has synced. */
export async function newInspection(page: Page): Promise<string> {
  await page.goto('/inspections/new');
  await pickProject(page, DEMO_PROJECT_LABEL);
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');
  return page.url();
}

/**
 * Starts a 按企业内部标准检查 inspection on the demo project (备注, scans, 加入检查: the plain form fields);
 * returns its URL once it has synced.
 */
export async function newInternalInspection(page: Page): Promise<string> {
  await page.goto('/inspections/new?method=internal');
  await pickProject(page, DEMO_PROJECT_LABEL);
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('internal-page')).toBeVisible();
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');
  return page.url();
}
