/**
 * From the registry to the enterprise: a supervisor imports projects (a bad file changes nothing and reports its
 * rows), the constructor registers, sees them in 项目信息 and opens an overview and a record of it.
 */
import { registerEnterprise, apiLogin, expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { makeEnterprise } from './support/factories';
import { leafRegion, makeFilingNumber, NANJING_SUPERVISOR, projectsCsv, signedIn } from './support/projects';
import { pickProject } from './support/project-picker';


// Whole workflows with several axe-core passes (each takes seconds on a 2-core machine).
test.describe.configure({ timeout: 180_000 });

test('a supervisor imports projects; the enterprise registers, sees them and opens an overview and a record', async ({
  browser,
  page,
}) => {
  const supervisor = await signedIn(browser, NANJING_SUPERVISOR);
  const region = await leafRegion(supervisor);
  const enterprise = makeEnterprise();
  const rows = [1, 2].map((n) => ({
    filingNumber: makeFilingNumber(),
    name: `测试导入项目${n}号楼`,
    regionCode: region,
    constructorName: enterprise.name,
    constructorCreditCode: enterprise.creditCode,
  }));

  await supervisor.goto('/registry/import');
  await expect(supervisor.getByRole('link', { name: /下载导入模板/ })).toBeVisible();
  await expectNoAxeViolations(supervisor);
  // One bad row: nothing is imported and the row is named.
  const bad = [...rows, { ...rows[0]!, filingNumber: makeFilingNumber(), constructorCreditCode: '91320100MA1MXX0A0X' }];
  await supervisor.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles(projectsCsv(bad));
  await supervisor.getByRole('button', { name: '导入', exact: true }).click();
  await expect(supervisor.getByTestId('import-errors')).toContainText('第 4 行');
  await expect(supervisor.getByTestId('import-errors')).toContainText('施工单位统一社会信用代码');
  const none = await supervisor.request.get(`/api/projects?q=${rows[0]!.filingNumber}`);
  expect(((await none.json()) as { total: number }).total).toBe(0);

  await supervisor.getByLabel('选择文件（.xlsx 或 .csv）').setInputFiles(projectsCsv(rows));
  await supervisor.getByRole('button', { name: '导入', exact: true }).click();
  await expect(supervisor.getByTestId('import-result')).toContainText('共 2 条');

  // The constructor registers afterwards and is linked to both.
  await registerEnterprise(page.request, enterprise);
  await apiLogin(page, enterprise.creditCode, enterprise.password);
  await page.goto('/projects');
  for (const row of rows) await expect(page.getByRole('link', { name: row.filingNumber })).toBeVisible();
  await expect(page.getByTestId('project-row').first()).toContainText('0/3 次');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: rows[0]!.filingNumber }).click();
  await expect(page.getByRole('heading', { level: 1, name: rows[0]!.name })).toBeVisible();
  await expect(page.getByText(`${enterprise.name}（${enterprise.creditCode}）`)).toBeVisible();
  await expect(page.getByText('暂无检查记录')).toBeVisible();
  await expectNoAxeViolations(page);

  // A record of the project appears on its timeline and opens.
  await page.goto('/inspections/new');
  await pickProject(page, `${rows[0]!.filingNumber} ${rows[0]!.name}`);
  await page.getByRole('button', { name: '开始检查' }).click();
  await expect(page).toHaveURL(/\/inspections\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');
  const recordUrl = page.url();
  // The server materializes the record shortly after it synced.
  await expect(async () => {
    await page.goto(`/projects/${rows[0]!.filingNumber}`);
    await expect(page.getByTestId('timeline-entry')).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('timeline-entry')).toContainText('企业检查');
  await page.getByTestId('timeline-entry').getByRole('link').click();
  await expect(page).toHaveURL(recordUrl);
  await expect(page.getByTestId('inspection-project')).toContainText(rows[0]!.name);
});

test('a supervisor registers one project, told in Chinese what is missing first', async ({ browser }) => {
  const supervisor = await signedIn(browser, NANJING_SUPERVISOR);
  await supervisor.goto('/registry');
  await expect(supervisor.getByRole('heading', { level: 1, name: '项目登记' })).toBeVisible();
  await supervisor.getByRole('button', { name: '登记项目' }).click();
  await expect(supervisor.getByText('请输入监督备案号')).toBeVisible();
  await expect(supervisor.getByText('请填写项目名称')).toBeVisible();
  await expect(supervisor.getByText('请选择所在区县')).toBeVisible();
  await expectNoAxeViolations(supervisor);

  const enterprise = makeEnterprise();
  const filingNumber = makeFilingNumber();
  await supervisor.getByLabel('监督备案号').fill(filingNumber);
  await supervisor.getByLabel('项目名称').fill('测试登记项目');
  await supervisor.getByLabel('所在区县').selectOption({ index: 1 });
  await supervisor.getByLabel('施工单位', { exact: true }).fill(enterprise.name);
  await supervisor.getByLabel('施工单位统一社会信用代码').fill(enterprise.creditCode);
  await supervisor.getByLabel('开工日期（选填）').fill('2026-03-01');
  await supervisor.getByLabel('计划竣工日期（选填）').fill('2026-02-01');
  await supervisor.getByRole('button', { name: '登记项目' }).click();
  await expect(supervisor.getByText('计划竣工日期不能早于开工日期')).toBeVisible();
  await supervisor.getByLabel('计划竣工日期（选填）').fill('2027-02-01');
  await supervisor.getByLabel('特殊项目（企业检查次数要求更高）').check();
  await expect(supervisor.getByLabel('每年企业检查次数')).toHaveValue('6');
  await supervisor.getByRole('button', { name: '登记项目' }).click();
  await expect(supervisor.getByTestId('registered')).toContainText(filingNumber);

  // The same 监督备案号 again is refused at the field.
  await supervisor.getByLabel('监督备案号').fill(filingNumber);
  await supervisor.getByLabel('项目名称').fill('重复项目');
  await supervisor.getByLabel('所在区县').selectOption({ index: 1 });
  await supervisor.getByLabel('施工单位', { exact: true }).fill(enterprise.name);
  await supervisor.getByLabel('施工单位统一社会信用代码').fill(enterprise.creditCode);
  await supervisor.getByRole('button', { name: '登记项目' }).click();
  await expect(supervisor.locator('#field-filingNumber-error')).toBeVisible();
});
