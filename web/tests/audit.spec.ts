/**
 * 安全审计: an enterprise account finds its members' security events, narrows them with the filters, and
 * downloads what it sees as .xlsx; a phone shows the same rows as cards.
 */
import ExcelJS from 'exceljs';
import { apiCreateInspector, apiLogin, expect, test } from './fixtures';
import { BASE_URL } from './support/browser';
import { makeInspector } from './support/factories';

test('the enterprise finds a member’s failed login, filters by event type and actor, and exports it', async ({
  page,
  enterprise,
}) => {
  await apiLogin(page, enterprise.creditCode, enterprise.password);
  const inspector = makeInspector({ name: '周审计' });
  await apiCreateInspector(page, inspector);
  const failed = await page.request.post('/api/auth/login', {
    data: { login: inspector.phone, password: 'Wrong98765' },
    headers: { origin: BASE_URL },
    // Another device: the failure must not touch this context's session.
    failOnStatusCode: false,
  });
  expect(failed.status()).toBe(401);

  await page.goto('/projects');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '安全审计' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '安全审计' })).toBeFocused();
  const rows = page.getByTestId('audit-row');
  await expect(rows.filter({ hasText: '登录失败' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '新增账号' })).toHaveCount(1);

  await page.getByLabel('事件类型').selectOption({ label: '登录失败' });
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(inspector.phone);
  await expect(page.getByText('共 1 条记录')).toBeVisible();

  const exportLink = page.getByTestId('audit-export');
  await expect(exportLink).toHaveAttribute('href', '/api/audit/export.xlsx?type=login.failed');
  const download = page.waitForEvent('download');
  await exportLink.click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  const sheet = workbook.getWorksheet('安全审计');
  expect(sheet?.getRow(1).getCell(2).text).toBe('事件');
  expect(sheet?.actualRowCount).toBe(2);
  expect(sheet?.getRow(2).getCell(2).text).toBe('登录失败');

  await page.getByLabel('事件类型').selectOption({ label: '全部' });
  await page.getByLabel('操作人').fill('没有这个人');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.getByRole('heading', { name: '没有符合条件的记录' })).toBeVisible();

  await page.getByLabel('开始日期').fill('2026-03-02');
  await page.getByLabel('结束日期').fill('2026-03-01');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page.locator('#audit-range-error')).toHaveText('结束日期不能早于开始日期');
});

test('on a phone the audit rows are cards, and offline the page says the records need the network', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await apiLogin(page, 'nanjing', 'Anguan2026');
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: '安全审计' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.locator('.audit-table thead')).toBeHidden();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);

  await context.setOffline(true);
  await expect(page.getByText('当前离线：安全审计记录保存在服务器上')).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText('当前离线：安全审计记录保存在服务器上')).toBeHidden();
  await context.close();
});

test('an inspector has no 安全审计 in the nav and the page says 无权查看', async ({ page }) => {
  await apiLogin(page, '13800000001', 'Anguan2026');
  await page.goto('/audit');
  await expect(page.getByRole('alert')).toContainText('无权查看');
  await expect(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '安全审计' }),
  ).toHaveCount(0);
});
