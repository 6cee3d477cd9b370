/**
 * 保存检查 → 立即生成 of a terms inspection: the checks the page can make itself (the model's own seal rules),
 * then the server's seal, with its refusals in zh-CN. The server sealing the synced state is what counts.
 *
 * @module
 */
import { checkInspectionReadyToSeal, inspectionToJSON } from '@anguan/model';
import { sealInspection } from '../seal-request';
import type { TermsPage } from './terms-page.svelte';

export class TermsSeal {
  sealedAt = $state<string | null>(null);
  sealing = $state(false);
  /** Why the last 保存检查 / 立即生成 was refused, one zh-CN line each. */
  problems = $state<string[]>([]);
  /** 保存检查 passed the local checks: the confirmation asks for 立即生成. */
  confirming = $state(false);

  constructor(private readonly page: TermsPage) {}

  /** The same rules the server applies when sealing (`checkInspectionReadyToSeal`). */
  localProblems(): string[] {
    return checkInspectionReadyToSeal(inspectionToJSON(this.page.doc)).map((issue) => issue.message);
  }

  /** 保存检查: everything is already saved on the device; this checks it is complete and asks to confirm. */
  review(): boolean {
    this.problems = this.localProblems();
    this.confirming = this.problems.length === 0;
    return this.confirming;
  }

  /** 立即生成: seals the inspection; true when the 检查单 exists. */
  async generate(): Promise<boolean> {
    this.sealing = true;
    this.problems = [];
    try {
      const outcome = await sealInspection(this.page.inspection, '生成检查单');
      if (outcome.problems) return ((this.problems = outcome.problems), false);
      this.sealedAt = outcome.sealedAt;
      return true;
    } finally {
      this.sealing = false;
      this.confirming = false;
    }
  }
}
