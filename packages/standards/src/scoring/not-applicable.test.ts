import { describe, expect, it } from 'vitest';
import { getJgj59Catalog } from '../jgj59/catalog.js';
import { scoreJgj59 } from '../jgj59/score.js';
import type { MissingItemPolicy, ScoreInput } from './types.js';

const safety = getJgj59Catalog().tables.find((t) => t.id === 'safety_management')!;

const input = (policy: MissingItemPolicy): ScoreInput => ({
  policy,
  sheets: [
    {
      tableId: 'safety_management',
      // Item 01 is a 保证项目 of 10 points; item 07 a 一般项目.
      items: safety.items.map((item) =>
        item.id === 'safety_management.01' || item.id === 'safety_management.07'
          ? { itemId: item.id, notApplicable: true }
          : { itemId: item.id },
      ),
    },
    { tableId: 'scaffold_cantilever', label: '北侧', notApplicable: true },
  ],
});

describe('the 缺项 report of a result', () => {
  it('names the sheets at full marks through 缺项 and the 保证项目 marked 缺项 (provincial)', () => {
    const report = scoreJgj59(input('provincial')).notApplicable;
    expect(report.sheetsAtFullMarks).toEqual([1]);
    expect(report.sheetsLeftOut).toEqual([]);
    expect(report.guaranteedItems).toEqual([
      { sheetIndex: 0, itemId: 'safety_management.01', name: safety.items[0]!.name },
    ]);
    expect(report.messages).toEqual([
      '表B.8 悬挑式脚手架检查评分表（北侧）为缺项，按满分（100分）计入汇总',
      `表B.1 安全管理检查评分表的保证项目“${safety.items[0]!.name}”为缺项，按满分计`,
    ]);
  });

  it('says the 缺项 sheet was left out under the strict policy', () => {
    const report = scoreJgj59(input('strict')).notApplicable;
    expect(report.sheetsAtFullMarks).toEqual([]);
    expect(report.sheetsLeftOut).toEqual([1]);
    expect(report.messages[1]).toMatch(/不计分，保证项目小计下限按比例折算$/);
  });

  it('is empty when nothing is 缺项', () => {
    const result = scoreJgj59({
      sheets: [{ tableId: 'safety_management', items: safety.items.map((i) => ({ itemId: i.id })) }],
    });
    expect(result.notApplicable).toEqual({
      sheetsAtFullMarks: [],
      sheetsLeftOut: [],
      guaranteedItems: [],
      messages: [],
    });
  });
});
