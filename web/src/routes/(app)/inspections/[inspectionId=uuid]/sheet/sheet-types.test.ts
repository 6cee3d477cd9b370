import { describe, expect, it } from 'vitest';
import { findingGrade, findingText, shanghaiDateTime } from './sheet-types';

describe('the 检查单 finding columns', () => {
  it('read a term as its phrase and hazard level', () => {
    const term = {
      kind: 'term' as const,
      termId: 't',
      code: 'c',
      phrase: '临边防护缺失',
      path: [],
      hazardLevel: 'major' as const,
      hazardLabel: '重大隐患',
      location: '3号楼',
      note: '',
      photos: [],
    };
    expect(findingText(term)).toBe('临边防护缺失');
    expect(findingGrade(term)).toBe('重大隐患');
  });

  it('read a deduction with its sheet, item, points, occurrences and a doubtful rule', () => {
    const deduction = {
      kind: 'deduction' as const,
      table: '表B.17 塔式起重机',
      sheetLabel: '2号塔吊',
      item: '附着',
      rule: '未按规定附着',
      count: 2,
      points: 8,
      uncertain: true,
    };
    expect(findingText(deduction)).toBe('表B.17 塔式起重机（2号塔吊） 附着：未按规定附着');
    expect(findingGrade(deduction)).toBe('扣 8 分（2 处）（条文待核对）');
    expect(findingGrade({ kind: 'not_applicable', table: 'x', sheetLabel: '', item: null })).toBe('缺项');
  });

  it('prints instants in Asia/Shanghai across midnight', () => {
    expect(shanghaiDateTime('2026-03-15T16:30:00.000Z')).toBe('2026-03-16 00:30');
  });
});
