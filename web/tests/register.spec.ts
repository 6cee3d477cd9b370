import { expect, registerEnterprise, test } from './fixtures';
import { makeEnterprise } from './support/factories';

test('registration checks each field as it is typed, with the shared validators', async ({ page }) => {
  await page.goto('/register');
  const creditCode = page.getByLabel('统一社会信用代码');
  const valid = makeEnterprise().creditCode;
  // Same body, wrong check character.
  const wrongCheck = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
  await creditCode.fill(wrongCheck);
  await creditCode.blur();
  await expect(page.getByText('统一社会信用代码校验位不正确')).toBeVisible();
  await creditCode.fill(valid);
  await expect(page.getByText('统一社会信用代码校验位不正确')).toBeHidden();

  const idNumber = page.getByLabel('联系人身份证号');
  await idNumber.fill('320102198502301234');
  await idNumber.blur();
  await expect(page.getByText('身份证号码中的出生日期无效')).toBeVisible();

  const phone = page.getByLabel('联系人手机号');
  await phone.fill('1234');
  await phone.blur();
  await expect(page.getByText('手机号码应为11位')).toBeVisible();

  const password = page.getByLabel('密码', { exact: true });
  await password.fill('abcdefgh');
  await password.blur();
  await expect(page.getByText('密码须同时包含字母和数字')).toBeVisible();

  // Submitting shows every remaining problem and sends nothing.
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('请填写企业名称')).toBeVisible();
  await expect(page.getByText('请填写联系人姓名')).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);
});

test('a credit code that is already registered is reported on its field', async ({ page, request }) => {
  const existing = makeEnterprise();
  await registerEnterprise(request, existing);
  const again = makeEnterprise({ creditCode: existing.creditCode });

  await page.goto('/register');
  await page.getByLabel('统一社会信用代码').fill(again.creditCode);
  await page.getByLabel('企业名称').fill(again.name);
  await page.getByLabel('联系人姓名').fill(again.contactName);
  await page.getByLabel('联系人身份证号').fill(again.contactIdNumber);
  await page.getByLabel('联系人手机号').fill(again.contactPhone);
  await page.getByLabel('密码', { exact: true }).fill(again.password);
  await page.getByLabel('确认密码').fill(again.password);
  await page.getByRole('button', { name: '注册' }).click();

  await expect(page.getByText('该统一社会信用代码已注册，请直接登录或找回密码')).toBeVisible();
  await expect(page.getByLabel('统一社会信用代码')).toBeFocused();
  await expect(page.getByLabel('统一社会信用代码')).toHaveAttribute('aria-invalid', 'true');
});
