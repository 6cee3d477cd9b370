/**
 * Shared e2e fixtures: an enterprise registered through the API (for specs whose workflow starts after
 * registration) and helpers that drive the real API with the browser context's cookies.
 *
 * @module
 */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { BASE_URL } from './support/browser';
import { makeEnterprise, type EnterpriseData, type InspectorData } from './support/factories';

/** State-changing API calls need a same-origin Origin header, as a browser sends it. */
const ORIGIN = { origin: BASE_URL };

export async function registerEnterprise(
  request: APIRequestContext,
  enterprise: EnterpriseData,
): Promise<void> {
  const response = await request.post('/api/auth/register', { data: enterprise, headers: ORIGIN });
  expect(response.status(), await response.text()).toBe(201);
}

/** Signs the page's browser context in (the session cookie lands in the context). */
export async function apiLogin(page: Page, login: string, password: string): Promise<void> {
  const response = await page.request.post('/api/auth/login', { data: { login, password }, headers: ORIGIN });
  expect(response.status(), await response.text()).toBe(200);
}

export async function apiCreateInspector(page: Page, inspector: InspectorData): Promise<{ id: string }> {
  const response = await page.request.post('/api/members', {
    data: { role: 'inspector', ...inspector },
    headers: ORIGIN,
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { member: { id: string } }).member;
}

/** Fills the one login form and submits it. */
export async function uiLogin(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

interface Fixtures {
  /** A freshly registered enterprise (not signed in). */
  enterprise: EnterpriseData;
}

export const test = base.extend<Fixtures>({
  enterprise: async ({ request }, use) => {
    const enterprise = makeEnterprise();
    await registerEnterprise(request, enterprise);
    await use(enterprise);
  },
});

export { expect };
