/**
 * Driving the score-sheet page (按JGJ59检查 / 按扬尘标准检查) from e2e specs, and the engine input the same taps
 * produce, so a spec can compare the page and the exports with the standards engine.
 *
 * @module
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { getDustCatalog, getJgj59Catalog, type ScoringCatalog, type SheetInput } from '@anguan/standards';
import { apiLogin } from '../fixtures';
import { pickProject } from './project-picker';

export const DEMO_PASSWORD = 'Anguan2026';
export const DEMO_PROJECT = '3201002025001 河西南部安置房一期（A地块）';
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export async function phoneSignedIn(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await apiLogin(page, login, DEMO_PASSWORD);
  return page;
}

/** Starts an inspection of `method` on the demo project through 新建检查; returns its id. */
export async function newSheetInspection(page: Page, method: 'JGJ59-2011' | '扬尘防治（DGJ32/J203-2016）') {
  await page.goto('/inspections/new');
  await pickProject(page, DEMO_PROJECT);
  await page.getByLabel(method).check();
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('sheet-page')).toBeVisible();
  await expect(badge(page)).toHaveAttribute('data-state', '已同步');
  return page.url().split('/').at(-1) ?? '';
}

export const badge = (page: Page) => page.getByTestId('sync-badge');
export const rule = (page: Page, ruleId: string) => page.locator(`[data-rule-id="${ruleId}"]`);
export const ruleToggle = (page: Page, ruleId: string) => rule(page, ruleId).locator('button[aria-pressed]');

/** Opens a sub-table (or the summary) from the drawer on a phone, or the side list on a desktop. */
export async function openTable(page: Page, tableId: string | 'summary'): Promise<void> {
  const drawerButton = page.getByRole('button', { name: '分项列表' });
  const inDrawer = await drawerButton.isVisible();
  if (inDrawer) await drawerButton.click();
  const scope = inDrawer ? page.getByRole('dialog', { name: '分项检查评分表列表' }) : page.locator('.side');
  const target =
    tableId === 'summary' ? scope.getByTestId('nav-summary') : scope.locator(`[data-table-id="${tableId}"]`);
  await target.click();
  if (inDrawer) await expect(page.getByRole('dialog', { name: '分项检查评分表列表' })).toBeHidden();
}

/** The drawer's entry for a table (opens the drawer on a phone; close it with Escape). */
export async function navEntry(page: Page, tableId: string) {
  const drawerButton = page.getByRole('button', { name: '分项列表' });
  if (await drawerButton.isVisible()) await drawerButton.click();
  return page.getByRole('dialog', { name: '分项检查评分表列表' }).locator(`[data-table-id="${tableId}"]`);
}

/** A sheet as the engine takes it when every item of its table is listed (as the page and server do). */
export function fullSheet(
  catalog: ScoringCatalog,
  tableId: string,
  options: {
    label?: string;
    notApplicable?: boolean;
    naItems?: string[];
    deductions?: { ruleId: string; occurrences?: number; points?: number }[];
  },
): SheetInput {
  if (options.notApplicable) return { tableId, label: options.label ?? '', notApplicable: true };
  const table = catalog.tables.find((t) => t.id === tableId);
  if (!table) throw new Error(`no table ${tableId}`);
  return {
    tableId,
    label: options.label ?? '',
    items: table.items.map((item) =>
      options.naItems?.includes(item.id)
        ? { itemId: item.id, notApplicable: true }
        : {
            itemId: item.id,
            deductions: (options.deductions ?? []).filter((d) => d.ruleId.startsWith(`${item.id}.`)),
          },
    ),
  };
}

export const catalogs = { jgj59: getJgj59Catalog(), dust: getDustCatalog() };

/** Every cell of the first worksheet of an .xlsx, as text. */
export async function xlsxTexts(buffer: Buffer): Promise<string[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const texts: string[] = [];
  sheet?.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value;
      texts.push(typeof value === 'object' && value !== null ? (cell.text ?? '') : String(value ?? ''));
    }),
  );
  return texts;
}
