/**
 * 标准化月评: the enterprise's statistics (未月评 by default, 已月评 with scans) and a project department's upload
 * made with no network, seen by the enterprise once it synced. Demo province: 江苏安建 and its project 3201002025001.
 */
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { ONE_PAGE_PDF } from './support/pdf';
import { solidPng } from './support/png';
import { DEMO_PROJECT, DIRECTOR, signedIn, waitForServiceWorker } from './support/projects';

// Whole workflows with several axe-core passes (each takes seconds on a 2-core machine).
test.describe.configure({ timeout: 180_000 });

test('月评统计 lists the in-construction projects without this month’s evaluation by default', async ({
  browser,
}) => {
  const director = await signedIn(browser, DIRECTOR);
  await director.goto('/monthly');
  await expect(director.getByRole('heading', { level: 1, name: '标准化月评统计' })).toBeVisible();
  await expect(director.getByRole('button', { name: '未月评' })).toHaveAttribute('aria-pressed', 'true');
  const now = new Date(Date.now() + 8 * 3600_000);
  await expect(director.getByRole('combobox', { name: /^年份/ })).toHaveValue(String(now.getUTCFullYear()));
  await expect(director.getByRole('combobox', { name: /^月份/ })).toHaveValue(String(now.getUTCMonth() + 1));
  // 江北新区研创园综合楼 is in construction and nobody evaluates it in these specs.
  await expect(director.getByTestId('monthly-row').filter({ hasText: '3201002025014' })).toBeVisible();
  await expect(director.getByTestId('monthly-row').filter({ hasText: '3201002023052' })).toHaveCount(0);
  await expectNoAxeViolations(director);
});

test('a project department uploads its monthly evaluation offline; the enterprise pages through its photo and PDF scans after sync', async ({
  browser,
}) => {
  const department = await signedIn(browser, DEMO_PROJECT.filingNumber);
  await department.goto('/monthly');
  await expect(department.getByRole('heading', { level: 1, name: '标准化月评' })).toBeVisible();
  await waitForServiceWorker(department);
  await expectNoAxeViolations(department);

  await department.context().setOffline(true);
  await department.getByLabel(/月评表扫描件或照片/).setInputFiles([
    { name: '月评表.png', mimeType: 'image/png', buffer: solidPng(64, 48, [200, 30, 30]) },
    { name: '月评表.pdf', mimeType: 'application/pdf', buffer: ONE_PAGE_PDF },
  ]);
  await department.getByLabel(/自评分/).fill('88.5');
  await department.getByRole('button', { name: '提交月评' }).click();
  await expect(department.getByText('已保存到本机，联网后自动上传')).toBeVisible();
  const upload = department.getByTestId('local-upload').first();
  await expect(upload.getByTestId('upload-state')).toHaveText('待上传');

  await department.context().setOffline(false);
  await expect(upload.getByTestId('upload-state')).toHaveText('已上传', { timeout: 20_000 });

  const director = await signedIn(browser, DIRECTOR);
  await director.goto('/monthly');
  await director.getByRole('button', { name: '已月评' }).click();
  const row = director.getByTestId('monthly-row').filter({ hasText: DEMO_PROJECT.filingNumber });
  // The server materializes the document shortly after it synced.
  await expect(async () => {
    await director.getByRole('button', { name: '未月评' }).click();
    await director.getByRole('button', { name: '已月评' }).click();
    await expect(row).toContainText('88.5', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expectNoAxeViolations(director);
  await row.getByRole('button', { name: /查看扫描件/ }).click();
  const dialog = director.getByRole('dialog', { name: /月评扫描件/ });
  const viewer = director.getByTestId('scan-viewer');
  /** The page's scan once loaded: the photo at its own size, or the PDF framed from a blob: URL (CSP refuses more). */
  const shownScan = async () => {
    const scan = viewer.locator('img, iframe[src^="blob:"]');
    await expect(scan).toHaveCount(1);
    const tag = await scan.evaluate((element) => element.tagName);
    if (tag === 'IMG') {
      await expect.poll(() => scan.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
    }
    return tag;
  };
  await expect(dialog).toContainText('1/2');
  const first = await shownScan();
  await dialog.getByRole('button', { name: '下一页' }).click();
  await expect(dialog).toContainText('2/2');
  expect([first, await shownScan()].sort()).toEqual(['IFRAME', 'IMG']);
});
