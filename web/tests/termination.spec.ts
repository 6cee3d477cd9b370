/**
 * 终止监督 and 安标考评: a supervisor registers a project for 江苏安建 and files its 竣工备案 (through the API: not
 * this workflow), the enterprise issues the department's first password; the project department submits 终止监督
 * with a scan, the supervisor finds it under 终止监督评定, sees what feeds the grade and grades 合格, and the
 * project shows 已终止监督 with its grade.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { BASE_URL } from './support/browser';
import { solidPng } from './support/png';
import { DIRECTOR, leafRegion, makeFilingNumber, NANJING_SUPERVISOR, signedIn } from './support/projects';

/** State-changing API calls are same-origin only. */
const ORIGIN = { origin: BASE_URL };

// A whole workflow with several axe-core passes (each takes seconds on a 2-core machine).
// Three people, a scan upload and a grading on a 2-core CI machine beside another spec: 3 min was exceeded once.
test.describe.configure({ timeout: 360_000 });

const shanghaiDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function completedProject(
  supervisor: Page,
  director: Page,
): Promise<{ filingNumber: string; password: string }> {
  const filingNumber = makeFilingNumber();
  const registered = await supervisor.request.post('/api/registry/projects', {
    data: {
      filingNumber,
      name: '终止监督测试住宅楼',
      regionCode: await leafRegion(supervisor),
      constructorName: '江苏安建建设集团有限公司',
      constructorCreditCode: DIRECTOR,
      startDate: shanghaiDay(-200),
      expectedCompletionDate: shanghaiDay(-5),
    },
    headers: ORIGIN,
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const completed = await supervisor.request.post(`/api/registry/projects/${filingNumber}/completion`, {
    data: { date: shanghaiDay(-3) },
    headers: ORIGIN,
  });
  expect(completed.status(), await completed.text()).toBe(200);
  const members = (await (await director.request.get('/api/members')).json()) as {
    members: Array<{ id: string; login: string }>;
  };
  const account = members.members.find((m) => m.login === filingNumber);
  if (!account) throw new Error('the registry made no project-department account');
  const issued = await director.request.post(`/api/members/${account.id}/initial-password`, {
    data: {},
    headers: ORIGIN,
  });
  expect(issued.status(), await issued.text()).toBe(200);
  return { filingNumber, password: ((await issued.json()) as { password: string }).password };
}

test('the department submits 终止监督 with a scan; the supervisor sees the figures, grades 合格, and the project is terminated', async ({
  browser,
}) => {
  const supervisor = await signedIn(browser, NANJING_SUPERVISOR);
  const director = await signedIn(browser, DIRECTOR);
  const { filingNumber, password } = await completedProject(supervisor, director);

  const department = await signedIn(browser, filingNumber, password);
  await department.goto(`/projects/${filingNumber}`);
  const section = department.getByRole('region', { name: '终止监督 / 安标考评' });
  // A shared 2-core machine: the first paint of a page after sign-in can take a while.
  await expect(section.getByTestId('termination-status')).toHaveText('终止监督申请：未申请', {
    timeout: 30_000,
  });
  await section.getByLabel(/安标考评材料/).setInputFiles({
    name: '安标考评自评表.png',
    mimeType: 'image/png',
    buffer: solidPng(64, 48, [30, 120, 200]),
  });
  await section.getByLabel(/说明/).fill('安全资料已整理齐全');
  await expectNoAxeViolations(department);
  await section.getByRole('button', { name: '提交终止监督申请' }).click();
  await expect(department.getByText('终止监督申请已提交，等待安监站评定')).toBeVisible({ timeout: 30_000 });
  await expect(section.getByTestId('termination-status')).toHaveText('已提交');
  await expect(section.getByRole('link', { name: '安标考评自评表.png' })).toBeVisible();
  await expect(section.getByRole('button', { name: '提交终止监督申请' })).toHaveCount(0);

  await supervisor.goto('/projects');
  await supervisor.getByRole('link', { name: '终止监督评定' }).first().click();
  await expect(supervisor.getByRole('heading', { level: 1, name: '终止监督评定' })).toBeVisible();
  const row = supervisor.getByTestId('termination-row').filter({ hasText: filingNumber });
  await expect(row).toContainText('已提交', { timeout: 30_000 });
  await expectNoAxeViolations(supervisor);
  await row.getByRole('link', { name: filingNumber }).click();

  await expect(supervisor.getByTestId('review-status')).toContainText('已提交', { timeout: 30_000 });
  // 200 days under construction, no enterprise inspection yet: the requirement shows short, 月评 none.
  await expect(supervisor.getByTestId('figure-inspections').first()).toContainText('不足');
  await expect(supervisor.getByTestId('figure-monthly')).toContainText('已月评 0 个月');
  await expect(supervisor.getByTestId('figure-spot')).toHaveText('无安监抽查记录');
  await expect(supervisor.getByTestId('figure-automatic')).toHaveText('无');
  const scan = supervisor.getByTestId('review-file');
  await expect(scan).toHaveText('安标考评自评表.png');
  const file = await supervisor.request.get((await scan.getAttribute('href'))!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('image/png');
  await expectNoAxeViolations(supervisor);

  await supervisor.getByRole('button', { name: '评定并终止监督' }).click();
  await expect(supervisor.getByRole('alert').filter({ hasText: '请选择考评结果' })).toBeVisible();
  await supervisor.getByRole('radio', { name: '合格', exact: true }).check();
  await supervisor.getByLabel('评定理由').fill('资料齐全，企业检查次数偏少，评为合格');
  await supervisor.getByRole('button', { name: '评定并终止监督' }).click();
  await expect(supervisor.getByText('已评定为合格，项目已终止监督')).toBeVisible();
  await expect(supervisor.getByTestId('review-status')).toContainText('已评定');
  await expect(supervisor.getByTestId('review-grade')).toHaveText('合格');

  await department.reload();
  await expect(section.getByTestId('termination-state')).toHaveText('已终止监督。', { timeout: 30_000 });
  await expect(section.getByTestId('termination-status')).toHaveText('已评定');
  await expect(section.getByTestId('termination-grade')).toHaveText('合格');
  await expectNoAxeViolations(department);
});

test('the director sets a monthly inspection plan on an in-construction project and sees its next due date', async ({
  browser,
}) => {
  const supervisor = await signedIn(browser, NANJING_SUPERVISOR);
  const filingNumber = makeFilingNumber();
  const registered = await supervisor.request.post('/api/registry/projects', {
    data: {
      filingNumber,
      name: '检查计划测试办公楼',
      regionCode: await leafRegion(supervisor),
      constructorName: '江苏安建建设集团有限公司',
      constructorCreditCode: DIRECTOR,
      startDate: shanghaiDay(-40),
      expectedCompletionDate: shanghaiDay(300),
    },
    headers: ORIGIN,
  });
  expect(registered.status(), await registered.text()).toBe(201);

  const director = await signedIn(browser, DIRECTOR);
  await director.goto(`/projects/${filingNumber}`);
  const section = director.getByRole('region', { name: '企业检查计划' });
  await expect(section.getByText(/尚未设置检查计划/)).toBeVisible({ timeout: 30_000 });
  await section.getByLabel('检查人', { exact: true }).selectOption({ label: '李安全（13800000001）' });
  await section.getByLabel('检查频次').selectOption('monthly');
  await section.getByLabel('开始日期').fill(shanghaiDay(-40));
  await expectNoAxeViolations(director);
  await section.getByRole('button', { name: '添加检查计划' }).click();
  await expect(director.getByText('检查计划已保存')).toBeVisible({ timeout: 30_000 });
  const plan = section.getByTestId('inspection-plan');
  await expect(plan).toContainText('每月检查 · 检查人 李安全');
  await expect(plan).toContainText(/本期截止 \d{4}-\d{2}-\d{2}/);

  const readOnly = await signedIn(browser, NANJING_SUPERVISOR);
  await readOnly.goto(`/projects/${filingNumber}`);
  const seen = readOnly.getByRole('region', { name: '企业检查计划' });
  await expect(seen.getByTestId('inspection-plan')).toContainText('检查人 李安全', { timeout: 30_000 });
  await expect(seen.getByRole('button', { name: /删除|添加检查计划/ })).toHaveCount(0);
});
