/**
 * 按JGJ59检查 on two phones: two inspectors of the demo enterprise (李安全 13800000001, 赵质检 13800000002) score
 * one inspection together, one of them offline for a while; a 缺项 sheet, two tower-crane sheets, range and
 * per-person deductions; 保存汇总 seals it, and the page, the server and the .xlsx show the engine's total/grade.
 */
import AxeBuilder from '@axe-core/playwright';
import { formatScore, scoreJgj59 } from '@anguan/standards';
import { expect as baseExpect, test } from './fixtures';

// Whole workflows with three phones on a shared 2-core machine: each step may wait longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });
import {
  badge,
  catalogs,
  fullSheet,
  navEntry,
  newSheetInspection,
  openTable,
  phoneSignedIn,
  rule,
  ruleToggle,
  xlsxTexts,
} from './support/sheets';

const A = '13800000001';
const B = '13800000002';
const PROJECT_DEPARTMENT = '3201002025001';

test('two inspectors score a JGJ59 inspection together, offline included, and seal it', async ({ browser }) => {
  test.setTimeout(240_000);
  const a = await phoneSignedIn(browser, A);
  const b = await phoneSignedIn(browser, B);
  const id = await newSheetInspection(a, 'JGJ59-2011');
  await b.goto(`/inspections/${id}`);
  await expect(badge(b)).toHaveAttribute('data-state', '已同步');

  // A on the tower crane: B sees where A is, then A's range deduction.
  await openTable(a, 'tower_crane');
  const entry = await navEntry(b, 'tower_crane');
  await expect(entry.getByTestId('table-presence')).toContainText('李安全');
  await b.keyboard.press('Escape');
  await ruleToggle(a, 'tower_crane.07.04').click();
  await rule(a, 'tower_crane.07.04').locator('select').selectOption('8');
  await expect(rule(a, 'tower_crane.07.04').getByTestId('rule-deducted')).toHaveText('扣 8 分');
  await openTable(b, 'tower_crane');
  await expect(ruleToggle(b, 'tower_crane.07.04')).toHaveAttribute('aria-pressed', 'true');
  await expect(rule(b, 'tower_crane.07.04').locator('select')).toHaveValue('8');
  await expect(b.getByTestId('sheet-score')).toHaveText(await a.getByTestId('sheet-score').textContent() ?? '');

  // A second tower crane, with its own label.
  await a.getByRole('button', { name: '再加一张' }).click();
  await a.getByLabel('名称（如 2号塔吊）').fill('2号塔吊');
  await a.getByRole('button', { name: '添加', exact: true }).click();
  await expect(a.getByRole('button', { name: '2号塔吊' })).toHaveAttribute('aria-pressed', 'true');
  await ruleToggle(a, 'tower_crane.08.01').click();

  // B: per-person and range deductions, an item 缺项, and a whole 缺项 sheet.
  await openTable(b, 'safety_management');
  await ruleToggle(b, 'safety_management.08.02').click();
  await rule(b, 'safety_management.08.02').getByRole('button', { name: /增加/ }).click();
  await rule(b, 'safety_management.08.02').getByRole('button', { name: /增加/ }).click();
  await expect(rule(b, 'safety_management.08.02').getByTestId('occurrences')).toHaveText('3');
  await ruleToggle(b, 'safety_management.01.03').click();
  await rule(b, 'safety_management.01.03').locator('select').selectOption('4');
  await b.locator('[data-item-id="safety_management.10"]').getByLabel('本项缺项').check();
  await openTable(b, 'civilized_construction');
  await b.getByLabel('本表缺项').check();

  // B goes offline and deducts; A deducts meanwhile; both converge when B returns.
  await expect(badge(b)).toHaveAttribute('data-state', '已同步');
  await b.context().setOffline(true);
  await expect(badge(b)).toHaveAttribute('data-state', '离线');
  await openTable(b, 'safety_management');
  await ruleToggle(b, 'safety_management.07.03').click();
  await expect(badge(b)).toHaveAttribute('data-state', '已保存到本机');
  await ruleToggle(a, 'tower_crane.09.02').click();
  await b.context().setOffline(false);
  await expect(badge(b)).toHaveAttribute('data-state', '已同步');

  const catalog = catalogs.jgj59;
  const expected = scoreJgj59({
    sheets: [
      fullSheet(catalog, 'tower_crane', { label: '1号', deductions: [{ ruleId: 'tower_crane.07.04', points: 8 }] }),
      fullSheet(catalog, 'tower_crane', {
        label: '2号塔吊',
        deductions: [
          { ruleId: 'tower_crane.08.01', points: 5 },
          { ruleId: 'tower_crane.09.02', points: 4 },
        ],
      }),
      fullSheet(catalog, 'safety_management', {
        naItems: ['safety_management.10'],
        deductions: [
          { ruleId: 'safety_management.08.02', occurrences: 3 },
          { ruleId: 'safety_management.01.03', points: 4 },
          { ruleId: 'safety_management.07.03', points: 2 },
        ],
      }),
      fullSheet(catalog, 'civilized_construction', { notApplicable: true }),
    ],
  });
  const total = formatScore(expected.total!);
  await expect(a.getByTestId('bar-total')).toHaveText(total);
  await expect(b.getByTestId('bar-total')).toHaveText(total);

  // The project department reads the enterprise's inspection and sees no editing control at all.
  const reader = await phoneSignedIn(browser, PROJECT_DEPARTMENT);
  await reader.goto(`/inspections/${id}`);
  await expect(reader.getByTestId('readonly-note')).toBeVisible();
  await openTable(reader, 'safety_management');
  await expect(reader.locator('[data-rule-id="safety_management.08.02"]')).toContainText('已扣 6 分');
  await expect(reader.locator(
      ['button[aria-pressed]', 'input', 'select', 'textarea'].map((tag) => `[data-testid="sheet-page"] ${tag}`).join(', '),
    )).toHaveCount(0);
  await expect(reader.getByRole('button', { name: /保存检查项|清空当前检查|再加一张|加入检查/ })).toHaveCount(0);
  await openTable(reader, 'summary');
  await expect(reader.getByTestId('summary-total')).toHaveText(total);
  await expect(reader.getByRole('button', { name: '保存汇总' })).toHaveCount(0);

  // 保存汇总 refuses while sub-tables are unsaved and without 评语, saying which.
  await openTable(a, 'summary');
  await a.getByRole('button', { name: '保存汇总' }).click();
  await expect(a.getByTestId('seal-problems')).toContainText('表B.17 塔式起重机检查评分表（1号）');
  await expect(a.getByTestId('seal-problems')).toContainText('请填写评语');
  for (const [page, table, label] of [
    [a, 'tower_crane', '1号'],
    [a, 'tower_crane', '2号塔吊'],
    [b, 'safety_management', null],
  ] as const) {
    await openTable(page, table);
    if (label) await page.getByRole('button', { name: label }).click();
    await page.getByRole('button', { name: '保存检查项' }).click();
    await expect(page.getByRole('button', { name: '已保存' })).toBeVisible();
  }
  await expect(await navEntry(a, 'tower_crane')).toContainText('已保存');
  await a.keyboard.press('Escape');
  await openTable(a, 'summary');
  await expect(a.getByTestId('full-marks')).toContainText('文明施工检查评分表：整表缺项');
  await a.getByLabel('评语（必填）').fill('塔吊附着装置需整改，安全管理资料基本齐全。');
  await a.getByRole('button', { name: '保存汇总' }).click();
  await expect(a.getByTestId('sealed')).toBeVisible();

  // Page, server and xlsx agree with the engine.
  await expect(a.getByTestId('summary-total')).toHaveText(total);
  await expect(a.getByTestId('summary-grade')).toHaveText(expected.grade!.grade);
  await expect(b.getByTestId('readonly-note')).toBeVisible();
  const answer = await a.request.get(`/api/inspections/${id}`);
  expect(answer.status()).toBe(200);
  const { inspection } = (await answer.json()) as { inspection: { total: string; grade: string } };
  expect(inspection).toMatchObject({ total, grade: expected.grade!.grade });
  const xlsx = await a.request.get(`/api/inspections/${id}/summary.xlsx`);
  expect(xlsx.status()).toBe(200);
  const texts = await xlsxTexts(await xlsx.body());
  expect(texts).toContain(total);
  expect(texts).toContain(expected.grade!.grade);
  expect(texts.join('\n')).toContain('塔吊附着装置需整改');
});

for (const [name, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
] as const) {
  test(`the sheet page and its summary pass axe on a ${name}`, async ({ browser }) => {
    // axe walks the whole page (19 sub-tables in the list, every rule of a table) on a busy 2-core machine.
    test.setTimeout(240_000);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const { apiLogin } = await import('./fixtures');
    await apiLogin(page, A, 'Anguan2026');
    await newSheetInspection(page, 'JGJ59-2011');
    await openTable(page, 'tower_crane');
    await ruleToggle(page, 'tower_crane.03.01').click();
    const sheetScan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(describeViolations(sheetScan.violations)).toEqual([]);
    await openTable(page, 'summary');
    const summaryScan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(describeViolations(summaryScan.violations)).toEqual([]);
  });
}

/** One line per violated rule with the elements it found, so a failure says what to fix. */
function describeViolations(violations: { id: string; nodes: { target: unknown[]; failureSummary?: string }[] }[]) {
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).join('; ')}`);
}
