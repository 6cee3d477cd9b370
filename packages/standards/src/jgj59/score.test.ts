import { describe, expect, it } from 'vitest';
import { readReferenceJson } from '../../test/reference.js';
import { checkedSheet, sheetScoring } from '../../test/factories.js';
import { formatScore } from '../scoring/display.js';
import type { ScoreInput } from '../scoring/types.js';
import { getJgj59Catalog } from './catalog.js';
import { scoreJgj59 } from './score.js';

const catalog = getJgj59Catalog();
const sheet = (tableId: string, deductions = {}, options = {}) =>
  checkedSheet(catalog, tableId, deductions, options);
const score = (input: ScoreInput) => scoreJgj59(input);
const firstSheet = (input: ScoreInput) => score(input).sheets[0];

type WorkedExample = {
  summary: {
    rows: { weight: number; subTableScores: number[] | null; A1: number | null }[];
    D: number;
    E: number;
    A2: number;
    grade: string;
  };
};
const worked = (readReferenceJson('jgj59-2011.json') as { workedExample: WorkedExample }).workedExample;

describe('scoreJgj59 on the reference worked examples', () => {
  it('reproduces the summary example: D = 77.125, E = 90, A2 = 85.6944, 优良', () => {
    // 基坑 缺项; 脚手架 = (80 + 90) / 2 = 85; 塔吊 = (86 + 88) / 2 = 87; the rest one sheet each.
    const s = (tableId: string, value: number) => sheetScoring(catalog, tableId, value);
    const result = score({
      sheets: [
        s('safety_management', 85),
        s('civilized_construction', 87.5),
        s('scaffold_fastener', 80),
        s('scaffold_cantilever', 90),
        s('formwork_support', 82),
        s('work_at_height', 85),
        s('temporary_electricity', 85),
        s('construction_hoist', 86),
        s('tower_crane', 86),
        s('tower_crane', 88),
        s('construction_machinery', 90),
      ],
    });
    // D = 8.5 + 13.125 + 8.5 + 8.2 + 8.5 + 8.5 + 8.6 + 8.7 + 4.5 = 77.125 = 617/8
    expect(result.earned.exact).toBe('617/8');
    expect(result.earned.value).toBe(worked.summary.D);
    expect(result.applicable).toBe(worked.summary.E);
    // A2 = 77.125 / 90 × 100 = 3085/36 = 85.69444…
    expect(result.total?.exact).toBe('3085/36');
    expect(formatScore(result.total ?? '0', 4)).toBe(worked.summary.A2.toFixed(4));
    expect(result.converted).toBe(true);
    expect(result.grade?.grade).toBe(worked.summary.grade);
    const a1 = result.categories.map((c) => (c.weighted === null ? null : c.weighted.value));
    expect(a1).toEqual(worked.summary.rows.map((r) => r.A1));
  });

  it('reproduces the 表B.3 example with 层间防护 缺项 under the strict policy: 72 / 90 × 100 = 80', () => {
    // Deductions 4 + 4 + 5 + 5 = 18 from the 一般项目 other than 层间防护; 保证项目 60 + 一般 (30 − 18 = 12) = 72.
    const deductions = {
      'scaffold_fastener.07': [{ ruleId: 'scaffold_fastener.07.01', occurrences: 2 }],
      'scaffold_fastener.08': [{ ruleId: 'scaffold_fastener.08.02' }],
      'scaffold_fastener.10': [{ ruleId: 'scaffold_fastener.10.03' }],
      'scaffold_fastener.11': [{ ruleId: 'scaffold_fastener.11.01' }],
    };
    const input = {
      sheets: [sheet('scaffold_fastener', deductions, { notApplicable: ['scaffold_fastener.09'] })],
    };
    const strict = score({ ...input, policy: 'strict' }).sheets[0];
    expect(strict?.actual).toBe(72);
    expect(strict?.applicable).toBe(90);
    expect(strict?.score?.exact).toBe('80');
    // Provincial: the 缺项 item counts as full marks, 72 + 10 = 82 out of 100.
    expect(score(input).sheets[0]?.score?.exact).toBe('82');
  });

  it('reproduces the 表B.3 example where the 保证项目 subtotal 38 < 40 sets the sheet to 0', () => {
    // 保证项目 deductions 5 + 2×2 + 5 + 3 + 5 = 22 → 60 − 22 = 38 (no item at 0); 一般项目 09.01 扣5 → 40 − 5 = 35.
    // Without 4.0.3-3 the sheet would be 38 + 35 = 73.
    const result = firstSheet({
      sheets: [
        sheet('scaffold_fastener', {
          'scaffold_fastener.02': [{ ruleId: 'scaffold_fastener.02.04' }],
          'scaffold_fastener.03': [{ ruleId: 'scaffold_fastener.03.01', occurrences: 2 }],
          'scaffold_fastener.04': [{ ruleId: 'scaffold_fastener.04.03' }],
          'scaffold_fastener.05': [{ ruleId: 'scaffold_fastener.05.05' }],
          'scaffold_fastener.06': [{ ruleId: 'scaffold_fastener.06.04' }],
          'scaffold_fastener.09': [{ ruleId: 'scaffold_fastener.09.01' }],
        }),
      ],
    });
    expect(result?.actual).toBe(73);
    expect(result?.score?.exact).toBe('0');
    expect(result?.zeroReasons).toEqual([
      {
        code: 'guaranteed_subtotal_below_minimum',
        subtotal: 38,
        applicable: 60,
        minimum: { exact: '40', value: 40 },
      },
    ]);
  });

  it('reproduces the 表B.1 example: 安全技术交底 10 + 5 capped at 10 → item 0 → sheet 0', () => {
    const result = firstSheet({
      sheets: [
        sheet('safety_management', {
          'safety_management.03': [
            { ruleId: 'safety_management.03.01' },
            { ruleId: 'safety_management.03.02' },
          ],
        }),
      ],
    });
    const item = result?.items.find((i) => i.itemId === 'safety_management.03');
    expect(item).toMatchObject({ deducted: 15, score: 0, capped: true });
    // Without 4.0.3-3 the sheet would be 100 − 10 = 90.
    expect(result?.actual).toBe(90);
    expect(result?.score?.exact).toBe('0');
    expect(result?.zeroReasons).toEqual([
      { code: 'guaranteed_item_zero', itemIds: ['safety_management.03'] },
    ]);
  });
});

