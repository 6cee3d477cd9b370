/**
 * 按扬尘标准检查 end to end on a phone: anguan's own dust checklist (labelled as such, never as DGJ32/J203-2016's
 * table), its 不达标 rule as it happens (a 六个百分百 item at 0 sets the sheet to 0), then a sealed result that
 * the page, the server and the .xlsx show exactly as the engine scores it.
 */
import { formatScore, scoreDust } from '@anguan/standards';
import { expect as baseExpect, test } from './fixtures';

// Whole workflows with three phones on a shared 2-core machine: each step may wait longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });
import { catalogs, fullSheet, newSheetInspection, openTable, phoneSignedIn, rule, ruleToggle, xlsxTexts } from './support/sheets';

test('a dust inspection shows its provisional checklist, its 不达标 rule, and seals with the engine’s grade', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await phoneSignedIn(browser, '13800000001');
  const id = await newSheetInspection(page, '扬尘防治（DGJ32/J203-2016）');
  await expect(page.getByTestId('certainty')).toContainText('安管自编检查表（参照 DGJ32/J 203-2016，非该标准原表）');

  // 围挡 is one of the 六个百分百 (保证项目): deducting all of it sets the sheet to 0 and the result to 不达标.
  await ruleToggle(page, 'dust.02.01').click();
  await rule(page, 'dust.02.01').locator('select').selectOption('10');
  await expect(page.getByTestId('zero-reason')).toContainText('保证项目“围挡”得 0 分，本表记 0 分');
  await expect(page.getByTestId('sheet-score')).toHaveText('0.00');
  await expect(page.getByTestId('bar-total')).toHaveText('0.00');
  await expect(page.locator('.bar')).toContainText('不达标');

  // Undo by tapping again; two 每处 occurrences and a fixed deduction instead.
  await ruleToggle(page, 'dust.02.01').click();
  await expect(page.getByTestId('zero-reason')).toHaveCount(0);
  await ruleToggle(page, 'dust.06.01').click();
  await rule(page, 'dust.06.01').getByRole('button', { name: /增加/ }).click();
  await ruleToggle(page, 'dust.09.02').click();
  await ruleToggle(page, 'dust.10.01').click();
  await rule(page, 'dust.10.01').locator('select').selectOption('7');
  const expected = scoreDust({
    sheets: [
      fullSheet(catalogs.dust, 'dust', {
        deductions: [
          { ruleId: 'dust.06.01', occurrences: 2 },
          { ruleId: 'dust.09.02' },
          { ruleId: 'dust.10.01', points: 7 },
        ],
      }),
    ],
  });
  const total = formatScore(expected.total!);
  await expect(page.getByTestId('sheet-score')).toHaveText(total);
  await page.getByRole('button', { name: '保存检查项' }).click();

  await openTable(page, 'summary');
  await expect(page.getByTestId('certainty')).toContainText('不是该标准的原表');
  await expect(page.getByTestId('summary-total')).toHaveText(total);
  await expect(page.getByTestId('summary-grade')).toHaveText(expected.grade!.grade);
  await expect(page.getByTestId('grade-reason')).toHaveText(expected.grade!.message);
  await page.getByLabel('评语（必填）').fill('裸土覆盖不到位两处，建筑垃圾未及时清运。');
  await page.getByRole('button', { name: '保存汇总' }).click();
  await expect(page.getByTestId('sealed')).toBeVisible();
  await expect(page.getByRole('link', { name: '下载汇总表' })).toBeVisible();

  const answer = await page.request.get(`/api/inspections/${id}`);
  const { inspection } = (await answer.json()) as { inspection: { total: string; grade: string } };
  expect(inspection).toMatchObject({ total, grade: expected.grade!.grade });
  const xlsx = await page.request.get(`/api/inspections/${id}/summary.xlsx`);
  expect(xlsx.status()).toBe(200);
  const texts = await xlsxTexts(await xlsx.body());
  expect(texts).toContain(total);
  expect(texts).toContain(expected.grade!.grade);

  await page.getByRole('link', { name: '打印' }).click();
  await expect(page.getByText(`总得分：${total}`)).toBeVisible();
  await expect(page.getByText('评语：裸土覆盖不到位两处')).toBeVisible();
});
