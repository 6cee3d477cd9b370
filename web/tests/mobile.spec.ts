import { apiLogin, expect, test } from './fixtures';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('on a 360-px phone the navigation opens from the menu button and works', async ({
  page,
  enterprise,
}) => {
  await apiLogin(page, enterprise.creditCode, enterprise.password);
  await page.goto('/projects');
  await expect(page.getByRole('heading', { name: '项目信息' })).toBeVisible();

  const nav = page.getByRole('navigation', { name: '主导航' });
  const menu = page.getByRole('button', { name: '菜单' });
  await expect(nav.getByRole('link', { name: '账号管理' })).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');

  await menu.tap();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByText(enterprise.name)).toBeVisible();
  await nav.getByRole('link', { name: '账号管理' }).tap();

  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByRole('heading', { name: '账号管理' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '账号管理' })).toBeHidden();

  // Nothing spills sideways.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);

  await menu.tap();
  await expect(nav.getByRole('button', { name: '退出登录' })).toBeVisible();
  await nav.getByRole('button', { name: '退出登录' }).tap();
  await expect(page).toHaveURL(/\/login$/);
});

test('on a 360-px phone the login page fits without sideways scrolling', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeInViewport();
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
});
