/**
 * Co-editing one inspection: two people on two devices, one of them losing the network, and a photo taken
 * offline. Uses the demo province (the e2e server loads it into its fresh database): 江苏安建's 安全总监 and
 * its inspector 李安全 on project 3201002025001.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { apiLogin, expect, test } from './fixtures';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser';
import { newInternalInspection } from './support/demo';
import { solidPng } from './support/png';
import { pickProject } from './support/project-picker';

const DEMO_PASSWORD = 'Anguan2026';
const DIRECTOR = '91320100MA1MXX0A01';
const INSPECTOR = '13800000001';

async function signedIn(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await apiLogin(page, login, DEMO_PASSWORD);
  return page;
}

/** Starts a 检查用语 inspection on the demo project through the UI; returns its URL. */
async function newInspection(page: Page): Promise<string> {
  await page.goto('/inspections/new');
  await pickProject(page, '3201002025001 河西南部安置房一期（A地块）');
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  await expect(badge(page)).toHaveAttribute('data-state', '已同步');
  return page.url();
}

const badge = (page: Page) => page.getByTestId('sync-badge');
const remarks = (page: Page) => page.getByLabel('备注');

test.describe('co-editing an inspection', () => {
  test('two people see each other’s edits and presence', async ({ browser }) => {
    const director = await signedIn(browser, DIRECTOR);
    const inspector = await signedIn(browser, INSPECTOR);
    const url = await newInspection(director);
    await inspector.goto(url);
    await expect(badge(inspector)).toHaveAttribute('data-state', '已同步');
    await expect(inspector.getByTestId('inspection-project')).toContainText('河西南部安置房一期（A地块）');

    await expect(director.getByTestId('presence')).toContainText('李安全');
    await expect(inspector.getByTestId('presence')).toContainText('江苏安建建设集团有限公司');

    await remarks(director).fill('3号楼外架连墙件缺失');
    await expect(remarks(inspector)).toHaveValue('3号楼外架连墙件缺失');

    await remarks(inspector).focus();
    await expect(director.getByTestId('presence')).toContainText('备注');
    await remarks(inspector).press('End');
    await remarks(inspector).pressSequentially('，已通知项目部');
    await expect(remarks(director)).toHaveValue('3号楼外架连墙件缺失，已通知项目部');
  });

  test('an edit made offline is kept on the device and merges when the network returns', async ({
    browser,
  }) => {
    const director = await signedIn(browser, DIRECTOR);
    const inspector = await signedIn(browser, INSPECTOR);
    const url = await newInspection(director);
    await inspector.goto(url);
    await expect(badge(inspector)).toHaveAttribute('data-state', '已同步');

    await inspector.context().setOffline(true);
    await expect(badge(inspector)).toHaveAttribute('data-state', '离线');
    await remarks(inspector).fill('塔吊限位失灵');
    await expect(badge(inspector)).toHaveAttribute('data-state', '已保存到本机');

    await remarks(director).fill('安全通道未封闭');

    await inspector.context().setOffline(false);
    await expect(badge(inspector)).toHaveAttribute('data-state', '已同步');
    // Both edits survive: Yjs merges the two texts. 已同步 on the inspector says only that the server has its
    // edit; the broadcast reaches the director later, so wait for both devices to hold both edits, then compare.
    for (const device of [director, inspector]) {
      await expect(remarks(device)).toHaveValue(/塔吊限位失灵/);
      await expect(remarks(device)).toHaveValue(/安全通道未封闭/);
    }
    await expect.poll(() => remarks(inspector).inputValue()).toBe(await remarks(director).inputValue());
  });

  test('a reload with no network shows what this device has', async ({ browser }) => {
    const director = await signedIn(browser, DIRECTOR);
    const url = await newInspection(director);
    await remarks(director).fill('基坑临边防护到位');
    await expect(badge(director)).toHaveAttribute('data-state', '已同步');
    // The service worker must have the shell before the network goes.
    await director.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await director.context().setOffline(true);
    await director.reload();
    await expect(remarks(director)).toHaveValue('基坑临边防护到位');
    await expect(badge(director)).toHaveAttribute('data-state', '离线');
    expect(director.url()).toBe(url);
  });

  test('a photo taken offline is downscaled, waits on the device and uploads once back online', async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const director = await signedIn(browser, DIRECTOR);
    const inspector = await signedIn(browser, INSPECTOR);
    // The scans of a 按企业内部标准检查 go through the same downscaling and upload queue as every photo.
    const url = await newInternalInspection(director);

    await director.context().setOffline(true);
    await director.getByLabel('拍照', { exact: true }).setInputFiles({
      name: '现场照片.png',
      mimeType: 'image/png',
      buffer: solidPng(4000, 3000),
    });
    // Downscaling a 12-megapixel photo takes seconds on a busy 2-core machine.
    await expect(director.getByTestId('scan-file')).toHaveCount(1, { timeout: 30_000 });
    await expect(director.getByTestId('pending-uploads')).toContainText('待上传 1 个文件');
    await expect(director.getByTestId('unsent-count')).toContainText('待上传 1');

    await director.context().setOffline(false);
    await expect(director.getByTestId('pending-uploads')).toBeHidden();
    await expect(director.getByTestId('unsent-count')).toBeHidden();

    // The other device gets the reference through the doc and the bytes from the server.
    await inspector.goto(url);
    // A second browser opening the page while the suite runs beside it may take longer than one expect's wait.
    await expect(inspector.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步', {
      timeout: 30_000,
    });
    const image = inspector.getByTestId('scan-file').locator('img');
    await expect(image).toHaveAttribute('src', /^\/api\/blobs\/[0-9a-f]{64}\?doc=inspection/, {
      timeout: 20_000,
    });
    const src = (await image.getAttribute('src')) ?? '';
    const response = await inspector.request.get(src);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/jpeg');
    // Long edge at most 2048 px, aspect ratio kept.
    const size = await inspector.evaluate(async (blobUrl) => {
      const bitmap = await createImageBitmap(await (await fetch(blobUrl)).blob());
      return [bitmap.width, bitmap.height];
    }, src);
    expect(size).toEqual([2048, 1536]);
  });
});

