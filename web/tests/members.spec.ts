import { apiCreateInspector, apiLogin, expect, test, uiLogin } from './fixtures';
import { makeInspector } from './support/factories';

test('账号管理: reset an inspector password, disable and enable the account', async ({
  page,
  browser,
  enterprise,
}) => {
  const inspector = makeInspector();
  await apiLogin(page, enterprise.creditCode, enterprise.password);
  await apiCreateInspector(page, inspector);

  await page.goto('/members');
  const row = page.getByTestId('member-row').filter({ hasText: inspector.phone });
  await expect(row).toContainText(inspector.name);

  await row.getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog', { name: '重置密码' });
  const newPassword = 'Chongzhi2025';
  await dialog.getByLabel('新密码', { exact: true }).fill(newPassword);
  await dialog.getByLabel('确认新密码').fill(newPassword);
  await dialog.getByRole('button', { name: '确认重置' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '已重置' })).toBeVisible();

  await row.getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog', { name: '停用账号' }).getByRole('button', { name: '确认停用' }).click();
  await expect(row).toContainText('已停用');

  // The disabled inspector cannot sign in (checked in a second browser context).
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await uiLogin(otherPage, inspector.phone, newPassword);
  await expect(otherPage.getByTestId('login-error')).toContainText('该账号已被停用');

  await row.getByRole('button', { name: '启用' }).click();
  await expect(row).toContainText('正常');
  await uiLogin(otherPage, inspector.phone, newPassword);
  await expect(otherPage).toHaveURL(/\/projects$/);
  await other.close();
});

test('账号管理: a project account needs a filing number of one of our projects', async ({
  page,
  enterprise,
}) => {
  await apiLogin(page, enterprise.creditCode, enterprise.password);
  await page.goto('/members');
  await page.getByRole('button', { name: '新建账号' }).first().click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByText('项目部', { exact: true }).click();
  await dialog.getByLabel('监督备案号').fill('JS-NO-SUCH-1');
  await dialog.getByLabel('初始密码').fill('Xiangmu2025');
  await dialog.getByRole('button', { name: '创建账号' }).click();
  await expect(dialog.getByText('未找到本企业在建的该监督备案号项目')).toBeVisible();
  await expect(dialog.getByLabel('监督备案号')).toBeFocused();
});
