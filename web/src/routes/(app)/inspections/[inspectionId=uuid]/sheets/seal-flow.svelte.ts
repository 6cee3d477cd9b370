/**
 * 保存汇总: the checks the page can make itself (评语, unsaved sub-tables, network), then the server's seal, with
 * its refusals in zh-CN. The server rescoring and sealing the synced state is what counts.
 *
 * @module
 */
import { sheetDisplayName } from '@anguan/model';
import { sealInspection } from '../seal-request';
import type { SheetPage } from './sheet-page.svelte';

export class SealFlow {
  sealedAt = $state<string | null>(null);
  sealing = $state(false);
  /** Why the last 保存汇总 was refused, one zh-CN line each. */
  problems = $state<string[]>([]);

  constructor(private readonly page: SheetPage) {}

  /** What the page itself can tell is missing before asking the server. */
  localProblems(): string[] {
    const page = this.page;
    const problems: string[] = [];
    if (page.sheets.length === 0) problems.push('还没有检查任何分项检查评分表');
    // The same rule as the model's `unsavedSheets`, which the server applies when sealing.
    const unsaved = page.sheets.filter((s) => !s.done && !s.notApplicable);
    if (unsaved.length > 0) {
      const names = unsaved.map((sheet) => sheetDisplayName(sheet, page.catalog));
      problems.push(`以下分项检查表尚未保存：${names.join('、')}`);
    }
    if (page.comment.trim() === '') problems.push('请填写评语后再保存汇总');
    return problems;
  }

  async seal(): Promise<boolean> {
    const local = this.localProblems();
    if (local.length > 0) return ((this.problems = local), false);
    this.sealing = true;
    this.problems = [];
    try {
      const outcome = await sealInspection(this.page.inspection, '保存汇总');
      if (outcome.problems) return ((this.problems = outcome.problems), false);
      this.sealedAt = outcome.sealedAt;
      return true;
    } finally {
      this.sealing = false;
    }
  }
}