describe('scoreJgj59 item cap (4.0.3-2) and deductions', () => {
  it('deducts a chosen point value inside a range', () => {
    // 01.03 扣2～10分, chosen 4 → item 10 − 4 = 6; sheet 100 − 4 = 96.
    const result = firstSheet({
      sheets: [
        sheet('safety_management', {
          'safety_management.01': [{ ruleId: 'safety_management.01.03', points: 4 }],
        }),
      ],
    });
    expect(result?.items[0]).toMatchObject({ deducted: 4, score: 6, capped: false });
    expect(result?.score?.exact).toBe('96');
  });

  it('adds a fixed row and a half-point range choice exactly', () => {
    // 01.02 扣3 + 01.07 扣2～5 chosen 2.5 = 5.5 → item 4.5; sheet 100 − 5.5 = 94.5 = 189/2.
    const result = firstSheet({
      sheets: [
        sheet('safety_management', {
          'safety_management.01': [
            { ruleId: 'safety_management.01.02' },
            { ruleId: 'safety_management.01.07', points: 2.5 },
          ],
        }),
      ],
    });
    expect(result?.items[0]?.score).toBe(4.5);
    expect(result?.score?.exact).toBe('189/2');
    expect(formatScore(result?.score ?? '0')).toBe('94.50');
  });

  it('multiplies a 每人 row by occurrences and caps a 一般项目 at 0 without zeroing the sheet', () => {
    // 08.01 每人扣5 × 3 = 15 > 10 → item 0 (capped); 一般项目 at 0 does not trigger 4.0.3-3; sheet 100 − 10 = 90.
    const result = firstSheet({
      sheets: [
        sheet('safety_management', {
          'safety_management.08': [{ ruleId: 'safety_management.08.01', occurrences: 3 }],
        }),
      ],
    });
    expect(result?.items[7]).toMatchObject({ deducted: 15, score: 0, capped: true });
    expect(result?.score?.exact).toBe('90');
    expect(result?.zeroReasons).toEqual([]);
  });

  it('caps a 每处 range row chosen below its maximum and multiplied', () => {
    // 表B.3 02.02 每处扣2～5分, chosen 3 × 4 = 12 > 10 → item 0 → 保证项目 at 0 → sheet 0.
    const result = firstSheet({
      sheets: [
        sheet('scaffold_fastener', {
          'scaffold_fastener.02': [{ ruleId: 'scaffold_fastener.02.02', points: 3, occurrences: 4 }],
        }),
      ],
    });
    expect(result?.items[1]).toMatchObject({ deducted: 12, score: 0, capped: true });
    expect(result?.score?.exact).toBe('0');
  });

  it('lets a 高处作业 item reach 0 without zeroing the sheet, since 表B.13 has no 保证项目', () => {
    // 04.01 扣10 → 临边防护 0; no split, so the sheet is 100 − 10 = 90.
    const result = firstSheet({
      sheets: [sheet('work_at_height', { 'work_at_height.04': [{ ruleId: 'work_at_height.04.01' }] })],
    });
    expect(result?.score?.exact).toBe('90');
    expect(result?.zeroReasons).toEqual([]);
  });

  it('lets a 施工机具 item reach 0 without zeroing the sheet, since 表B.19 has no 保证项目', () => {
    // 翻斗车 (8 points) 08.02 驾驶员无证操作 扣8 → item 0; no split, so the sheet is 100 − 8 = 92.
    const result = firstSheet({
      sheets: [
        sheet('construction_machinery', {
          'construction_machinery.08': [{ ruleId: 'construction_machinery.08.02' }],
        }),
      ],
    });
    expect(result?.score?.exact).toBe('92');
  });
});

