import { daysBetween } from './calendar.js';
import type { AlertDraft, ProjectFacts, RuleResult } from './types.js';

/** R5: a rectification still waiting for the project department after its 整改期限 (inclusive) has passed. */
export function r5RectificationOverdue(facts: ProjectFacts, today: string): RuleResult {
  const alerts: AlertDraft[] = facts.openRectifications
    .filter((r) => r.deadline < today)
    .map((r) => {
      const late = daysBetween(r.deadline, today);
      return {
        rule: 'R5',
        subject: r.inspectionId,
        period: r.deadline,
        level: 'warning',
        title: `${facts.project.name}：整改已逾期${late}天`,
        body: `整改期限为${r.deadline}，${r.state === 'returned' ? '整改回复被退回后' : ''}至今未提交整改回复，已逾期${late}天。`,
        link: `/rectifications/${r.inspectionId}`,
        daysLeft: null,
      };
    });
  return { alerts, failures: [] };
}
