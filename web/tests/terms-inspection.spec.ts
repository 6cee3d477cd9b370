/**
 * 按省标检查用语检查 on two phones: two inspectors of the demo enterprise (李安全 13800000001, 赵质检 13800000002)
 * add terms to one inspection, one of them offline, with a photo, hazard levels and locations; the additions merge;
 * 立即生成 seals it; the 检查单 print view and its .xlsx show every finding with its hazard level and location;
 * the QR code's link opens /verify, which says the sheet matches. axe-clean on the way.
 */
import QRCode from 'qrcode';
import { expect as baseExpect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { solidPng } from './support/png';
import { badge, DEMO_PROJECT, phoneSignedIn, xlsxTexts } from './support/sheets';
import { pickProject } from './support/project-picker';

// Two phones and the server on a shared 2-core machine: each step may wait longer than the default.
const expect = baseExpect.configure({ timeout: 30_000 });

const A = '13800000001';
const B = '13800000002';
const TERMS_METHOD = '检查用语（DGJ32/TJ218-2017）';

type Page = Awaited<ReturnType<typeof phoneSignedIn>>;

/** Opens 添加规范用语, searches `words`, picks the first result and adds it; returns the picked phrase text. */
async function addTermBySearch(page: Page, words: string): Promise<string> {
  await page.getByRole('button', { name: '添加规范用语' }).click();
  const picker = page.getByRole('dialog', { name: '添加规范用语' });
  await picker.getByLabel('搜索检查用语').fill(words);
  const first = picker.locator('.phrase label').first();
  const phrase = ((await first.locator('.name').textContent()) ?? '').trim();
  await first.locator('input').check();
  await expect(picker.getByTestId('picked-count')).toHaveText('已选 1 条');
  await picker.getByRole('button', { name: '添加', exact: true }).click();
  await expect(picker).toBeHidden();
  return phrase;
}

const card = (page: Page, text: string) => page.getByTestId('term-card').filter({ hasText: text });

test('two inspectors add terms, one offline, with a photo; 立即生成 gives a 检查单 that verifies', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const a = await phoneSignedIn(browser, A);
  const b = await phoneSignedIn(browser, B);

  await a.goto('/inspections/new');
  await pickProject(a, DEMO_PROJECT);
  await a.getByLabel(TERMS_METHOD).check();
  await a.getByRole('button', { name: '开始检查' }).click();
  await expect(a).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  await expect(a.getByTestId('terms-page')).toBeVisible();
  await expect(a.getByTestId('provisional-note')).toContainText('暂定');
  await expect(badge(a)).toHaveAttribute('data-state', '已同步');
  const id = a.url().split('/').at(-1) ?? '';
  await b.goto(`/inspections/${id}`);
  await expect(badge(b)).toHaveAttribute('data-state', '已同步');

  // A adds a term from the tree search; B sees it and where A is editing.
  const first = await addTermBySearch(a, '责任制 签字');
  await expect(card(b, first)).toBeVisible();
  await card(a, first).getByRole('button', { name: '编辑' }).click();
  await expect(card(b, first).getByTestId('term-presence')).toContainText('李安全 正在编辑');
  await card(a, first).getByLabel('重大隐患').check();
  await card(a, first).getByLabel('部位（楼栋/部位）').fill('1号楼 项目部办公室');
  await card(a, first).getByLabel('说明').fill('责任制未签字');
  await card(a, first)
    .locator('input[type="file"]')
    .setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: solidPng(64, 48) });
  await expect(card(a, first).getByRole('img', { name: '现场照片' })).toBeVisible();
  await card(a, first).getByRole('button', { name: '完成' }).click();
  await expect(card(b, first).getByTestId('term-hazard')).toHaveText('重大隐患');
  await expect(card(b, first).getByTestId('term-location')).toHaveText('部位：1号楼 项目部办公室');

  // B goes offline and adds another term with its location; A adds one meanwhile; both merge.
  await b.context().setOffline(true);
  await expect(badge(b)).toHaveAttribute('data-state', '离线');
  const second = await addTermBySearch(b, '临边 防护');
  await card(b, second).getByRole('button', { name: '编辑' }).click();
  await card(b, second).getByLabel('部位（楼栋/部位）').fill('3号楼 5层东侧');
  await card(b, second).getByRole('button', { name: '完成' }).click();
  await expect(badge(b)).toHaveAttribute('data-state', '已保存到本机');
  const third = await addTermBySearch(a, '安全帽');
  await b.context().setOffline(false);
  await expect(badge(b)).toHaveAttribute('data-state', '已同步');
  for (const page of [a, b]) {
    await expect(page.getByTestId('term-card')).toHaveCount(3);
    await expect(card(page, second).getByTestId('term-location')).toHaveText('部位：3号楼 5层东侧');
    await expect(card(page, third)).toBeVisible();
  }
  await expectNoAxeViolations(a);

  // 整改 and 保存检查 → confirmation → 立即生成 opens the 检查单.
  await a.getByLabel('检查备注').fill('现场总体有序。');
  await a.getByLabel('是', { exact: true }).check();
  await a.getByLabel('整改要求').fill('限 7 日内完成整改并回复');
  await a.getByLabel('整改期限').fill('2026-12-08');
  await a.getByLabel('整改责任人（项目部人员）').fill('王项目');
  await a.getByLabel('整改责任人（项目部人员）').blur();
  await expect(badge(a)).toHaveAttribute('data-state', '已同步');
  await a.getByRole('button', { name: '保存检查' }).click();
  const confirm = a.getByRole('dialog', { name: '生成检查单' });
  await expect(confirm).toContainText('共 3 条检查用语');
  await confirm.getByRole('button', { name: '立即生成' }).click();
  await expect(a).toHaveURL(new RegExp(`/inspections/${id}/sheet$`));

  const print = a.getByTestId('sheet-print');
  await expect(print.getByTestId('sheet-finding')).toHaveCount(3);
  const rows = print.getByTestId('sheet-finding');
  await expect(rows.filter({ hasText: first }).getByTestId('finding-grade')).toContainText('重大隐患');
  await expect(rows.filter({ hasText: first }).getByTestId('finding-location')).toHaveText(
    '1号楼 项目部办公室',
  );
  await expect(rows.filter({ hasText: second }).getByTestId('finding-location')).toHaveText('3号楼 5层东侧');
  await expect(rows.filter({ hasText: third }).getByTestId('finding-grade')).toContainText(
    /一般隐患|重大隐患/,
  );
  await expect(print.getByTestId('sheet-note')).toContainText('暂定');
  await expect(print.getByTestId('sheet-requirement')).toHaveText('限 7 日内完成整改并回复');
  await expect(print.getByTestId('sheet-rectifier')).toHaveText('王项目');
  await expect
    .poll(() => print.getByTestId('sheet-photo').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(64);
  const hash = (await print.getByTestId('sheet-hash').textContent())?.trim() ?? '';
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  // The QR code encodes exactly the verification link printed beside it.
  const link = print.getByTestId('verify-link');
  const verifyUrl = (await link.getAttribute('href')) ?? '';
  expect(verifyUrl).toBe(`${new URL(a.url()).origin}/verify/${hash}`);
  const expectedSvg = await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  await expect(print.getByTestId('verify-qr')).toHaveAttribute(
    'src',
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent(expectedSvg)}`,
  );
  await expectNoAxeViolations(a);

  // The .xlsx carries every finding with its hazard level and location.
  const xlsx = await a.request.get(`/api/inspections/${id}/sheet.xlsx`);
  expect(xlsx.status()).toBe(200);
  const cells = (await xlsxTexts(await xlsx.body())).join('\n');
  for (const text of [
    first,
    second,
    third,
    '重大隐患',
    '1号楼 项目部办公室',
    '3号楼 5层东侧',
    '王项目',
    hash,
  ]) {
    expect(cells).toContain(text);
  }

  // The other inspector's page turns read-only once sealed.
  await expect(b.getByTestId('readonly-note')).toContainText('已封存');
  await expect(b.getByRole('button', { name: /添加规范用语|保存检查|编辑|移除/ })).toHaveCount(0);

  // The QR's link opens /verify, which says it matches; a changed hash is 未找到.
  await link.click();
  await expect(a).toHaveURL(new RegExp(`/verify/${hash}$`));
  await expect(a.getByTestId('verify-result')).toContainText('一致');
  await expectNoAxeViolations(a);
  await a.goto(`/verify/${hash.replace(/^./, hash.startsWith('0') ? '1' : '0')}`);
  await expect(a.getByTestId('verify-result')).toContainText('未找到');
});