describe('scoreJgj59 guaranteed items (4.0.3-3)', () => {
  const forty = {
    // 保证项目 deductions: 02.04 5 + 02.02 3 + 03.01 2×2 + 04.03 5 + 05.05 3 = 20 → subtotal exactly 40.
    'scaffold_fastener.02': [
      { ruleId: 'scaffold_fastener.02.04' },
      { ruleId: 'scaffold_fastener.02.02', points: 3 },
    ],
    'scaffold_fastener.03': [{ ruleId: 'scaffold_fastener.03.01', occurrences: 2 }],
    'scaffold_fastener.04': [{ ruleId: 'scaffold_fastener.04.03' }],
    'scaffold_fastener.05': [{ ruleId: 'scaffold_fastener.05.05' }],
  };

  it('keeps a sheet whose 保证项目 subtotal is exactly 40: 40 + 40 = 80', () => {
    const result = score({ sheets: [sheet('scaffold_fastener', forty)] });
    expect(result.sheets[0]?.score?.exact).toBe('80');
    // Only 脚手架 scored: A1 = 10 × 80 / 100 = 8; A2 = 8 / 10 × 100 = 80 → exactly 80 is 优良.
    expect(result.total?.exact).toBe('80');
    expect(result.grade?.grade).toBe('优良');
  });

  it('zeroes a sheet whose 保证项目 subtotal is 39.9', () => {
    // Same as above with 02.02 chosen 3.1: 20.1 deducted → subtotal 39.9 < 40.
    const result = firstSheet({
      sheets: [
        sheet('scaffold_fastener', {
          ...forty,
          'scaffold_fastener.02': [
            { ruleId: 'scaffold_fastener.02.04' },
            { ruleId: 'scaffold_fastener.02.02', points: 3.1 },
          ],
        }),
      ],
    });
    expect(result?.score?.exact).toBe('0');
    expect(result?.zeroReasons[0]).toMatchObject({ subtotal: 39.9 });
  });

  it('zeroes a tower-crane sheet when 载荷限制装置 scores 0 although the rest is full', () => {
    // 01.01 扣10 → item 0; the sheet would be 90 but 4.0.3-3 makes it 0.
    const result = firstSheet({
      sheets: [sheet('tower_crane', { 'tower_crane.01': [{ ruleId: 'tower_crane.01.01' }] })],
    });
    expect(result?.actual).toBe(90);
    expect(result?.score?.exact).toBe('0');
  });

  it('pro-rates the 40-point test under the strict policy when a 保证项目 is 缺项: 33 < 33.33 → 0', () => {
    // 交底与验收 (10) 缺项 → applicable 保证项目 50, minimum 40 × 50 / 60 = 100/3 = 33.33.
    // Deductions 5 + 5 + 5 + 2 = 17 → subtotal 50 − 17 = 33 < 33.33 → 0.
    const result = score({
      policy: 'strict',
      sheets: [
        sheet(
          'scaffold_fastener',
          {
            'scaffold_fastener.02': [{ ruleId: 'scaffold_fastener.02.04' }],
            'scaffold_fastener.04': [{ ruleId: 'scaffold_fastener.04.03' }],
            'scaffold_fastener.05': [{ ruleId: 'scaffold_fastener.05.04' }],
            'scaffold_fastener.03': [{ ruleId: 'scaffold_fastener.03.01' }],
          },
          { notApplicable: ['scaffold_fastener.06'] },
        ),
      ],
    });
    expect(result.sheets[0]?.zeroReasons).toEqual([
      {
        code: 'guaranteed_subtotal_below_minimum',
        subtotal: 33,
        applicable: 50,
        minimum: { exact: '100/3', value: 100 / 3 },
      },
    ]);
    expect(result.warnings.map((w) => w.code)).toContain('guaranteed_test_prorated');
  });

  it('passes the pro-rated test at 36 and converts by A2: (36 + 40) / 90 × 100 = 760/9', () => {
    // 交底与验收 缺项 → minimum 100/3. Deductions 5 + 5 + 2×2 = 14 → subtotal 50 − 14 = 36 ≥ 33.33.
    const result = firstSheet({
      policy: 'strict',
      sheets: [
        sheet(
          'scaffold_fastener',
          {
            'scaffold_fastener.02': [{ ruleId: 'scaffold_fastener.02.04' }],
            'scaffold_fastener.04': [{ ruleId: 'scaffold_fastener.04.03' }],
            'scaffold_fastener.03': [{ ruleId: 'scaffold_fastener.03.01', occurrences: 2 }],
          },
          { notApplicable: ['scaffold_fastener.06'] },
        ),
      ],
    });
    // D = 36 + 40 = 76, E = 90 → A2 = 76 / 90 × 100 = 760/9 = 84.44.
    expect(result?.zeroReasons).toEqual([]);
    expect(result?.score?.exact).toBe('760/9');
    expect(formatScore(result?.score ?? '0')).toBe('84.44');
  });

  it('counts a 缺项 保证项目 as full marks under the provincial policy, so 33 + 10 = 43 passes', () => {
    // Same deductions as the strict 33 case: subtotal 33 + 10 (缺项 at full) = 43 ≥ 40; sheet 43 + 40 = 83.
    const result = firstSheet({
      sheets: [
        sheet(
          'scaffold_fastener',
          {
            'scaffold_fastener.02': [{ ruleId: 'scaffold_fastener.02.04' }],
            'scaffold_fastener.04': [{ ruleId: 'scaffold_fastener.04.03' }],
            'scaffold_fastener.05': [{ ruleId: 'scaffold_fastener.05.04' }],
            'scaffold_fastener.03': [{ ruleId: 'scaffold_fastener.03.01' }],
          },
          { notApplicable: ['scaffold_fastener.06'] },
        ),
      ],
    });
    expect(result?.score?.exact).toBe('83');
  });

  it('warns when a 保证项目 is left unchecked (4.0.1) and leaves it out of the sheet', () => {
    // 安全教育 not listed: D = 90, E = 90 → 100; 保证项目 applicable 50.
    const result = score({
      sheets: [sheet('safety_management', {}, { unchecked: ['safety_management.05'] })],
    });
    expect(result.sheets[0]?.score?.exact).toBe('100');
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'guaranteed_item_unchecked',
        clause: '4.0.1',
        itemId: 'safety_management.05',
      }),
    );
  });
});

