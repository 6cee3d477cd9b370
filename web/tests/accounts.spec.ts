import { expect, test, uiLogin } from './fixtures';
import { makeEnterprise, makeInspector } from './support/factories';

test('an enterprise registers, signs in, creates an inspector, and the inspector signs in to the shell', async ({
  page,
}) => {
  const enterprise = makeEnterprise();
  const inspector = makeInspector();

  await page.goto('/register');
  await expect(page.getByRole('heading', { name: '企业注册' })).toBeVisible();
  await page.getByLabel('统一社会信用代码').fill(enterprise.creditCode.toLowerCase());
  await page.getByLabel('企业名称').fill(enterprise.name);
  await page.getByLabel('联系人姓名').fill(enterprise.contactName);
  await page.getByLabel('联系人身份证号').fill(enterprise.contactIdNumber);
  await page.getByLabel('联系人手机号').fill(enterprise.contactPhone);
  await page.getByLabel('密码', { exact: true }).fill(enterprise.password);
  await page.getByLabel('确认密码').fill(enterprise.password);
  await page.getByRole('button', { name: '注册' }).click();

  // Registration lands on 登录 with the credit code filled in (typed in lower case, upper-cased as typed).
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByRole('status').filter({ hasText: '注册成功' })).toBeVisible();
  await expect(page.getByLabel('账号')).toHaveValue(enterprise.creditCode);
  await page.getByLabel('密码', { exact: true }).fill(enterprise.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();

  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId('current-user')).toContainText(enterprise.name);
  await expect(page.getByTestId('current-user')).toContainText('安全总监');
  // A new enterprise builds nothing yet: the project list says so rather than inventing rows.
  await expect(page.getByRole('heading', { name: '暂无在建项目' })).toBeVisible();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '账号管理' }).click();
  await expect(page.getByRole('heading', { name: '还没有检查人员或项目部账号' })).toBeVisible();
  await page.getByRole('button', { name: '新建账号' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByLabel('姓名').fill(inspector.name);
  await dialog.getByLabel('手机号').fill(inspector.phone);
  await dialog.getByLabel('初始密码').fill(inspector.password);
  await dialog.getByRole('button', { name: '创建账号' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('member-row').filter({ hasText: inspector.phone });
  await expect(row).toContainText(inspector.name);
  await expect(row).toContainText('检查人员');
  await expect(row).toContainText('正常');

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await uiLogin(page, inspector.phone, inspector.password);
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByTestId('current-user')).toContainText(inspector.name);
  await expect(page.getByTestId('current-user')).toContainText('企业检查人员');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '企业检查' })).toBeVisible();
  // Only the 安全总监 manages accounts.
  await expect(nav.getByRole('link', { name: '账号管理' })).toHaveCount(0);
});

test('the shell sends a signed-out visitor to 登录 and back to the page asked for', async ({
  page,
  enterprise,
}) => {
  await page.goto('/members');
  await expect(page).toHaveURL(/\/login\?redirect=%2Fmembers$/);
  await page.getByLabel('账号').fill(enterprise.creditCode);
  await page.getByLabel('密码', { exact: true }).fill(enterprise.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByRole('heading', { name: '账号管理' })).toBeVisible();
});
