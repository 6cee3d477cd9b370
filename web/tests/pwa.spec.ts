import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { apiLogin, expect, test } from './fixtures';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser';

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  display: string;
  start_url: string;
  theme_color: string;
  icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
}

/** Resolves once a service worker controls the page (the first visit installs it and claims the page). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('the manifest is linked and describes an installable Chinese app with real icons', async ({
  page,
  request,
}) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');

  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({
    name: '安管 · 建筑施工安全管理',
    short_name: '安管',
    lang: 'zh-CN',
    display: 'standalone',
    start_url: '/',
    theme_color: '#1d4e89',
  });
  for (const [sizes, purpose] of [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['192x192', 'maskable'],
    ['512x512', 'maskable'],
  ] as const) {
    const icon = manifest.icons.find((i) => i.sizes === sizes && i.purpose === purpose);
    expect(icon, `${purpose} icon ${sizes}`).toBeDefined();
    const png = await request.get(icon!.src);
    expect(png.headers()['content-type']).toBe('image/png');
    const bytes = await png.body();
    // PNG signature, then the IHDR width and height.
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const [width, height] = sizes.split('x').map(Number);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([width, height]);
  }
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', manifest.theme_color);
});

test('the service worker registers and controls the page', async ({ page }) => {
  await page.goto('/login');
  await waitForServiceWorker(page);
  const scriptURL = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
  expect(scriptURL).toBe(`${BASE_URL}/service-worker.js`);
});

test('after one visit the login page renders offline', async ({ page, context }) => {
  await page.goto('/login');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
  await page.goto('/register');
  await expect(page.getByRole('heading', { name: '企业注册' })).toBeVisible();
  await context.setOffline(false);
});

test('after one signed-in visit the shell renders offline, with the user and an offline notice', async ({
  page,
  context,
  enterprise,
}) => {
  await apiLogin(page, enterprise.creditCode, enterprise.password);
  await page.goto('/projects');
  await expect(page.getByTestId('current-user')).toContainText(enterprise.name);
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: '项目信息' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('安全总监');
  await expect(page.getByText('当前离线')).toBeVisible();
  // Deep links resolve to the cached shell too.
  await page.goto('/alerts');
  await expect(page.getByRole('heading', { name: '预警提醒' })).toBeVisible();
  await context.setOffline(false);
});

test('退出登录 without network still ends the session once the network returns', async ({
  page,
  context,
  enterprise,
}) => {
  await apiLogin(page, enterprise.creditCode, enterprise.password);
  await page.goto('/projects');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await context.setOffline(false);
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/login$/);
  // The server agrees: the old session cookie no longer works.
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);
});

test('安装应用 appears when the browser offers installation and opens its dialog', async ({ page }) => {
  await page.goto('/login');
  const install = page.getByRole('button', { name: '安装应用' });
  await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
  await expect(install).toHaveCount(0);
  // Headless Chromium never offers installation by itself; fire the event the way Chromium does.
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: () => {
        (window as unknown as { installPrompted: boolean }).installPrompted = true;
        return Promise.resolve();
      },
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    window.dispatchEvent(offer);
  });
  await install.click();
  expect(
    await page.evaluate(() => (window as unknown as { installPrompted?: boolean }).installPrompted),
  ).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: '已安装到桌面' })).toBeVisible();
  await expect(install).toHaveCount(0);
});

test('Chromium reports no installability errors (persistent profile: incognito is never installable)', async () => {
  const profile = mkdtempSync(path.join(tmpdir(), 'anguan-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL: BASE_URL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/login');
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toBe(`${BASE_URL}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    await expect
      .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors)
      .toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
