/**
 * What the server lets each person do with an inspection decides what its page offers: a read-only reader gets
 * no editing controls at all, and a refused document says so at once without opening a sync socket.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  DEMO_ACCOUNTS,
  newInspection,
  newInternalInspection,
  OTHER_ENTERPRISE,
  signedIn,
} from './support/demo';

/** Counts the websockets the page opens to /sync from now on. */
function syncSockets(page: Page): string[] {
  const opened: string[] = [];
  page.on('websocket', (socket) => {
    if (socket.url().includes('/sync/')) opened.push(socket.url());
  });
  return opened;
}

async function expectNoEditingControls(page: Page): Promise<void> {
  await expect(page.getByTestId('read-only')).toHaveText('仅可查看');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByLabel('拍照')).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '加入检查' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^删除/ })).toHaveCount(0);
}

test('the project department and the supervisor read an enterprise inspection without any editing control', async ({
  browser,
}) => {
  // Three people and two first loads of a document on a 2-core machine shared with other runs (a load average
  // of 25 was seen: the director alone then took a minute to create and sync the inspection).
  test.setTimeout(240_000);
  const director = await signedIn(browser, DEMO_ACCOUNTS.enterprise);
  const url = await newInternalInspection(director);
  await director.getByLabel('备注').fill('塔吊附墙杆件锈蚀');
  await expect(director.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');

  for (const login of [DEMO_ACCOUNTS.project, DEMO_ACCOUNTS.supervisor]) {
    const reader = await signedIn(browser, login);
    await reader.goto(url);
    // A first load: page, session, access check, socket and handshake (seconds on a busy machine).
    await expect(reader.getByTestId('remarks-text')).toHaveText('塔吊附墙杆件锈蚀', { timeout: 30_000 });
    // The director still has the inspection open: the reader sees who is editing, and where.
    await expect(reader.getByTestId('presence')).toContainText('江苏安建建设集团有限公司 · 备注', {
      timeout: 20_000,
    });
    await expectNoEditingControls(reader);
    // Later edits still reach the reader.
    await director.getByLabel('备注').fill('塔吊附墙杆件锈蚀，已停用');
    await expect(reader.getByTestId('remarks-text')).toHaveText('塔吊附墙杆件锈蚀，已停用');
    await director.getByLabel('备注').fill('塔吊附墙杆件锈蚀');
    await reader.context().close();
  }
});

test('another enterprise’s inspection says 无权查看 at once and opens no sync socket', async ({
  browser,
}) => {
  const director = await signedIn(browser, DEMO_ACCOUNTS.enterprise);
  const url = await newInspection(director);
  const stranger = await signedIn(browser, OTHER_ENTERPRISE);
  const sockets = syncSockets(stranger);
  await stranger.goto(url);
  await expect(stranger.getByTestId('doc-refused')).toContainText('无权查看');
  await expect(stranger.getByText('正在加载检查记录')).toHaveCount(0);
  await expect(stranger.getByTestId('sync-badge')).toHaveCount(0);
  await expect(stranger.getByRole('textbox')).toHaveCount(0);
  // The refusal came from the access check; the page still has none of the socket's retries after it.
  await expect(stranger.getByRole('link', { name: '返回项目信息' })).toBeVisible();
  await stranger.waitForLoadState('networkidle');
  expect(sockets).toEqual([]);
});

test('an inspection that does not exist says 不存在 at once and opens no sync socket', async ({
  browser,
}) => {
  const director = await signedIn(browser, DEMO_ACCOUNTS.enterprise);
  const sockets = syncSockets(director);
  await director.goto(`/inspections/${randomUUID()}`);
  await expect(director.getByTestId('doc-refused')).toContainText('不存在');
  await expect(director.getByText('正在加载检查记录')).toHaveCount(0);
  await director.waitForLoadState('networkidle');
  expect(sockets).toEqual([]);
});
