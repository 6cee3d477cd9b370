/**
 * 新建检查's project combobox (web/src/routes/(app)/inspections/new/ProjectPicker.svelte), as a person uses it:
 * type the 监督备案号, choose the option.
 *
 * @module
 */
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** Chooses the project labelled `label` (`<监督备案号> <名称>`) on /inspections/new. */
export async function pickProject(page: Page, label: string): Promise<void> {
  const input = page.getByRole('combobox', { name: '项目', exact: true });
  await input.fill(label.split(' ')[0]!);
  await page.getByRole('option', { name: label, exact: true }).click();
  await expect(input).toHaveValue(label);
}
