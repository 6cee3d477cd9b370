import { expect, test, uiLogin } from './fixtures';

test('a wrong password gets the same message as an unknown account', async ({ page, enterprise }) => {
  await uiLogin(page, enterprise.creditCode, 'Wrong12345');
  await expect(page.getByTestId('login-error')).toHaveText('账号或密码错误，再失败 4 次将锁定账号');
  await expect(page).toHaveURL(/\/login$/);

  // A login nobody has: the same words and the same count, so the answer tells nothing about which logins exist.
  await uiLogin(page, `139${String(Date.now()).slice(-8)}`, 'Wrong12345');
  await expect(page.getByTestId('login-error')).toHaveText('账号或密码错误，再失败 4 次将锁定账号');
});

test('five failures in a row lock the account and say when it unlocks', async ({ page, enterprise }) => {
  await page.goto('/login');
  await page.getByLabel('账号').fill(enterprise.creditCode);
  const password = page.getByLabel('密码', { exact: true });
  const submit = page.getByRole('button', { name: '登录', exact: true });
  const error = page.getByTestId('login-error');
  for (let attempt = 1; attempt <= 4; attempt++) {
    await password.fill(`Wrong${attempt}2345`);
    await submit.click();
    // The warning counts down before the lock (等保 2.0).
    await expect(error).toHaveText(`账号或密码错误，再失败 ${5 - attempt} 次将锁定账号`);
    // Let the next answer be told apart from this one.
    await expect(submit).toBeEnabled();
  }
  await password.fill('Wrong52345');
  await submit.click();
  await expect(error).toContainText('连续登录失败次数过多，账号已锁定');
  await expect(error).toContainText(/解锁时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  // Locked means locked: even the right password waits.
  await password.fill(enterprise.password);
  await submit.click();
  await expect(error).toContainText('账号已锁定');
  await expect(page).toHaveURL(/\/login$/);
});

test('the login form asks for both fields before sending anything', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('请填写账号')).toBeVisible();
  await expect(page.getByText('请填写密码')).toBeVisible();
  await expect(page.getByLabel('账号')).toBeFocused();
});
