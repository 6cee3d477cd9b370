import { describe, expect, it } from 'vitest';
import { addDays, buildWeeklySummary, mondayOf, type WeeklySummaryFacts } from './summary.js';

const facts: WeeklySummaryFacts = {
  enterpriseName: '江苏安建建设集团有限公司',
  weekStart: '2026-11-23',
  weekEnd: '2026-11-29',
  alerts: { openByRule: { R1: 1, R5: 2 }, criticalOpen: 1, raised: 2, resolved: 1 },
  pace: {
    year: 2026,
    projects: 3,
    done: 7,
    required: 9,
    thisWeek: 1,
    behind: [{ name: '建邺区滨江住宅一期', done: 1, required: 3 }],
  },
  rectifications: { open: 4, overdue: 2, closed: 3 },
};

describe('buildWeeklySummary', () => {
  it('names the week and the enterprise and reports alerts by rule, the pace and rectifications', () => {
    const { title, text } = buildWeeklySummary(facts);
    expect(title).toBe('安管安全周报（2026-11-23 至 2026-11-29）');
    expect(text.split('\n')).toEqual([
      '### 安管安全周报（2026-11-23 至 2026-11-29）',
      '**江苏安建建设集团有限公司**',
      '',
      '**预警**：待处理 3 条（严重 1 条），本周新增 2 条、解除 1 条',
      '- 竣工未终止监督：1 条',
      '- 整改逾期：2 条',
      '',
      '**企业检查**：2026年在建项目 3 个，已检查 7 次 / 全年应检查 9 次，本周 1 次',
      '- 进度落后 1 个项目：',
      '  - 建邺区滨江住宅一期（1/3）',
      '',
      '**整改**：未完成 4 项，其中逾期 2 项；本周整改通过 3 项',
    ]);
  });

  it('says the pace is on track when no project is behind, and caps a long list at ten names', () => {
    const onTrack = buildWeeklySummary({ ...facts, pace: { ...facts.pace, behind: [] } }).text;
    expect(onTrack).toContain('- 各项目检查进度正常');
    const behind = Array.from({ length: 12 }, (_, i) => ({ name: `项目${i + 1}`, done: 0, required: 1 }));
    const long = buildWeeklySummary({ ...facts, pace: { ...facts.pace, behind } }).text;
    expect(long).toContain('  - 项目10（0/1）');
    expect(long).not.toContain('项目11（');
    expect(long).toContain('  - 另有 2 个项目');
  });
});

describe('week arithmetic', () => {
  it('finds the Monday of a week across month and year ends', () => {
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(addDays('2026-12-28', 6)).toBe('2027-01-03');
  });
});
