/**
 * 超危大工程: the project department records a work in its project document; the enterprise's 超危大工程清单 lists
 * it, expands (+) to its five records and flags the gaps. Demo province: 3201002025001 of 江苏安建.
 */
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_PROJECT, DIRECTOR, signedIn } from './support/projects';


// Whole workflows with several axe-core passes (each takes seconds on a 2-core machine).
test.describe.configure({ timeout: 180_000 });

test('a work recorded by the project department appears in the enterprise’s list, expands and flags its gaps', async ({
  browser,
}) => {
  const workName = `测试深基坑${Date.now().toString().slice(-6)}`;
  const department = await signedIn(browser, DEMO_PROJECT.filingNumber);
  await department.goto('/dangerous-works');
  // The shared project document registers (idempotently) before it syncs: two round trips on a busy machine.
  await expect(department.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步', { timeout: 30_000 });
  await department.getByLabel('工程名称').fill(workName);
  await department.getByLabel(/类别/).selectOption({ label: '深基坑工程' });
  await department.getByRole('button', { name: '登记', exact: true }).click();
  await expect(department.getByText(`已登记超危大工程：${workName}`)).toBeVisible();

  const work = department.getByTestId('edit-work').filter({ hasText: workName });
  await work.getByRole('button', { name: new RegExp(workName) }).click();
  const plan = work.getByTestId('record-plan');
  await plan.getByLabel('日期').fill('2026-01-10');
  await plan.getByLabel('人员及说明').fill('编制人 王工');
  await plan.getByRole('button', { name: '保存专项施工方案' }).click();
  const implementation = work.getByTestId('record-implementation');
  await implementation.getByLabel('日期').fill('2026-01-20');
  await implementation.getByRole('button', { name: '保存实施情况' }).click();
  await expect(work.getByText('已开始实施，缺少专家论证')).toBeVisible();
  await expect(department.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');
  await expectNoAxeViolations(department);

  const director = await signedIn(browser, DIRECTOR);
  const listed = director.getByTestId('dangerous-work').filter({ hasText: workName });
  // The demo province has many works: narrow to the project.
  await director.goto('/dangerous-works');
  await expect(director.getByTestId('works-total')).toBeVisible({ timeout: 20_000 });
  const projectFilter = director.getByRole('combobox', { name: /^项目/ });
  await projectFilter.selectOption({ label: `${DEMO_PROJECT.filingNumber} ${DEMO_PROJECT.name}` });
  // The server materializes the document shortly after it synced; switching the gap filter asks again.
  const gapFilter = director.getByLabel('资料缺项');
  await expect(async () => {
    await gapFilter.selectOption({ label: '全部' });
    await gapFilter.selectOption({ label: '有缺项或滞后' });
    await expect(listed).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 40_000 });
  await expect(listed.getByTestId('work-gap-count')).toContainText('缺项');
  await expectNoAxeViolations(director);

  await listed.getByRole('button', { name: new RegExp(workName) }).click();
  await expect(listed.getByTestId('work-step').filter({ hasText: '专项施工方案' })).toContainText('2026-01-10');
  await expect(listed.getByTestId('work-step').filter({ hasText: '专家论证' })).toContainText('未上传');
  await expect(listed.getByTestId('work-gap').filter({ hasText: '缺少专家论证' })).toBeVisible();
  await expectNoAxeViolations(director);

  // The gap filter keeps it under 有缺项 and drops it under 资料齐全.
  await director.getByLabel('资料缺项').selectOption({ label: '资料齐全' });
  await expect(director.getByTestId('dangerous-work').filter({ hasText: workName })).toHaveCount(0);
  await director.getByLabel('资料缺项').selectOption({ label: '有缺项或滞后' });
  await expect(director.getByTestId('dangerous-work').filter({ hasText: workName })).toBeVisible();
});
