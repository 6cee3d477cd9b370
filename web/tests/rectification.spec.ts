/**
 * The rectification loop (issue 9): a sealed inspection requiring rectification reaches the project department
 * (待整改), which replies with a photo from its phone, answering the finding in place with its own photo and the
 * sheet as a whole; the enterprise sees the finding's answer beside it; the enterprise's safety director 退回s it with a reason, the
 * department replies again, the director 通过s it. The lists and the navigation badges follow each step; a read-only
 * reader sees no controls; 督促 reaches the department; a deadline passed on a server clock the test sets (the
 * loopback-only `x-anguan-test-now` header, README "Environment") shows 逾期. axe-core on the new pages.
 */
import type { Page } from '@playwright/test';
import { shanghaiDate } from '@anguan/standards';
import { apiLogin, expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, signedIn } from './support/demo';
import { solidPng } from './support/png';
import { me, rectificationCounts, sealedInspectionRequiringRectification } from './support/rectification';
import { phoneSignedIn } from './support/sheets';

const DESKTOP = { width: 1280, height: 860 };
const row = (page: Page, id: string) =>
  page.locator(`[data-testid="rectification-row"][data-inspection-id="${id}"]`);

/** The list (reloaded until the server's rows caught up with the documents) shows the rectification in `state`. */
async function listedAs(page: Page, id: string, state: string) {
  await expect(async () => {
    await page.goto('/rectifications');
    // Each try reloads the page: long enough for a first load on a busy machine, short of the whole budget.
    await expect(row(page, id).getByTestId('rectification-state')).toHaveAttribute('data-state', state, {
      timeout: 10_000,
    });
  }).toPass({ timeout: 45_000 });
}

