/**
 * 新建检查's project combobox on a 360-px phone: type part of a 监督备案号 or name, move with the arrow keys, choose
 * with Enter, Escape closes; an empty search says 没有匹配的项目; the page stays axe-clean closed, open and empty,
 * fits the phone, and works offline from the device's saved project list.
 */
import { apiLogin, expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROJECT_LABEL } from './support/demo';

const PHONE = { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true };

test('the project picker is searchable and keyboard-usable on a phone, and offline from the saved list', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await apiLogin(page, DEMO_ACCOUNTS.inspector, DEMO_PASSWORD);
  await page.goto('/inspections/new?method=jgj59');
  const picker = page.getByRole('combobox', { name: '项目', exact: true });
  const status = page.getByTestId('project-picker-status');
  await expect(picker).toBeVisible();
  await expect(picker).toHaveValue('');
  await expect(page.getByRole('button', { name: '开始检查' })).toBeDisabled();
  await expectNoAxeViolations(page);

  // By part of the name: only matching projects are offered, the count is announced.
  await picker.fill('安置房');
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  for (const text of await options.allTextContents()) expect(text).toContain('安置房');
  await expect(status).toHaveText(/^找到 \d+ 个项目/);
  await expectNoAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // Nothing matches: the list closes and the status says so.
  await picker.fill('不存在的工程');
  await expect(status).toHaveText('没有匹配的项目');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // By the 监督备案号, with the keyboard only: the arrow highlights, Enter chooses, the list closes.
  const filing = DEMO_PROJECT_LABEL.split(' ')[0]!;
  await picker.fill('');
  await picker.pressSequentially(filing);
  await expect(page.getByRole('option', { name: DEMO_PROJECT_LABEL, exact: true })).toBeVisible();
  await picker.press('ArrowDown');
  await expect(page.getByRole('option', { name: DEMO_PROJECT_LABEL, exact: true })).toHaveAttribute(
    'data-highlighted',
    '',
  );
  await picker.press('Enter');
  await expect(picker).toHaveValue(DEMO_PROJECT_LABEL);
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '开始检查' })).toBeEnabled();

  // Escape closes an open list and keeps the choice.
  await picker.press('ArrowDown');
  await expect(page.getByRole('listbox')).toBeVisible();
  await picker.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '开始检查' })).toBeEnabled();

  // Offline: the list comes from the device and still searches.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByText('当前离线，显示的是本机保存的项目列表')).toBeVisible();
  await picker.fill(filing);
  await page.getByRole('option', { name: DEMO_PROJECT_LABEL, exact: true }).click();
  await expect(picker).toHaveValue(DEMO_PROJECT_LABEL);
  await context.setOffline(false);
  await context.close();
});
