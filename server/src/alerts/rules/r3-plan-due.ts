import { missedPeriods, PLAN_FREQUENCY_LABELS } from '../../inspection-plans/periods.js';
import { yearOf } from './calendar.js';
import { projectLink, type AlertDraft, type ProjectFacts } from './types.js';

/**
 * R3 by plan: for each recurring inspection plan, the periods of this year whose due date (the period's last
 * day) has passed with no enterprise inspection dated within the period → one warning per plan, naming the latest
 * missed period. It clears when a (late-recorded) inspection dated within each missed period arrives.
 */
export function r3PlanDue(facts: ProjectFacts, today: string): AlertDraft[] {
  const { project } = facts;
  if (project.status !== 'in_construction' || !facts.inspectionPlans?.length) return [];
  const year = yearOf(today);
  const yearFirst = `${year}-01-01`;
  const window = {
    from: project.startDate && project.startDate > yearFirst ? project.startDate : yearFirst,
    to: today,
  };
  const drafts: AlertDraft[] = [];
  for (const plan of facts.inspectionPlans) {
    const missed = missedPeriods(plan, facts.enterpriseInspectionDates, today, window);
    const latest = missed.at(-1);
    if (!latest) continue;
    const how = `${PLAN_FREQUENCY_LABELS[plan.frequency]}，检查人${plan.inspectorName}`;
    drafts.push({
      rule: 'R3',
      subject: `plan:${plan.id}`,
      period: String(year),
      level: 'warning',
      title: `${project.name}：企业检查计划（${how}）有${missed.length}期未按期检查`,
      body:
        `按检查计划（${how}，自${plan.startDate}起），${latest.start}至${latest.end}应完成一次企业检查，` +
        `截至${latest.end}未检查。${year}年共${missed.length}期未按期检查。` +
        '企业检查次数不足的，安标考评将自动判定为不合格。',
      link: projectLink(facts),
      daysLeft: null,
    });
  }
  return drafts;
}
