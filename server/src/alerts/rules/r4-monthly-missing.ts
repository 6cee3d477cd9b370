import { previousMonth } from './calendar.js';
import { NOTHING, projectLink, type AlertDraft, type ProjectFacts, type RuleResult } from './types.js';

/** The 标准化月评 of a month is due by this day of it (Asia/Shanghai); from the next day it is missing. */
export const MONTHLY_DUE_DAY = 25;

/**
 * R4: an in-construction project without a sealed 标准化月评 in the month after the 25th (from the 26th), and
 * last month's still missing. Older months are left to the 月评统计 page.
 */
export function r4MonthlyMissing(facts: ProjectFacts, today: string): RuleResult {
  const { project } = facts;
  if (project.status !== 'in_construction') return NOTHING;
  const month = today.slice(0, 7);
  const months =
    Number(today.slice(8, 10)) > MONTHLY_DUE_DAY ? [previousMonth(month), month] : [previousMonth(month)];
  const alerts: AlertDraft[] = months
    .filter(
      (m) =>
        (!project.startDate || project.startDate <= `${m}-${MONTHLY_DUE_DAY}`) &&
        !facts.monthlyEvaluationMonths.has(m),
    )
    .map((m) => ({
      rule: 'R4',
      subject: 'monthly-evaluation',
      period: m,
      level: 'warning',
      title: `${project.name}：${m.replace('-', '年')}月标准化月评未上传`,
      body: `标准化月评应在每月${MONTHLY_DUE_DAY}日前完成并上传，${m.replace('-', '年')}月的月评至今未上传。`,
      link: projectLink(facts),
      daysLeft: null,
    }));
  return { alerts, failures: [] };
}
