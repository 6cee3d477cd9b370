/**
 * Logging out on a shared site phone: what the server has not received stays on the device (the only copy) and
 * goes up after the next login without reopening the inspection; with nothing unsent, the device keeps nothing.
 */
import type { Page } from '@playwright/test';
import { apiLogin, expect, test, uiLogin } from './fixtures';
import { DEMO_PASSWORD, signedIn } from './support/demo';
import { badge, newSheetInspection, openTable, ruleToggle } from './support/sheets';

const INSPECTOR = '13800000001';
const DIRECTOR = '91320100MA1MXX0A01';
const RULE = 'safety_management.07.03';

const deviceDatabases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));

async function logOut(page: Page) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('work made offline survives logout and reaches the server after the next login, unopened', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const inspector = await signedIn(browser, INSPECTOR);
  const id = await newSheetInspection(inspector, 'JGJ59-2011');
  await openTable(inspector, 'safety_management');

  await inspector.context().setOffline(true);
  await expect(badge(inspector)).toHaveAttribute('data-state', '离线');
  await ruleToggle(inspector, RULE).click();
  await expect(badge(inspector)).toHaveAttribute('data-state', '已保存到本机');

  const warning = inspector.waitForEvent('dialog');
  const clicked = inspector.getByRole('button', { name: '退出登录' }).click();
  const dialog = await warning;
  expect(dialog.message()).toContain('未上传到服务器');
  await dialog.accept();
  await clicked;
  await expect(inspector).toHaveURL(/\/login/);
  await expect.poll(() => deviceDatabases(inspector)).toContain(`inspection:${id}`);

  await inspector.context().setOffline(false);
  await uiLogin(inspector, INSPECTOR, DEMO_PASSWORD);
  await expect(inspector).not.toHaveURL(/\/login/);

  // The director never saw the deduction; it arrives although the inspector did not reopen the inspection.
  const director = await signedIn(browser, DIRECTOR);
  await expect
    .poll(
      async () => {
        await director.goto(`/inspections/${id}`);
        await expect(badge(director)).toHaveAttribute('data-state', '已同步');
        await openTable(director, 'safety_management');
        return ruleToggle(director, RULE).getAttribute('aria-pressed');
      },
      { timeout: 30_000 },
    )
    .toBe('true');
  await director.context().close();
  await inspector.context().close();
});

test('logging out with everything sent leaves none of the account’s data on the device', async ({ browser }) => {
  const inspector = await signedIn(browser, INSPECTOR);
  const id = await newSheetInspection(inspector, 'JGJ59-2011');
  await openTable(inspector, 'safety_management');
  await ruleToggle(inspector, RULE).click();
  await expect(badge(inspector)).toHaveAttribute('data-state', '已同步');
  await expect.poll(() => deviceDatabases(inspector)).toContain(`inspection:${id}`);

  await logOut(inspector);
  await expect
    .poll(async () => (await deviceDatabases(inspector)).filter((name) => /^(inspection:|anguan-api-cache)/.test(name)))
    .toEqual([]);
  // And the next person on this phone is asked to sign in rather than shown the inspection.
  await inspector.goto(`/inspections/${id}`);
  await expect(inspector).toHaveURL(/\/login/);
  await apiLogin(inspector, INSPECTOR, DEMO_PASSWORD);
  await inspector.context().close();
});