test('a document opened once opens offline after the app is restarted', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'anguan-restart-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      baseURL: BASE_URL,
    });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await apiLogin(page, DIRECTOR, DEMO_PASSWORD);
    const url = await newInspection(page);
    await remarks(page).fill('脚手架验收牌已挂');
    await expect(badge(page)).toHaveAttribute('data-state', '已同步');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.close();

    context = await launch();
    await context.setOffline(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await expect(remarks(page)).toHaveValue('脚手架验收牌已挂');
    await expect(badge(page)).toHaveAttribute('data-state', '离线');
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('logging out removes this account’s documents from the device once the server has them', async ({
  browser,
}) => {
  const director = await signedIn(browser, DIRECTOR);
  await newInspection(director);
  await remarks(director).fill('临时用电箱未上锁');
  await expect(badge(director)).toHaveAttribute('data-state', '已同步');
  const docDatabases = () =>
    director.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('inspection:')),
    );
  await expect.poll(docDatabases).toHaveLength(1);

  await director.getByRole('button', { name: '退出登录' }).click();
  await expect(director).toHaveURL(/\/login/);
  await expect.poll(docDatabases).toEqual([]);
});

test('the 企业检查 pages fit a 360-px phone without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await apiLogin(page, INSPECTOR, DEMO_PASSWORD);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  for (const path of ['/inspections', '/inspections/new']) {
    await page.goto(path);
    await expect(page.getByLabel('项目').first()).toBeVisible();
    await expect.poll(overflow, { message: path }).toBeLessThanOrEqual(0);
  }
  await newInspection(page);
  await expect.poll(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
