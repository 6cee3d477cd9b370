import { daysBetween } from './calendar.js';
import { NOTHING, projectLink, type ProjectFacts, type RuleResult } from './types.js';

/** Days past the expected completion date after which an in-construction project is to be verified. */
export const OVERDUE_COMPLETION_DAYS = 90;

/** R2: in construction and more than 90 days (day 91 on) past the expected completion date. */
export function r2OverdueCompletion(facts: ProjectFacts, today: string): RuleResult {
  const { project } = facts;
  const expected = project.expectedCompletionDate;
  if (project.status !== 'in_construction' || !expected) return NOTHING;
  const late = daysBetween(expected, today);
  if (late <= OVERDUE_COMPLETION_DAYS) return NOTHING;
  return {
    alerts: [
      {
        rule: 'R2',
        subject: 'overdue-completion',
        period: expected,
        level: 'warning',
        title: `${project.name}：超过预计竣工日期${late}天仍在施工，请核实`,
        body:
          `项目预计竣工日期为${expected}，至今已超过${late}天仍为在建状态（超过90天须核实）。` +
          '请核实项目实际情况（停工、延期或已竣工未备案等）并记录核实结果。',
        link: projectLink(facts),
        daysLeft: null,
      },
    ],
    failures: [],
  };
}
