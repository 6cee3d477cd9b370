/**
 * 预警提醒 live: a director has the page open; the supervisor files the project's 竣工备案 through the API; the R1
 * alert (30-day countdown to 终止监督) arrives without a reload, in the list and on the nav badge, and opening it
 * lands on the project.
 */
import { apiLogin, expect, test } from './fixtures';
import { expectNoAxeViolations } from './support/axe';
import { BASE_URL } from './support/browser';
import { leafRegion, makeFilingNumber, NANJING_SUPERVISOR, signedIn } from './support/projects';

const ORIGIN = { origin: BASE_URL };

/** Today in Asia/Shanghai, YYYY-MM-DD (the server's calendar). */
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

test('a director sees an R1 alert arrive live, opens it and lands on the project', async ({
  page,
  browser,
  enterprise,
}) => {
  // Two accounts, a registration and a filing on a shared 2-core machine: more than the default minute.
  test.setTimeout(120_000);
  await apiLogin(page, enterprise.creditCode, enterprise.password);
  await page.goto('/alerts');
  await expect(page.getByRole('heading', { level: 1, name: '预警提醒' })).toBeVisible();
  await expect(page.getByText('实时接收中')).toBeVisible();
  await expect(page.getByRole('heading', { name: '暂无待处理预警' })).toBeVisible();
  const badge = page.getByTestId('alerts-badge');
  await expect(badge).toHaveCount(0);

  // The supervisor registers a project of this enterprise and files its 竣工备案 today (day 0 of 30).
  const supervisor = await signedIn(browser, NANJING_SUPERVISOR);
  const filingNumber = makeFilingNumber();
  const name = `预警实时测试项目${filingNumber.slice(-4)}`;
  const today = shanghaiToday();
  const registered = await supervisor.request.post('/api/registry/projects', {
    headers: ORIGIN,
    data: {
      filingNumber,
      name,
      address: '南京市建邺区江东中路1号',
      regionCode: await leafRegion(supervisor),
      constructorName: enterprise.name,
      constructorCreditCode: enterprise.creditCode,
      builderName: '南京滨江置业有限公司',
      startDate: `${today.slice(0, 7)}-01`,
      expectedCompletionDate: today,
    },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const filed = await supervisor.request.post(`/api/registry/projects/${filingNumber}/completion`, {
    headers: ORIGIN,
    data: { date: today },
  });
  expect(filed.status(), await filed.text()).toBe(200);
  await supervisor.context().close();

  const card = page.getByTestId('alert-card').filter({ hasText: name }).and(page.locator('[data-rule="R1"]'));
  await expect(card).toBeVisible();
  await expect(card.getByTestId('alert-countdown')).toHaveText('剩余 30 天');
  await expect(card).toContainText('竣工备案后须在30日内办理终止监督');
  await expect(badge).toContainText('1');
  await expect(page.getByTestId('unread-count')).toHaveText('1 条未读');
  await expectNoAxeViolations(page);

  await card.getByRole('link', { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${filingNumber}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // Opening it marked it read: the badge is gone.
  await expect(badge).toHaveCount(0);
});

test('the director sets up a 企业微信 robot, and the page refuses an address that is not https://', async ({
  page,
  enterprise,
}) => {
  await apiLogin(page, enterprise.creditCode, enterprise.password);
  await page.goto('/alerts');
  await page.getByRole('link', { name: '推送设置' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '推送设置' })).toBeVisible();
  await expect(page.getByText('尚未设置：预警只在安管内提醒。')).toBeVisible();
  await page.getByLabel('Webhook 地址').fill('http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '必须以 https:// 开头' })).toBeVisible();
  await page.getByLabel('Webhook 地址').fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('推送设置已保存')).toBeVisible();
  await expect(page.getByText('当前：企业微信群机器人')).toBeVisible();
  await expect(page.getByRole('button', { name: '发送测试消息' })).toBeVisible();
  await expectNoAxeViolations(page);
});
