import { expect, test, uiLogin } from './fixtures';

test('找回密码: proving the contact person sets a new password that then signs in', async ({
  page,
  enterprise,
}) => {
  await page.goto('/login');
  await page.getByRole('link', { name: '忘记密码？' }).click();
  await expect(page.getByRole('heading', { name: '找回密码' })).toBeVisible();

  // A wrong phone number is refused without saying which part was wrong.
  await page.getByLabel('统一社会信用代码').fill(enterprise.creditCode);
  await page.getByLabel('联系人身份证号').fill(enterprise.contactIdNumber);
  await page.getByLabel('联系人手机号').fill('13800000000');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('alert')).toContainText('不匹配');

  await page.getByLabel('联系人手机号').fill(enterprise.contactPhone);
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByText('身份核验通过')).toBeVisible();

  const newPassword = 'Xinmima2025';
  await page.getByLabel('新密码').fill(newPassword);
  await page.getByLabel('确认密码').fill('Xinmima2026');
  await page.getByRole('button', { name: '重置密码' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await page.getByLabel('确认密码').fill(newPassword);
  await page.getByRole('button', { name: '重置密码' }).click();

  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByText('密码已重置，请使用新密码登录')).toBeVisible();

  await uiLogin(page, enterprise.creditCode, enterprise.password);
  await expect(page.getByTestId('login-error')).toContainText('账号或密码错误');
  await uiLogin(page, enterprise.creditCode, newPassword);
  await expect(page).toHaveURL(/\/projects$/);
});