describe('scoreJgj59 缺项 conversion inside a sheet (4.0.3-5)', () => {
  it('gives a repeating fraction exactly: 70 / 90 × 100 = 700/9', () => {
    // Strict, 层间防护 缺项 → E = 90.
    const result = firstSheet({
      policy: 'strict',
      sheets: [
        sheet(
          'scaffold_fastener',
          {
            'scaffold_fastener.07': [{ ruleId: 'scaffold_fastener.07.01', occurrences: 2 }],
            'scaffold_fastener.08': [{ ruleId: 'scaffold_fastener.08.02' }],
            'scaffold_fastener.10': [{ ruleId: 'scaffold_fastener.10.03' }],
            'scaffold_fastener.11': [{ ruleId: 'scaffold_fastener.11.01' }],
            'scaffold_fastener.02': [{ ruleId: 'scaffold_fastener.02.02', points: 2 }],
          },
          { notApplicable: ['scaffold_fastener.09'] },
        ),
      ],
    });
    // 4 + 4 + 5 + 5 + 2 = 20 → D = 70 → 70 / 90 × 100 = 700/9 = 77.78.
    expect(result?.actual).toBe(70);
    expect(result?.score?.exact).toBe('700/9');
    expect(formatScore(result?.score ?? '0')).toBe('77.78');
  });

  it('treats an unlisted item as left out under the provincial policy with an item_unchecked warning', () => {
    // 层间防护 not listed, same 18 points of deductions as the worked example → 72 / 90 × 100 = 80.
    const result = score({
      sheets: [
        sheet(
          'scaffold_fastener',
          {
            'scaffold_fastener.07': [{ ruleId: 'scaffold_fastener.07.01', occurrences: 2 }],
            'scaffold_fastener.08': [{ ruleId: 'scaffold_fastener.08.02' }],
            'scaffold_fastener.10': [{ ruleId: 'scaffold_fastener.10.03' }],
            'scaffold_fastener.11': [{ ruleId: 'scaffold_fastener.11.01' }],
          },
          { unchecked: ['scaffold_fastener.09'] },
        ),
      ],
    });
    expect(result.sheets[0]?.score?.exact).toBe('80');
    expect(result.warnings.map((w) => w.code)).toEqual(['item_unchecked']);
  });

  it('leaves out a sheet whose items are all 缺项 under the strict policy', () => {
    const table = catalog.tables.find((t) => t.id === 'work_at_height');
    const ids = table?.items.map((i) => i.id) ?? [];
    const result = score({ policy: 'strict', sheets: [sheet('work_at_height', {}, { notApplicable: ids })] });
    expect(result.sheets[0]).toMatchObject({ status: 'nothing_checked', counted: false, score: null });
    expect(result.total).toBeNull();
    expect(result.grade).toBeNull();
    expect(result.warnings.map((w) => w.code)).toEqual(['sheet_nothing_checked', 'nothing_scored']);
  });
});
