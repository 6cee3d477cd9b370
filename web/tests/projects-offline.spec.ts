/**
 * 项目信息 and a project overview open with no network from what this device saw last, saying how old it is.
 */
import { expect, test } from './fixtures';
import { DEMO_PROJECT, DIRECTOR, signedIn, waitForServiceWorker } from './support/projects';

test('项目信息 and an overview reload with no network, showing the last data and its age', async ({ browser }) => {
  const director = await signedIn(browser, DIRECTOR);
  await director.goto('/projects');
  await waitForServiceWorker(director);
  await expect(director.getByRole('link', { name: DEMO_PROJECT.filingNumber })).toBeVisible();
  await director.getByRole('link', { name: DEMO_PROJECT.filingNumber }).click();
  await expect(director.getByRole('heading', { level: 1, name: DEMO_PROJECT.name })).toBeVisible();
  await expect(director.getByRole('heading', { name: '基本信息' })).toBeVisible();

  await director.context().setOffline(true);
  await director.reload();
  await expect(director.getByRole('heading', { level: 1, name: DEMO_PROJECT.name })).toBeVisible();
  // Each section of the overview read from the device says its own age.
  await expect(director.getByTestId('stale-notice').first()).toContainText(
    /已离线 · 数据更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
  );
  await expect(director.getByRole('alert').filter({ hasText: /加载项目(概况|列表)失败/ })).toHaveCount(0);

  await director.goto('/projects');
  await expect(director.getByRole('link', { name: DEMO_PROJECT.filingNumber })).toBeVisible();
  await expect(director.getByTestId('stale-notice').first()).toBeVisible();
  await expect(director.getByRole('alert').filter({ hasText: /加载项目(概况|列表)失败/ })).toHaveCount(0);

  await director.context().setOffline(false);
  await director.reload();
  await expect(director.getByRole('link', { name: DEMO_PROJECT.filingNumber })).toBeVisible();
  await expect(director.getByTestId('stale-notice')).toHaveCount(0);
});
