/**
 * 统计分析: a director's charts render and their tables say what the API says; a drill-down lands on the records
 * behind a figure; a supervisor sees the ranking of enterprises. Demo province: 江苏安建 and 南京.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_ACCOUNTS, signedIn } from './support/demo';

test.describe.configure({ timeout: 180_000 });

interface Table {
  id: string;
  columns: { key: string; kind: string }[];
  rows: Record<string, string | number | null>[];
}

const cellText = (value: string | number | null, kind: string) =>
  value === null || value === '' ? '—' : kind === 'percent' ? `${value}%` : String(value);

async function expectTablesAsTheApiSays(page: Page): Promise<void> {
  for (const section of ['projects', 'inspections'] as const) {
    const answer = (await (await page.request.get(`/api/stats/${section}`)).json()) as { tables: Table[] };
    for (const table of answer.tables) {
      const figure = page.getByTestId(`stats-table-${table.id}`);
      await expect(figure).toBeVisible();
      if (table.rows.length === 0) continue;
      const rows = figure.locator('tbody tr');
      await expect(rows).toHaveCount(table.rows.length);
      const expected = table.rows.map((row) =>
        table.columns.map((c) => cellText(row[c.key] ?? null, c.kind)),
      );
      const shown = await rows.evaluateAll(
        (trs, n) => trs.map((tr) => [...tr.children].slice(0, n).map((cell) => cell.textContent!.trim())),
        table.columns.length,
      );
      expect(shown, table.id).toEqual(expected);
    }
  }
}

test('a director’s charts render and every table shows the API’s figures', async ({ browser }) => {
  const page = await signedIn(browser, DEMO_ACCOUNTS.enterprise, { width: 390, height: 844 });
  // Specs running beside this one seal inspections of the same demo enterprise, so a figure may change between the
  // page's answer and the test's: compare a fresh page with a fresh answer until both saw the same state.
  await expect(async () => {
    await page.goto('/stats');
    await expect(page.getByRole('heading', { level: 1, name: '统计分析' })).toBeVisible();
    await expectTablesAsTheApiSays(page);
  }).toPass({ timeout: 120_000 });
  await expect(page.getByTestId('chart-trend')).toHaveAttribute('data-rendered', 'true');
  await expect(page.getByTestId('chart-trend').locator('svg')).toBeVisible();
  await expect(page.getByTestId('chart-project-status')).toHaveAttribute('aria-label', /项目状态分布/);
  await expectNoAxeViolations(page);
});

test('the filters stay in the URL and a drill-down lands on the records behind the figure', async ({
  browser,
}) => {
  const page = await signedIn(browser, DEMO_ACCOUNTS.enterprise);
  await page.goto('/stats');
  await page.getByText('本月', { exact: true }).click();
  await expect(page).toHaveURL(/\/stats\?period=month$/);
  await page.getByText('本年', { exact: true }).click();
  await expect(page).toHaveURL(/\/stats$/);
  const answer = (await (await page.request.get('/api/stats/projects')).json()) as { tables: Table[] };
  const inConstruction = answer.tables.find((t) => t.id === 'project-status')!.rows[0]!;
  await page
    .getByTestId('stats-table-project-status')
    .getByRole('link', { name: /查看记录\s*：在建/ })
    .click();
  await expect(page).toHaveURL(/\/stats\/records\?kind=projects&status=in_construction/);
  await expect(page.getByTestId('records-total')).toHaveText(`共 ${inConstruction.count} 条`);
  await expect(page.getByTestId('records-table').locator('tbody tr').first()).toBeVisible();
  await expectNoAxeViolations(page);
  const first = page.getByTestId('records-table').locator('tbody tr').first().getByRole('link');
  const filing = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/projects/${filing}$`));
  await expect(page.getByText(filing).first()).toBeVisible();
});

test('a supervisor sees the region’s ranking of enterprises', async ({ browser }) => {
  const page = await signedIn(browser, DEMO_ACCOUNTS.supervisor);
  await page.goto('/stats');
  const answer = (await (await page.request.get('/api/stats/ranking')).json()) as { tables: Table[] };
  const ranking = answer.tables[0]!;
  expect(ranking.rows.length).toBeGreaterThan(1);
  const figure = page.getByTestId('stats-table-ranking');
  await expect(figure.locator('tbody tr')).toHaveCount(ranking.rows.length);
  await expect(figure.locator('tbody tr').first()).toContainText(String(ranking.rows[0]!.enterprise));
  await expect(page.getByTestId('chart-ranking')).toHaveAttribute('data-rendered', 'true');
  await expectNoAxeViolations(page);
});
