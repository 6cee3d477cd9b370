/**
 * 项目信息 and project overviews open with no network from what this device saw last, saying how old it is: every
 * section of the overview (not only the overview itself), after the project was changed elsewhere, and the
 * overviews of the list's first page that this device never opened (kept in the background from the list).
 * Independent of other specs: the change is made here, and the second project is whichever the list shows.
 * Also the list rows' equipment badges (issue 10), checked against the answer the page itself received.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BASE_URL } from './support/browser';
import { DEMO_PROJECT, DIRECTOR, signedIn, waitForServiceWorker } from './support/projects';

const SECTIONS = [
  '基本信息',
  '未完成的整改',
  '检查记录',
  '超危大工程',
  '机械设备',
  '标准化月评',
  '企业检查计划',
  '终止监督 / 安标考评',
];
const AGE = /已离线 · 数据更新于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

/** Every section heading is there, each with the device's data (none says it has nothing), and nothing alarms. */
async function expectWholeOverviewOffline(page: Page): Promise<void> {
  for (const name of SECTIONS) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${escape(name)}`) })).toBeVisible();
  }
  await expect(page.getByTestId('section-loading')).toHaveCount(0);
  await expect(page.getByTestId('stale-notice').first()).toContainText(AGE);
  await expect(page.getByTestId('section-not-on-device')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
}

/** Removes this device's stored answers for an API path (every user's), as if it had never been read. */
async function forgetAnswers(page: Page, path: string): Promise<void> {
  await page.evaluate(async (suffix) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('anguan-api-cache');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('answers', 'readwrite').objectStore('answers');
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const request = store.getAllKeys();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const gone = keys.filter((key) => String(key).endsWith(` ${suffix}`));
    await Promise.all(
      gone.map(
        (key) =>
          new Promise<void>((resolve, reject) => {
            const request = store.delete(key);
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    if (gone.length === 0) throw new Error(`no stored answer for ${suffix}`);
  }, path);
}

const escape = (text: string) => text.replace(/[/()]/g, '\\$&');

function todayInShanghai(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

test('an overview changed elsewhere, and the list’s other overviews, open offline with every section', async ({
  browser,
}) => {
  test.setTimeout(180_000); // two contexts, a background prefetch of a page of overviews, then offline reloads
  // Another browser of the enterprise changes the project: a new 企业检查计划 (its own cached answer).
  const elsewhere = await signedIn(browser, DIRECTOR);
  const overview = await elsewhere.request.get(`/api/projects/${DEMO_PROJECT.filingNumber}/overview`);
  expect(overview.status()).toBe(200);
  const { project } = (await overview.json()) as { project: { id: string } };
  const inspectorName = `离线核对${Date.now().toString().slice(-6)}`;
  const created = await elsewhere.request.post('/api/inspection-plans', {
    data: {
      projectId: project.id,
      inspectorUserId: null,
      inspectorName,
      frequency: 'quarterly',
      startDate: todayInShanghai(),
    },
    headers: { origin: BASE_URL },
  });
  expect(created.status(), await created.text()).toBe(201);
  await elsewhere.context().close();

  const director = await signedIn(browser, DIRECTOR);
  await director.goto('/projects');
  await waitForServiceWorker(director);
  // The first page's overviews are kept in the background; the list says so once they are on the device.
  await expect(director.getByTestId('offline-ready')).toContainText('已保存到本机', { timeout: 60_000 });
  const rows = director.getByTestId('project-row').locator('td:first-child a');
  const filingNumbers = (await rows.allTextContents()).map((text) => text.trim());
  const neverOpened = filingNumbers.find((n) => n !== DEMO_PROJECT.filingNumber);
  expect(neverOpened).toBeTruthy();

  await director.goto(`/projects/${DEMO_PROJECT.filingNumber}`);
  await expect(director.getByRole('heading', { level: 1, name: DEMO_PROJECT.name })).toBeVisible();
  await expect(director.getByText(inspectorName)).toBeVisible();
  await expect(director.getByTestId('section-loading')).toHaveCount(0);

  await director.context().setOffline(true);
  await director.reload();
  await expect(director.getByRole('heading', { level: 1, name: DEMO_PROJECT.name })).toBeVisible();
  await expectWholeOverviewOffline(director);
  // The section shows the latest answer this device saw, with the change made elsewhere.
  await expect(director.getByText(inspectorName)).toBeVisible();

  // A section this device never saw (its answer removed here) says so calmly; still nothing alarms.
  await forgetAnswers(director, `/inspection-plans?project=${DEMO_PROJECT.filingNumber}`);
  await director.reload();
  const plans = director.locator('section', { has: director.getByRole('heading', { name: '企业检查计划' }) });
  await expect(plans.getByTestId('section-not-on-device')).toHaveText('本机尚无此项数据，联网后显示');
  await expect(director.getByTestId('section-not-on-device')).toHaveCount(1);
  await expect(director.getByRole('heading', { level: 2, name: '机械设备' })).toBeVisible();
  await expect(director.getByRole('alert')).toHaveCount(0);

  await director.goto(`/projects/${neverOpened}`);
  // The title is the project's name (from the device), not the placeholder shown before any data.
  await expect(director.getByRole('heading', { level: 1 })).not.toHaveText(/^监督备案号/);
  await expectWholeOverviewOffline(director);

  await director.goto('/projects');
  await expect(director.getByRole('link', { name: neverOpened })).toBeVisible();
  await expect(director.getByTestId('stale-notice').first()).toContainText(AGE);
  await expect(director.getByRole('alert')).toHaveCount(0);
  await expect(director.getByTestId('offline-ready')).toHaveCount(0);

  await director.context().setOffline(false);
  await director.reload();
  await expect(director.getByRole('link', { name: neverOpened })).toBeVisible();
  await expect(director.getByTestId('stale-notice')).toHaveCount(0);
});

test('项目信息 rows carry equipment badges exactly when their counts are not zero, on a phone and a desktop', async ({
  browser,
}) => {
  const director = await signedIn(browser, DIRECTOR);
  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await director.setViewportSize(viewport);
    const answered = director.waitForResponse((r) => /\/api\/projects\?/.test(r.url()) && r.status() === 200);
    await director.goto('/projects');
    const { projects } = (await (await answered).json()) as {
      projects: Array<{
        filingNumber: string;
        equipmentAlerts: { expiredCertificates: number; overdueInspections: number };
      }>;
    };
    // The demo's older sites have operators whose certificates lapsed: the first page is not all zeros.
    expect(projects.some((p) => p.equipmentAlerts.expiredCertificates > 0)).toBe(true);
    for (const project of projects) {
      const row = director
        .getByTestId('project-row')
        .filter({ has: director.getByRole('link', { name: project.filingNumber }) });
      const { expiredCertificates, overdueInspections } = project.equipmentAlerts;
      const certificates = row.getByTestId('certificates-expired');
      if (expiredCertificates > 0) {
        await expect(certificates).toHaveText(`操作证书过期 ${expiredCertificates} 人次`);
      } else await expect(certificates).toHaveCount(0);
      const inspections = row.getByTestId('equipment-overdue');
      if (overdueInspections > 0) {
        await expect(inspections).toHaveText(`设备检验逾期 ${overdueInspections} 台`);
      } else await expect(inspections).toHaveCount(0);
    }
  }
});
