import { r1NotTerminated } from './r1-not-terminated.js';
import { r2OverdueCompletion } from './r2-overdue-completion.js';
import { r3InspectionPace } from './r3-inspection-pace.js';
import { r4MonthlyMissing } from './r4-monthly-missing.js';
import { r5RectificationOverdue } from './r5-rectification-overdue.js';
import { r6DangerousWorkGaps } from './r6-dangerous-work-gaps.js';
import type { AlertDraft, AutomaticFailure, ProjectFacts } from './types.js';

export * from './types.js';

export const RULES = [
  r1NotTerminated,
  r2OverdueCompletion,
  r3InspectionPace,
  r4MonthlyMissing,
  r5RectificationOverdue,
  r6DangerousWorkGaps,
] as const;

/** Every rule over one project on `today` (YYYY-MM-DD, Asia/Shanghai). */
export function evaluateRules(
  facts: ProjectFacts,
  today: string,
): { alerts: AlertDraft[]; failures: AutomaticFailure[] } {
  const results = RULES.map((rule) => rule(facts, today));
  return { alerts: results.flatMap((r) => r.alerts), failures: results.flatMap((r) => r.failures) };
}