/** The navigation badge shows what the server counts for this side (hidden at 0). */
async function badgeFollows(page: Page, side: 'toReply' | 'toReview') {
  await expect(async () => {
    const count = (await rectificationCounts(page))[side];
    const badge = page.getByTestId('rectification-badge');
    if (count === 0) await expect(badge).toHaveCount(0, { timeout: 2_000 });
    else await expect(badge).toHaveText(new RegExp(`^${count}项`), { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

test('a rectification goes 待整改 → 已回复 → 已退回 → 已回复 → 已通过 between the department and the director', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const director = await signedIn(browser, DEMO_ACCOUNTS.enterprise, DESKTOP);
  const department = await phoneSignedIn(browser, DEMO_ACCOUNTS.project);
  const projectId = (await me(department)).project?.id ?? '';
  await director.goto('/projects');
  const today = shanghaiDate(new Date());
  const id = await sealedInspectionRequiringRectification(director, {
    projectId,
    requirement: '临边防护栏杆缺失，限期补齐并上传整改照片',
    deadline: today,
    rectifier: '张项目',
  });

  // 待整改 on the department's 整改回复 list and badge.
  await listedAs(department, id, 'pending');
  await badgeFollows(department, 'toReply');
  await expectNoAxeViolations(department);
  await row(department, id).getByRole('link').click();
  await expect(department.getByTestId('rectification-requirement')).toHaveText(
    '临边防护栏杆缺失，限期补齐并上传整改照片',
  );
  await expect(department.getByTestId('rectification-deadline')).toContainText(today);
  await expect(department.getByTestId('rectification-deadline')).not.toContainText('已逾期');
  const findings = department.getByTestId('rectification-findings');
  await expect(findings).toContainText('3 号楼东侧临边');
  await expect(findings.getByTestId('photo')).toHaveCount(1);
  await expect(department.getByRole('button', { name: '通过' })).toHaveCount(0);
  await expect(department.getByTestId('remind-button')).toHaveCount(0);

  // Round 1: the finding answered in place with its own photo, and the sheet as a whole with a photo.
  await department.getByRole('button', { name: '提交整改回复' }).click();
  await expect(department.getByRole('alert').filter({ hasText: '请填写整改情况' })).toBeVisible();
  await expectNoAxeViolations(department);
  await department
    .getByLabel('第 1 条的整改说明（可选）', { exact: true })
    .fill('东侧临边已加设 1.2 m 防护栏杆');
  await department.getByLabel('第 1 条整改照片', { exact: true }).setInputFiles({
    name: 'railing.png',
    mimeType: 'image/png',
    buffer: solidPng(640, 480, [200, 120, 40]),
  });
  await department.getByLabel('整改情况').fill('已加设临边防护栏杆并补齐挡脚板');
  await department.getByLabel('拍照 / 添加整改照片').setInputFiles({
    name: 'fixed.png',
    mimeType: 'image/png',
    buffer: solidPng(640, 480, [40, 160, 60]),
  });
  await department.getByRole('button', { name: '提交整改回复' }).click();
  await expect(department.getByText('整改回复已提交，等待复查')).toBeVisible();
  await expect(department.getByTestId('rectification-state').first()).toHaveAttribute(
    'data-state',
    'replied',
  );
  await expect(department.getByTestId('rectification-round').getByTestId('photo')).toHaveCount(2);
  await expect(department.getByRole('button', { name: '提交整改回复' })).toHaveCount(0);
  await expect(department.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');

  // The director sees 已回复 (待复查), 督促s, and 退回s with a required reason.
  await listedAs(director, id, 'replied');
  await badgeFollows(director, 'toReview');
  await department.goto('/rectifications');
  await badgeFollows(department, 'toReply');
  await row(director, id).getByRole('link').click();
  const rounds = director.getByTestId('rectification-round');
  await expect(rounds).toHaveCount(1);
  await expect(rounds.first()).toContainText('已加设临边防护栏杆并补齐挡脚板');
  await expect(rounds.first().getByTestId('photo')).toHaveCount(2);
  await expect(rounds.first().getByTestId('round-finding-answer')).toContainText(
    '东侧临边已加设 1.2 m 防护栏杆',
  );
  const answer = director.getByTestId('rectification-finding').first().getByTestId('finding-answer');
  await expect(answer).toContainText('东侧临边已加设 1.2 m 防护栏杆');
  await expect(answer.getByTestId('photo')).toHaveCount(1);
  await expectNoAxeViolations(director);
  await director.getByTestId('remind-button').click();
  await expect(director.getByText(/已督促项目部整改（通知 \d+ 个账号）/)).toBeVisible();
  const notes = await department.request.get('/api/notifications');
  expect(
    ((await notes.json()) as { notifications: Array<{ kind: string; link: string }> }).notifications,
  ).toContainEqual(
    expect.objectContaining({ kind: 'rectification.reminder', link: `/rectifications/${id}` }),
  );
  await director.getByRole('button', { name: '退回' }).click();
  await expect(director.getByRole('alert').filter({ hasText: '退回时请填写退回原因' })).toBeVisible();
  await director.getByLabel('复查意见（退回时必填）').fill('挡脚板高度不足 180 mm，请重新整改');
  await director.getByRole('button', { name: '退回' }).click();
  await expect(director.getByText('已退回，等待项目部重新整改')).toBeVisible();
  await expect(director.getByTestId('rectification-review')).toContainText('退回原因：挡脚板高度不足 180 mm');
  await expect(director.getByRole('button', { name: '通过' })).toHaveCount(0);

  // 已退回: the department replies again (round 2), from a site without signal.
  await listedAs(department, id, 'returned');
  await badgeFollows(department, 'toReply');
  await row(department, id).getByRole('link').click();
  await expect(department.getByTestId('rectification-review')).toContainText('挡脚板高度不足 180 mm');
  await department.context().setOffline(true);
  await department.getByLabel('整改情况').fill('挡脚板已更换为 200 mm，复测合格');
  await department.getByRole('button', { name: '提交整改回复' }).click();
  await expect(department.getByText('整改回复已保存到本机，联网后自动上传')).toBeVisible();
  await expect(department.getByTestId('rectification-round')).toHaveCount(2);
  await expect(department.getByTestId('sync-badge')).toHaveAttribute('data-state', '已保存到本机');
  // The list opens from the device's copy, saying how old it is.
  await department.getByRole('main').getByRole('link', { name: '整改回复', exact: true }).click();
  await expect(department.getByTestId('stale-notice')).toContainText(/已离线 · 数据更新于 \d{4}-\d{2}-\d{2}/);
  await expect(row(department, id)).toBeVisible();
  await department.context().setOffline(false);
  await row(department, id).getByRole('link').click();
  await expect(department.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');

  // The director 通过s round 2.
  await listedAs(director, id, 'replied');
  await badgeFollows(director, 'toReview');
  await row(director, id).getByRole('link').click();
  await expect(director.getByTestId('rectification-round')).toHaveCount(2);
  // Round 2 answered the sheet as a whole only: the page says the finding has no answer of its own.
  await expect(director.getByTestId('finding-unanswered')).toHaveText('本条未单独回复，以整体整改情况为准。');
  await director.getByRole('button', { name: '通过' }).click();
  await expect(director.getByText('复查通过，整改完成')).toBeVisible();
  await expect(director.getByTestId('remind-button')).toHaveCount(0);

  await listedAs(department, id, 'passed');
  await badgeFollows(department, 'toReply');
  await listedAs(director, id, 'passed');
  await badgeFollows(director, 'toReview');
  await row(department, id).getByRole('link').click();
  await expect(department.getByTestId('rectification-review')).toHaveCount(2);
  await expect(department.getByRole('button', { name: '提交整改回复' })).toHaveCount(0);

  // A read-only reader (the region's supervision station) sees the history and no controls.
  const supervisor = await signedIn(browser, DEMO_ACCOUNTS.supervisor, DESKTOP);
  await supervisor.goto(`/rectifications/${id}`);
  await expect(supervisor.getByTestId('rectification-round')).toHaveCount(2);
  for (const name of ['提交整改回复', '通过', '退回', '督促整改']) {
    await expect(supervisor.getByRole('button', { name })).toHaveCount(0);
  }
  await expectNoAxeViolations(supervisor);
  await Promise.all([director, department, supervisor].map((page) => page.context().close()));
});

test('an open rectification shows 逾期 from the Asia/Shanghai day after its deadline (server clock) and 督促整改 on the overview', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const director = await signedIn(browser, DEMO_ACCOUNTS.enterprise, DESKTOP);
  const department = await phoneSignedIn(browser, DEMO_ACCOUNTS.project);
  await director.goto('/projects');
  const deadline = shanghaiDate(new Date());
  const id = await sealedInspectionRequiringRectification(director, {
    projectId: (await me(department)).project?.id ?? '',
    requirement: '塔吊附着装置螺栓松动，限期紧固',
    deadline,
    rectifier: '张项目',
  });

  // On the last second of the deadline day it is not overdue yet.
  const onTime = await clockedDepartment(browser, `${deadline}T15:59:59Z`);
  await listedAs(onTime, id, 'pending');
  await expect(row(onTime, id).getByTestId('rectification-overdue')).toHaveCount(0);

  // From 00:00 of the next Asia/Shanghai day: 逾期 in the list, first, and on the page.
  const late = await clockedDepartment(browser, `${deadline}T16:00:00Z`);
  await listedAs(late, id, 'pending');
  await expect(row(late, id).getByTestId('rectification-overdue')).toHaveText('逾期');
  await expect(
    late.getByTestId('rectification-row').first().getByTestId('rectification-overdue'),
  ).toHaveCount(1);
  await row(late, id).getByRole('link').click();
  await expect(late.getByTestId('rectification-deadline')).toContainText('已逾期');
  await expectNoAxeViolations(late);

  // The project overview lists it among the open rectifications, with 督促整改 for the director only.
  await director.goto('/projects/3201002025001');
  const open = director.locator(`[data-testid="open-rectifications"] li[data-inspection-id="${id}"]`);
  await expect(open).toContainText(`整改期限 ${deadline}`);
  await open.getByTestId('remind-button').click();
  await expect(director.getByText(/已督促项目部整改（通知 \d+ 个账号）/)).toBeVisible();
  await department.goto('/projects/3201002025001');
  await expect(
    department.locator(`[data-testid="open-rectifications"] li[data-inspection-id="${id}"]`),
  ).toBeVisible();
  await expect(department.getByTestId('remind-button')).toHaveCount(0);
  await Promise.all([director, department, onTime, late].map((page) => page.context().close()));
});

/** The demo department in its own context whose API requests run on the server at `instant`. */
async function clockedDepartment(browser: Parameters<typeof signedIn>[0], instant: string): Promise<Page> {
  // Blocked service worker: every request leaves the page itself, carrying the header.
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-anguan-test-now': instant },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await apiLogin(page, DEMO_ACCOUNTS.project, DEMO_PASSWORD);
  return page;
}
