import { describe, expect, it } from 'vitest';
import { r1NotTerminated } from './r1-not-terminated.js';
import { r2OverdueCompletion } from './r2-overdue-completion.js';
import { r3InspectionPace, requiredInYear } from './r3-inspection-pace.js';
import { r4MonthlyMissing } from './r4-monthly-missing.js';
import { r5RectificationOverdue } from './r5-rectification-overdue.js';
import { r6DangerousWorkGaps } from './r6-dangerous-work-gaps.js';
import type { ProjectFacts } from './types.js';

function facts(
  project: Partial<ProjectFacts['project']> = {},
  rest: Partial<Omit<ProjectFacts, 'project'>> = {},
): ProjectFacts {
  return {
    project: {
      id: 'p1',
      filingNumber: '3201052026001',
      name: '滨江住宅一期',
      status: 'in_construction',
      startDate: '2025-01-01',
      expectedCompletionDate: '2027-12-31',
      completionFilingDate: null,
      requiredInspectionsPerYear: 3,
      registeredAt: new Date('2025-01-01T00:00:00Z'),
      ...project,
    },
    enterpriseInspectionDates: [],
    monthlyEvaluationMonths: new Set(),
    openRectifications: [],
    dangerousWorks: [],
    ...rest,
  };
}

describe('R1 completed, not terminated', () => {
  const completed = facts({ status: 'completed', completionFilingDate: '2026-03-01' });

  it('warns from the filing day with 30 days left and names the limit, the consequences and where to file', () => {
    const [alert] = r1NotTerminated(completed, '2026-03-01').alerts;
    expect(alert).toMatchObject({
      rule: 'R1',
      level: 'warning',
      daysLeft: 30,
      link: '/projects/3201052026001',
    });
    expect(alert!.title).toContain('剩余30天');
    for (const words of [
      '30日内',
      '自动判定为不合格',
      '安全生产许可证延期',
      '信用',
      '工伤保险费率',
      '/projects/3201052026001',
    ]) {
      expect(alert!.body).toContain(words);
    }
  });

  it('is still a warning with 0 days left on day 30 and records nothing', () => {
    const result = r1NotTerminated(completed, '2026-03-31');
    expect(result.alerts[0]).toMatchObject({ level: 'warning', daysLeft: 0 });
    expect(result.failures).toEqual([]);
  });

  it('escalates on day 31 and records the automatic 不合格 with its reason', () => {
    const result = r1NotTerminated(completed, '2026-04-01');
    expect(result.alerts[0]).toMatchObject({ level: 'critical', period: '2026-03-01' });
    expect(result.failures).toEqual([
      { source: 'R1|2026-03-01', reason: expect.stringContaining('超过30日未办理终止监督') },
    ]);
  });

  it('raises nothing once terminated or without a filing date', () => {
    expect(
      r1NotTerminated(facts({ status: 'terminated', completionFilingDate: '2026-03-01' }), '2026-04-01'),
    ).toEqual({ alerts: [], failures: [] });
    expect(r1NotTerminated(facts(), '2026-04-01').alerts).toEqual([]);
  });
});

describe('R2 overdue completion', () => {
  const late = facts({ expectedCompletionDate: '2026-01-01' });

  it('is quiet on day 90 past the expected completion and raises on day 91', () => {
    expect(r2OverdueCompletion(late, '2026-04-01').alerts).toEqual([]);
    expect(r2OverdueCompletion(late, '2026-04-02').alerts[0]).toMatchObject({
      rule: 'R2',
      period: '2026-01-01',
    });
  });

  it('ignores projects no longer in construction', () => {
    expect(
      r2OverdueCompletion(facts({ expectedCompletionDate: '2026-01-01', status: 'completed' }), '2026-12-01')
        .alerts,
    ).toEqual([]);
  });
});

