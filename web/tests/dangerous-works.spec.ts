/**
 * 超危大工程: the project department records a work in its project document; the enterprise's 超危大工程清单 lists
 * it, expands (+) to its five records and flags the gaps. Demo province: 3201002025001 of 江苏安建.
 */
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { DEMO_PROJECT, DIRECTOR, signedIn, waitForServiceWorker } from './support/projects';

// Whole workflows with several axe-core passes (each takes seconds on a 2-core machine).
test.describe.configure({ timeout: 180_000 });

test('a work recorded by the project department appears in the enterprise’s list, expands and flags its gaps', async ({
  browser,
}) => {
  const workName = `测试深基坑${Date.now().toString().slice(-6)}`;
  const department = await signedIn(browser, DEMO_PROJECT.filingNumber);
  await department.goto('/dangerous-works');
  // The shared project document registers (idempotently) before it syncs: two round trips on a busy machine.
  await expect(department.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步', {
    timeout: 30_000,
  });
  await department.getByLabel('工程名称').fill(workName);
  await department.getByLabel(/类别/).selectOption({ label: '深基坑工程' });
  await department.getByRole('button', { name: '登记', exact: true }).click();
  await expect(department.getByText(`已登记超危大工程：${workName}`)).toBeVisible();

  const work = department.getByTestId('edit-work').filter({ hasText: workName });
  await work.getByRole('button', { name: new RegExp(workName) }).click();
  const plan = work.getByTestId('record-plan');
  await plan.getByLabel('日期').fill('2026-01-10');
  await plan.getByLabel('编制/审核人员').fill('编制人 王工');
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
  await expect(listed.getByTestId('work-step').filter({ hasText: '专项施工方案' })).toContainText(
    '2026-01-10',
  );
  await expect(listed.getByTestId('work-step').filter({ hasText: '专家论证' })).toContainText('未上传');
  await expect(listed.getByTestId('work-gap').filter({ hasText: '缺少专家论证' })).toBeVisible();
  await expectNoAxeViolations(director);

  // The gap filter keeps it under 有缺项 and drops it under 资料齐全.
  await director.getByLabel('资料缺项').selectOption({ label: '资料齐全' });
  await expect(director.getByTestId('dangerous-work').filter({ hasText: workName })).toHaveCount(0);
  await director.getByLabel('资料缺项').selectOption({ label: '有缺项或滞后' });
  await expect(director.getByTestId('dangerous-work').filter({ hasText: workName })).toBeVisible();
});

test('the department enters a work’s 附件2 parameters, step people and an operator’s certificate, and sees them again offline', async ({
  browser,
}) => {
  const suffix = Date.now().toString().slice(-6);
  const workName = `测试高支模${suffix}`;
  const craneName = `测试塔吊${suffix}`;
  const department = await signedIn(browser, DEMO_PROJECT.filingNumber);
  await department.goto('/dangerous-works');
  await waitForServiceWorker(department);
  await expect(department.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步', {
    timeout: 30_000,
  });
  await department.getByLabel('工程名称').fill(workName);
  await department.getByLabel(/类别/).selectOption({ label: '模板工程及支撑体系' });
  await department.getByRole('button', { name: '登记', exact: true }).click();

  const work = department.getByTestId('edit-work').filter({ hasText: workName });
  await work.getByRole('button', { name: new RegExp(workName) }).click();
  const threshold = work.getByTestId('work-threshold');
  await threshold.getByLabel('附件2条目').selectOption('sdw.form.support');
  await threshold.getByLabel('搭设高度（m）').fill('7.5');
  await expect(threshold.getByTestId('threshold-verdict')).toHaveText('请填写参数以判断是否超过一定规模');
  await threshold.getByLabel('搭设跨度（m）').fill('17');
  await threshold.getByLabel('施工总荷载（设计值）（kN/m²）').fill('12');
  await threshold.getByLabel('集中线荷载（设计值）（kN/m）').fill('15');
  await expect(threshold.getByTestId('threshold-verdict')).toHaveText(
    '未达到超过一定规模标准：属一般危大工程',
  );
  await threshold.getByLabel('搭设跨度（m）').fill('18');
  await expect(threshold.getByTestId('threshold-verdict')).toHaveText('达到超过一定规模标准：搭设跨度≥18 m');
  await threshold.getByRole('button', { name: '保存条目及参数' }).click();
  await expect(department.getByText('已保存附件2条目及参数')).toBeVisible();
  const acceptance = work.getByTestId('record-acceptance');
  await acceptance.getByLabel('验收人员').fill('总监 李工、技术负责人 张工');
  await acceptance.getByRole('button', { name: '保存验收记录' }).click();
  await expect(department.getByText('已保存验收记录')).toBeVisible();

  await department.getByLabel('设备名称/编号').fill(craneName);
  await department.getByLabel('安装日期').fill('2026-03-01');
  await department.getByRole('button', { name: '登记设备' }).click();
  const crane = department.getByTestId('edit-equipment').filter({ hasText: craneName });
  await crane.getByLabel('姓名').fill('王师傅');
  await crane.getByLabel('操作证书编号').fill('T-2020-001');
  await crane.getByLabel('证书有效期至').fill('2020-12-31');
  await crane.getByRole('button', { name: '添加操作人员' }).click();
  await expect(crane.getByTestId('operator')).toContainText('王师傅 · 证书 T-2020-001 · 有效期至 2020-12-31');
  await expect(crane.getByTestId('operator')).toContainText('已过期');
  await expect(department.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');
  await expectNoAxeViolations(department);

  await department.context().setOffline(true);
  await department.reload();
  const again = department.getByTestId('edit-work').filter({ hasText: workName });
  await again.getByRole('button', { name: new RegExp(workName) }).click();
  await expect(again.getByLabel('搭设跨度（m）')).toHaveValue('18');
  await expect(again.getByTestId('threshold-verdict')).toHaveText('达到超过一定规模标准：搭设跨度≥18 m');
  await expect(again.getByTestId('record-acceptance').getByLabel('验收人员')).toHaveValue(
    '总监 李工、技术负责人 张工',
  );
  const craneAgain = department.getByTestId('edit-equipment').filter({ hasText: craneName });
  await expect(craneAgain).toContainText('2026-03-01');
  await expect(craneAgain.getByTestId('operator')).toContainText('已过期');
  await department.context().setOffline(false);
});
