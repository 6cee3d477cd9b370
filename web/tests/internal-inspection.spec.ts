/**
 * 按企业内部标准检查 and 历史检查 (issue 9): the demo enterprise's director records an internal-standard inspection
 * with two scans of the paper checklist (an image and a PDF) and a rectification request, seals it with 保存检查,
 * finds it in 历史检查 (viewer), deletes one file and then the whole record — each vanishes from every list and
 * leaves an audit entry. Then the 企业检查 list's filters, kept in the URL.
 */
import { expect as baseExpect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_ACCOUNTS, DEMO_PROJECT_LABEL, signedIn } from './support/demo';
import { ONE_PAGE_PDF } from './support/pdf';
import { solidPng } from './support/png';
import { pickProject } from './support/project-picker';

// A sealing round trip and uploads on a shared 2-core machine: each step may wait longer than the default.
const expect = baseExpect.configure({ timeout: 20_000 });

interface ListedRow {
  id: string;
  files?: Array<{ name: string }>;
}

test('an internal-standard inspection with two scans is sealed, shown in 历史检查, and deleted file by file and whole', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await signedIn(browser, DEMO_ACCOUNTS.enterprise, { width: 390, height: 844 });
  const listed = async (query: string): Promise<ListedRow[]> => {
    const response = await page.request.get(`/api/inspections?${query}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { inspections: ListedRow[] }).inspections;
  };

  // 检查: a new internal-standard inspection of the demo project.
  await page.goto('/inspections/new?method=internal');
  await pickProject(page, DEMO_PROJECT_LABEL);
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1) ?? '';
  await expect(page.getByTestId('internal-page')).toBeVisible();
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');

  await page.getByLabel('备注').fill('按公司安全检查表逐项检查，3号楼临边防护缺失');
  await page.getByTestId('scan-input').setInputFiles([
    { name: '检查表第1页.png', mimeType: 'image/png', buffer: solidPng(64, 48) },
    { name: '检查表.pdf', mimeType: 'application/pdf', buffer: ONE_PAGE_PDF },
  ]);
  await expect(page.getByTestId('scan-file')).toHaveCount(2);
  await page.getByLabel('是否整改').check();
  await page.getByLabel('整改要求').fill('3号楼临边防护栏杆限期补齐');
  await page.getByLabel('整改期限').fill('2099-12-31');
  await page.getByLabel('整改责任人').fill('张项目');
  await page.getByLabel('整改责任人').blur();
  await expect(page.getByTestId('pending-uploads')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // 保存检查 asks first, then seals: the page turns read-only.
  await page.getByRole('button', { name: '保存检查' }).click();
  const confirm = page.getByRole('dialog', { name: '保存检查' });
  await expect(confirm).toContainText('2 个文件');
  await confirm.getByRole('button', { name: '确定保存' }).click();
  await expect(page.getByTestId('sealed-note')).toBeVisible();
  await expect(page.getByTestId('internal-page')).toHaveAttribute('data-readonly', 'true');
  await expect(page.getByRole('button', { name: '保存检查' })).toHaveCount(0);
  await expect(page.getByTestId('rectification-summary')).toContainText('张项目');

  // 历史检查: the record with both files; the viewer shows the image full size and the PDF in a frame.
  await page.getByTestId('sealed-note').getByRole('link', { name: '历史检查' }).click();
  const record = page.locator(`[data-testid="history-record"][data-inspection-id="${id}"]`);
  await expect(record.getByTestId('history-file')).toHaveCount(2);
  await record.getByRole('button', { name: '查看 检查表第1页.png' }).click();
  const viewer = page.getByTestId('file-viewer');
  await expect(viewer.locator('img')).toHaveJSProperty('complete', true);
  expect(await viewer.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await page.keyboard.press('Escape');
  await record.getByRole('button', { name: '查看 检查表.pdf' }).click();
  await expect(page.getByTestId('file-viewer').locator('iframe')).toHaveAttribute('src', /^blob:/);
  await expect(
    page.getByRole('dialog', { name: '检查表.pdf' }).getByRole('link', { name: '下载' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expectNoAxeViolations(page);

  // 删除 one file: the dialog says what is lost; the file leaves 历史检查 and the API's lists.
  await record.getByRole('button', { name: '删除文件 检查表.pdf' }).click();
  await expect(page.getByTestId('delete-loss')).toContainText('检查表.pdf');
  await page.getByRole('dialog', { name: '删除文件' }).getByRole('button', { name: '确定删除' }).click();
  await expect(page.getByText('已删除文件“检查表.pdf”')).toBeVisible();
  await expect(record.getByTestId('history-file')).toHaveCount(1);
  await expect(record.getByTestId('history-file')).toContainText('检查表第1页.png');
  const afterFile = (await listed('method=internal&files=true')).find((row) => row.id === id);
  expect(afterFile?.files?.map((f) => f.name)).toEqual(['检查表第1页.png']);

  // 删除 the record: gone from 历史检查, from 企业检查 and from the API.
  await record.getByRole('button', { name: '删除记录' }).click();
  await expect(page.getByTestId('delete-loss')).toContainText('整改');
  await page.getByRole('dialog', { name: '删除检查记录' }).getByRole('button', { name: '确定删除' }).click();
  await expect(page.getByText('已删除该检查记录')).toBeVisible();
  await expect(record).toHaveCount(0);
  expect((await listed('method=internal')).map((row) => row.id)).not.toContain(id);
  await page.goto('/inspections?method=internal');
  await expect(
    page.getByTestId('inspection-rows').or(page.getByText('没有符合条件的检查记录')),
  ).toBeVisible();
  await expect(page.locator(`[data-inspection-id="${id}"]`)).toHaveCount(0);
  expect((await page.request.get(`/api/inspections/${id}/sheet`)).status()).toBe(404);

  // Both deletions are in the audit log, with who did them.
  for (const type of ['inspection.file_deleted', 'inspection.deleted']) {
    const response = await page.request.get(`/api/audit?type=${type}`);
    expect(response.status()).toBe(200);
    const { events } = (await response.json()) as {
      events: Array<{ actor: { login: string } | null; detail: { inspectionId?: string } | null }>;
    };
    const mine = events.filter((event) => event.detail?.inspectionId === id);
    expect([type, mine.length, mine[0]?.actor?.login]).toEqual([type, 1, DEMO_ACCOUNTS.enterprise]);
  }
  await page.goto('/audit');
  await expect(page.getByRole('row').filter({ hasText: '删除检查文件' }).first()).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '删除检查记录' }).first()).toBeVisible();
  await page.context().close();
});

test('企业检查 filters by origin, method and date range, keeps them in the URL, and shows only matching rows', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, DEMO_ACCOUNTS.enterprise, { width: 1280, height: 860 });
  await page.goto('/inspections');
  await expect(page.getByRole('heading', { name: '企业检查', level: 1 })).toBeVisible();
  await expect(page.getByTestId('inspection-row').first()).toBeVisible();

  const filters = page.getByTestId('inspection-filters');
  await filters.getByLabel('检查来源').selectOption({ label: '企业检查' });
  await filters.getByLabel('检查方式').selectOption({ label: 'JGJ59-2011' });
  await filters.getByLabel('检查日期从').fill('2000-01-01');
  await filters.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/method=jgj59/);
  await expect(page).toHaveURL(/origin=enterprise/);
  await expect(page).toHaveURL(/from=2000-01-01/);

  const rows = page.getByTestId('inspection-row');
  // Every row answers the filter: waited for, since the unfiltered rows stay until the filtered answer arrives, and
  // specs beside this one seal JGJ59 inspections of the same enterprise meanwhile.
  const filteredRows = async () => {
    const shown = await rows.allInnerTexts();
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) {
      expect(text).toContain('企业检查');
      expect(text).toContain('JGJ59-2011');
    }
    return shown;
  };
  let texts: string[] = [];
  await expect(async () => {
    texts = await filteredRows();
  }).toPass();
  // Newest first.
  const dates = texts.map((text) => /检查日期 (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? '');
  expect(dates).toEqual(dates.toSorted().reverse());
  await expectNoAxeViolations(page);

  // The filters survive a reload (they live in the URL); a range that ends before it starts is refused.
  await page.reload();
  await expect(filters.getByLabel('检查方式')).toHaveValue('jgj59');
  await expect(filters.getByLabel('检查来源')).toHaveValue('enterprise');
  await expect(async () => {
    await filteredRows();
  }).toPass();
  await filters.getByLabel('至').fill('1999-01-01');
  await filters.getByRole('button', { name: '查询' }).click();
  await expect(filters.getByRole('alert')).toHaveText('结束日期不能早于开始日期');
  await expect(page).not.toHaveURL(/to=1999/);

  // A filter nothing matches says so.
  await filters.getByLabel('至').fill('');
  await filters.getByLabel('检查人员').fill('没有这个人');
  await filters.getByRole('button', { name: '查询' }).click();
  await expect(page.getByText('没有符合条件的检查记录')).toBeVisible();

  // Offline, an unfiltered list this device has seen opens from the device with its age.
  await page.context().setOffline(true);
  await filters.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByTestId('stale-notice')).toContainText('已离线 · 数据更新于');
  await expect(page.getByTestId('inspection-row').first()).toBeVisible();
  await page.context().close();
});

test('项目自查 and 安监抽查 are the project department’s and the supervisor’s own lists', async ({
  browser,
}) => {
  for (const [login, label, origin] of [
    [DEMO_ACCOUNTS.project, '项目自查', 'self'],
    [DEMO_ACCOUNTS.supervisor, '安监抽查', 'spot'],
  ] as const) {
    const page = await signedIn(browser, login, { width: 1280, height: 860 });
    await page.goto('/projects');
    await page.locator('#app-nav').getByRole('link', { name: label }).click();
    await expect(page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
    await expect(page.getByTestId('inspection-filters').getByLabel('检查来源')).toHaveCount(0);
    const response = await page.request.get(`/api/inspections?origin=${origin}`);
    const expected = ((await response.json()) as { total: number }).total;
    if (expected === 0) await expect(page.getByText('暂无检查记录')).toBeVisible();
    else await expect(page.getByTestId('inspection-count')).toContainText(`共 ${expected} 条`);
    await page.context().close();
  }
});
