import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { BASE_URL } from './support/browser';

/**
 * A same-machine front for the test server whose service worker script can be "redeployed": every request is
 * passed through, except that `/service-worker.js` gets a trailer naming the current deploy. Its own origin (own
 * port) keeps the new worker away from other tests' pages.
 */
async function startRedeployableFront(): Promise<{
  url: string;
  redeploy: () => void;
  close: () => Promise<void>;
}> {
  let deploy = 1;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(`${BASE_URL}${req.url ?? '/'}`, {
        headers: { accept: req.headers.accept ?? '*/*' },
      });
      const headers: Record<string, string> = {};
      upstream.headers.forEach((value, key) => {
        if (!['content-length', 'content-encoding', 'transfer-encoding'].includes(key)) headers[key] = value;
      });
      let body = Buffer.from(await upstream.arrayBuffer());
      if (req.url === '/service-worker.js') {
        body = Buffer.concat([body, Buffer.from(`\n// deploy ${deploy}\n`)]);
      }
      res.writeHead(upstream.status, headers).end(body);
    })().catch((error: unknown) => res.writeHead(502).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    redeploy: () => void (deploy += 1),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

test('a new version waits for 有新版本可用 · 刷新, then takes over and reloads the page', async ({
  page,
}) => {
  const front = await startRedeployableFront();
  try {
    await page.goto(`${front.url}/login`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
    await expect(page.getByText('有新版本可用')).toHaveCount(0);

    front.redeploy();
    // What the app's hourly check does.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const prompt = page.getByRole('status').filter({ hasText: '有新版本可用' });
    await expect(prompt).toBeVisible();
    // Until asked, the old version keeps control: nothing reloads under the user's hands.
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state),
    ).toBe('installed');

    const reloaded = page.waitForEvent('load');
    await prompt.getByRole('button', { name: '刷新' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { name: '用户登录' })).toBeVisible();
    await expect(page.getByText('有新版本可用')).toHaveCount(0);
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null),
    ).toBe(null);
  } finally {
    await front.close();
  }
});
