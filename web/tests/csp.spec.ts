/**
 * The app runs under the server's strict Content-Security-Policy (no inline script but the hashed bootstrap):
 * the shell, a list page and a document page load, and the browser reports no policy violation on the way.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_ACCOUNTS, newInspection, signedIn } from './support/demo';

/** Collects CSP violations the page reports (from the DOM event and the console) from now on. */
async function recordViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return found;
}

test('the shell is served with a script policy that allows no inline script but its own hashed bootstrap', async ({
  request,
}) => {
  const response = await request.get('/login');
  const policy = response.headers()['content-security-policy'] ?? '';
  const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toContain("'self'");
  expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(policy).toContain("frame-ancestors 'none'");
});

test('the app loads and syncs a document under the policy without a single violation', async ({
  browser,
}) => {
  const page = await signedIn(browser, DEMO_ACCOUNTS.enterprise);
  const violations = await recordViolations(page);
  await page.goto('/projects');
  await expect(page.getByRole('heading', { level: 1, name: '项目信息' })).toBeVisible();
  await newInspection(page);
  await page.getByLabel('备注').fill('CSP 检查');
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', '已同步');
  expect(violations).toEqual([]);
});
