import { dangerousWorkGaps } from '@anguan/standards';
import { NOTHING, projectLink, type AlertDraft, type ProjectFacts, type RuleResult } from './types.js';

/** R6: a 超危大 work of an in-construction project with documentation gaps (the standards' gap rules). */
export function r6DangerousWorkGaps(facts: ProjectFacts, today: string): RuleResult {
  if (facts.project.status !== 'in_construction') return NOTHING;
  const alerts: AlertDraft[] = [];
  for (const work of facts.dangerousWorks) {
    const gaps = dangerousWorkGaps(work.steps, today);
    if (gaps.length === 0) continue;
    alerts.push({
      rule: 'R6',
      subject: work.workId,
      period: '',
      level: gaps.some((g) => g.code.endsWith('_missing') && g.code !== 'plan_missing')
        ? 'critical'
        : 'warning',
      title: `${facts.project.name}：超危大工程「${work.name}」资料不全`,
      body: `${gaps.map((g) => g.message).join('；')}。`,
      link: `${projectLink(facts)}/dangerous-works`,
      daysLeft: null,
    });
  }
  return { alerts, failures: [] };
}
