/**
 * Every page of every role, on a 375-px phone and on a desktop, is free of WCAG 2.0/2.1 A and AA violations as
 * axe-core finds them. The pages come from the rendered navigation, so a page added to the nav is checked
 * without touching this spec; the inspection page (opened from a list, not the nav) is checked as well.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { DEMO_ACCOUNTS, newInspection, signedIn } from './support/demo';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 860 },
} as const;

/** Waits until the page has its heading and nothing says it is still loading. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** The axe violations of the page as it stands, one readable line per failing node. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (node) => `${v.id} (${v.impact ?? '?'}): ${node.target.join(' ')} — ${node.failureSummary ?? ''}`,
    ),
  );
}

/** The hrefs of the signed-in navigation (section links and 修改密码), as rendered for this user. */
async function navHrefs(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('#app-nav a[href]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return [...new Set(hrefs)];
}

for (const [role, login] of Object.entries(DEMO_ACCOUNTS)) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    test(`every nav page of the ${role} account is free of WCAG A/AA violations on a ${device}`, async ({
      browser,
    }) => {
      // Up to nine pages, each loaded and scanned: generous for a busy 2-core machine.
      test.setTimeout(360_000);
      const page = await signedIn(browser, login, viewport);
      await page.goto('/projects');
      await settled(page);
      const pages = await navHrefs(page);
      expect(pages.length).toBeGreaterThan(2);
      const found: string[] = [];
      for (const path of pages) {
        await page.goto(path);
        await settled(page);
        for (const line of await violations(page)) found.push(`${path}: ${line}`);
      }
      if (device === 'phone') {
        await page.getByRole('button', { name: '菜单' }).click();
        await expect(page.locator('#app-nav')).toBeVisible();
        for (const line of await violations(page)) found.push(`drawer: ${line}`);
      }
      expect(found).toEqual([]);
      await page.context().close();
    });
  }
}

test('the inspection page is free of WCAG A/AA violations for its editor and a read-only reader', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const director = await signedIn(browser, DEMO_ACCOUNTS.enterprise, VIEWPORTS.phone);
  const url = await newInspection(director);
  await director.getByLabel('备注').fill('外脚手架剪刀撑不连续');
  const reader = await signedIn(browser, DEMO_ACCOUNTS.project, VIEWPORTS.desktop);
  await reader.goto(url);
  // A first load: page, session, access check, socket and handshake (seconds on a busy machine).
  await expect(reader.getByTestId('remarks-text')).toHaveText('外脚手架剪刀撑不连续', { timeout: 30_000 });
  await expect(director.getByTestId('presence').locator('.peer')).toHaveCount(1);
  expect(await violations(director)).toEqual([]);
  expect(await violations(reader)).toEqual([]);
});
