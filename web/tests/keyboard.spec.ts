/**
 * Keyboard use of the shell (WCAG 2.1 AA): a skip link first, focus on the main heading after each navigation,
 * a phone drawer that keeps focus inside and gives it back on Escape, and focus rings that can be seen.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_ACCOUNTS, newInternalInspection, signedIn } from './support/demo';

const PHONE = { width: 375, height: 812 };

const focusedInside = (locator: Locator) =>
  locator.evaluate((element) => element.contains(document.activeElement));
const outline = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      style: style.outlineStyle,
      width: style.outlineWidth,
      color: style.outlineColor,
      border: style.borderColor,
    };
  });

test('the skip link comes first and lands on the page heading; a navigation focuses the new heading', async ({
  browser,
}) => {
  const page = await signedIn(browser, DEMO_ACCOUNTS.enterprise);
  await page.goto('/projects');
  await expect(page.getByRole('heading', { level: 1, name: '项目信息' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '项目信息' })).toBeFocused();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '预警提醒' }).click();
  await expect(page.locator('main h1')).toBeFocused();
});

test('the phone drawer keeps focus inside while open and gives it back to the menu button on Escape', async ({
  browser,
}) => {
  const page = await signedIn(browser, DEMO_ACCOUNTS.enterprise, PHONE);
  await page.goto('/projects');
  const menu = page.getByRole('button', { name: '菜单' });
  const nav = page.locator('#app-nav');
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => focusedInside(nav)).toBe(true);
  // More tabs than the drawer has stops: focus wraps within it, never reaching the page underneath.
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main, header') === null)).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
});

test('拍照 shows a focus ring when reached by keyboard', async ({ browser }) => {
  const page = await signedIn(browser, DEMO_ACCOUNTS.enterprise);
  await newInternalInspection(page);
  await page.getByLabel('备注').focus();
  // The next stop after 备注 is the file input inside its label.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('拍照', { exact: true })).toBeFocused();
  const ring = await outline(page, 'label.add:first-of-type');
  expect(ring.style).toBe('solid');
  expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
});

test('an invalid field’s focus ring differs from its red error border', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const account = page.getByLabel('账号');
  await expect(account).toBeFocused();
  await expect(account).toHaveAttribute('aria-invalid', 'true');
  const ring = await outline(page, '#field-login');
  expect(ring.style).toBe('solid');
  expect(ring.color).toBe('rgb(29, 78, 137)');
  expect(ring.border).not.toBe(ring.color);
});