describe('R3 inspection pace', () => {
  it('pro-rates the yearly number by the part of the year under construction', () => {
    expect(requiredInYear(facts(), 2026)).toBe(3);
    expect(requiredInYear(facts({ startDate: '2026-07-01' }), 2026)).toBe(2);
    expect(requiredInYear(facts({ requiredInspectionsPerYear: 6, special: true } as never), 2026)).toBe(6);
    expect(requiredInYear(facts({ startDate: '2027-01-01' }), 2026)).toBe(0);
  });

  it('warns when fewer inspections were done than the elapsed share of the year calls for', () => {
    const none = facts({}, { enterpriseInspectionDates: ['2025-03-01', '2025-06-01', '2025-09-01'] });
    expect(r3InspectionPace(none, '2026-04-30').alerts).toEqual([]);
    expect(r3InspectionPace(none, '2026-05-02').alerts[0]).toMatchObject({
      rule: 'R3',
      level: 'warning',
      period: '2026',
    });
    const one = facts(
      {},
      { enterpriseInspectionDates: ['2025-03-01', '2025-06-01', '2025-09-01', '2026-02-01'] },
    );
    expect(r3InspectionPace(one, '2026-05-02').alerts).toEqual([]);
  });

  it('records no failure on December 31 and a failure for the year on January 1', () => {
    const short = facts(
      { startDate: '2026-01-01' },
      { enterpriseInspectionDates: ['2026-03-01', '2026-06-01'] },
    );
    expect(r3InspectionPace(short, '2026-12-31').failures).toEqual([]);
    const next = r3InspectionPace(short, '2027-01-01');
    expect(next.failures).toEqual([
      { source: 'R3|2026', reason: expect.stringContaining('2026年企业检查2次，少于应检查的3次') },
    ]);
    expect(next.alerts.find((a) => a.period === '2026')).toMatchObject({ level: 'critical' });
  });

  it('does not fail a year the project was not yet registered in', () => {
    const lateRegistered = facts({ registeredAt: new Date('2027-01-05T00:00:00Z') });
    expect(r3InspectionPace(lateRegistered, '2027-01-06').failures).toEqual([]);
  });
});

describe('R4 monthly evaluation missing', () => {
  it('is quiet on the 25th and raises on the 26th when the month has no evaluation', () => {
    const evaluatedLastMonth = facts({}, { monthlyEvaluationMonths: new Set(['2026-04']) });
    expect(r4MonthlyMissing(evaluatedLastMonth, '2026-05-25').alerts).toEqual([]);
    expect(r4MonthlyMissing(evaluatedLastMonth, '2026-05-26').alerts).toEqual([
      expect.objectContaining({ rule: 'R4', period: '2026-05' }),
    ]);
  });

  it('clears when the month is evaluated, and crosses the year for last month in January', () => {
    expect(
      r4MonthlyMissing(facts({}, { monthlyEvaluationMonths: new Set(['2026-04', '2026-05']) }), '2026-05-26')
        .alerts,
    ).toEqual([]);
    expect(
      r4MonthlyMissing(facts({}, { monthlyEvaluationMonths: new Set() }), '2027-01-03').alerts[0],
    ).toMatchObject({ period: '2026-12' });
  });
});

describe('R5 rectification overdue', () => {
  it('raises the day after the inclusive deadline', () => {
    const open = facts(
      {},
      { openRectifications: [{ inspectionId: 'i1', deadline: '2026-05-10', state: 'pending' }] },
    );
    expect(r5RectificationOverdue(open, '2026-05-10').alerts).toEqual([]);
    expect(r5RectificationOverdue(open, '2026-05-11').alerts[0]).toMatchObject({
      rule: 'R5',
      subject: 'i1',
      link: '/rectifications/i1',
    });
  });
});

describe('R6 超危大 documentation gaps', () => {
  it('raises for a started work without 专家论证 and stays quiet for a complete one', () => {
    const record = (date: string, conclusion: string | null = null) => ({ date, conclusion });
    const started = facts(
      {},
      {
        dangerousWorks: [
          {
            workId: 'w1',
            name: '深基坑',
            steps: { plan: record('2026-03-01'), implementation: record('2026-04-01') },
          },
        ],
      },
    );
    const alert = r6DangerousWorkGaps(started, '2026-04-02').alerts[0];
    expect(alert).toMatchObject({ rule: 'R6', subject: 'w1', level: 'critical' });
    expect(alert!.body).toContain('缺少专家论证');
    const complete = facts(
      {},
      {
        dangerousWorks: [
          {
            workId: 'w1',
            name: '深基坑',
            steps: {
              plan: record('2026-03-01'),
              expertReview: record('2026-03-05', '通过'),
              briefing: record('2026-03-20'),
              acceptance: record('2026-03-30', '合格'),
              implementation: record('2026-04-01'),
            },
          },
        ],
      },
    );
    expect(r6DangerousWorkGaps(complete, '2026-04-02').alerts).toEqual([]);
  });
});
