import { describe, expect, it } from 'vitest';
import { checkedSheet, sheetScoring } from '../../test/factories.js';
import type { SheetInput } from '../scoring/types.js';
import { getJgj59Catalog } from './catalog.js';
import { scoreJgj59 } from './score.js';

const catalog = getJgj59Catalog();
const s = (tableId: string, value: number, label?: string) => sheetScoring(catalog, tableId, value, label);
/** One sheet per category, all at `value`, for a complete inspection (E = 100). */
const everyCategoryAt = (value: number): SheetInput[] =>
  catalog.summary.categories.map((c) => s(c.tableIds[0] ?? '', value));

describe('scoreJgj59 averaging (4.0.3-6)', () => {
  it('averages two tower-crane sheets: (86 + 88) / 2 = 87, A1 = 10 × 87 / 100 = 8.7', () => {
    const result = scoreJgj59({ sheets: [s('tower_crane', 86, '1号塔吊'), s('tower_crane', 88, '2号塔吊')] });
    const cranes = result.categories.find((c) => c.categoryId === 'cranes');
    expect(cranes).toMatchObject({
      sheetIndexes: [0, 1],
      score: { exact: '87' },
      weighted: { exact: '87/10' },
    });
    expect(result.sheets.map((x) => x.label)).toEqual(['1号塔吊', '2号塔吊']);
  });

  it('averages three scaffold sheets exactly: (80 + 90 + 85.5) / 3 = 511/6, A1 = 511/60', () => {
    const result = scoreJgj59({
      sheets: [s('scaffold_fastener', 80), s('scaffold_cantilever', 90), s('scaffold_portal', 85.5)],
    });
    const scaffolding = result.categories.find((c) => c.categoryId === 'scaffolding');
    // 255.5 / 3 = 85.1666…; A1 = 10 × 511/6 / 100 = 511/60; alone in the summary: A2 = (511/60) / 10 × 100 = 511/6.
    expect(scaffolding?.score?.exact).toBe('511/6');
    expect(scaffolding?.weighted?.exact).toBe('511/60');
    expect(result.total?.exact).toBe('511/6');
  });

  it('averages a hoist and a material lift sheet of different tables: (70 + 90) / 2 = 80', () => {
    const result = scoreJgj59({ sheets: [s('material_hoist', 70), s('construction_hoist', 90)] });
    expect(result.categories.find((c) => c.categoryId === 'hoists')?.score?.exact).toBe('80');
  });

  it('counts a 缺项 sheet as 100 in the average under the provincial policy: (80 + 100) / 2 = 90', () => {
    const result = scoreJgj59({
      sheets: [s('scaffold_fastener', 80), { tableId: 'scaffold_cantilever', notApplicable: true }],
    });
    expect(result.sheets[1]).toMatchObject({
      status: 'not_applicable',
      counted: true,
      score: { exact: '100' },
    });
    expect(result.categories.find((c) => c.categoryId === 'scaffolding')?.score?.exact).toBe('90');
  });

  it('leaves a 缺项 sheet out of the average under the strict policy: C = 80', () => {
    const result = scoreJgj59({
      policy: 'strict',
      sheets: [s('scaffold_fastener', 80), { tableId: 'scaffold_cantilever', notApplicable: true }],
    });
    expect(result.sheets[1]).toMatchObject({ status: 'not_applicable', counted: false, score: null });
    expect(result.categories.find((c) => c.categoryId === 'scaffolding')?.score?.exact).toBe('80');
  });
});

describe('scoreJgj59 summary (4.0.3-4, 4.0.3-5)', () => {
  it('sums A1 without conversion when every category is scored: all at 100 → 100, 优良', () => {
    const result = scoreJgj59({ sheets: everyCategoryAt(100) });
    expect(result).toMatchObject({ applicable: 100, converted: false, total: { exact: '100' } });
    expect(result.grade?.grade).toBe('优良');
  });

  it('weights 文明施工 by 15: C = 87.5 → A1 = 15 × 87.5 / 100 = 13.125 = 105/8', () => {
    const result = scoreJgj59({ sheets: [s('civilized_construction', 87.5)] });
    expect(result.categories[1]?.weighted?.exact).toBe('105/8');
    // Only this category: A2 = 13.125 / 15 × 100 = 87.5.
    expect(result.total?.exact).toBe('175/2');
  });

  it('weights 施工机具 by 5 in a complete inspection with every category at 90', () => {
    // 施工机具 A1 = 5 × 90 / 100 = 4.5; Σ A1 = 90 × (10 × 8 + 15 + 5) / 100 = 90; E = 100.
    const result = scoreJgj59({ sheets: everyCategoryAt(90) });
    expect(result.categories[9]?.weighted?.exact).toBe('9/2');
    expect(result.total?.exact).toBe('90');
  });

  it('converts by A2 when a category is left out under the strict policy', () => {
    // 安全管理 缺项 (strict → left out); the other nine at 80: D = 80 × 90 / 100 = 72, E = 90 → A2 = 80.
    const sheets = everyCategoryAt(80);
    sheets[0] = { tableId: 'safety_management', notApplicable: true };
    const strict = scoreJgj59({ policy: 'strict', sheets });
    expect(strict).toMatchObject({ applicable: 90, converted: true, total: { exact: '80' } });
    // Provincial: the 缺项 sheet counts 100: D = 72 + 10 = 82, E = 100.
    expect(scoreJgj59({ sheets }).total?.exact).toBe('82');
  });
});

describe('scoreJgj59 grades (5.0.2)', () => {
  it('grades exactly 80 as 优良', () => {
    expect(scoreJgj59({ sheets: everyCategoryAt(80) }).grade).toMatchObject({
      grade: '优良',
      reason: { code: 'band', min: 80 },
    });
  });

  it('grades 79.9 as 合格', () => {
    // Everything at 80 but 安全管理 at 79: Σ A1 = 80 − 10 × 1 / 100 = 79.9.
    const sheets = [s('safety_management', 79), ...everyCategoryAt(80).slice(1)];
    const result = scoreJgj59({ sheets });
    expect(result.total?.exact).toBe('799/10');
    expect(result.grade?.grade).toBe('合格');
  });

  it('grades exactly 70 as 合格', () => {
    expect(scoreJgj59({ sheets: everyCategoryAt(70) }).grade).toMatchObject({
      grade: '合格',
      reason: { code: 'band', min: 70 },
    });
  });

  it('grades 69.9 as 不合格 by the band', () => {
    // Everything at 70 but 安全管理 at 69: Σ A1 = 70 − 0.1 = 69.9.
    const sheets = [s('safety_management', 69), ...everyCategoryAt(70).slice(1)];
    expect(scoreJgj59({ sheets }).grade).toMatchObject({
      grade: '不合格',
      reason: { code: 'band', min: 0 },
    });
  });

  it('compares the unrounded total: 79.94 is not rounded up to 80', () => {
    // 安全管理 80, 文明施工 79.9: D = 8 + 11.985 = 19.985, E = 25 → A2 = 79.94 → 合格, although close to 80.
    const result = scoreJgj59({ sheets: [s('safety_management', 80), s('civilized_construction', 79.9)] });
    expect(result.total?.exact).toBe('3997/50');
    expect(result.grade?.grade).toBe('合格');
  });

  it('grades 不合格 when any sheet scored 0 even with a total above 80', () => {
    // Every category at 100 except two tower cranes 100 and 0: C = 50, A1 = 5 → total 95, but a sheet is 0.
    const sheets = everyCategoryAt(100).filter((x) => x.tableId !== 'tower_crane');
    const zero = checkedSheet(catalog, 'tower_crane', {
      'tower_crane.01': [{ ruleId: 'tower_crane.01.01' }],
    });
    const result = scoreJgj59({ sheets: [...sheets, s('tower_crane', 100), zero] });
    expect(result.total?.exact).toBe('95');
    expect(result.grade?.grade).toBe('不合格');
    expect(result.grade?.reason).toEqual({ code: 'sheet_scored_zero', sheetIndexes: [10] });
  });

  it('returns no total and no grade when nothing is scored', () => {
    const result = scoreJgj59({ sheets: [] });
    expect(result).toMatchObject({ total: null, grade: null, applicable: 0, converted: false });
    expect(result.warnings.map((w) => w.code)).toEqual(['nothing_scored']);
  });

  it('records the catalog version and policy it scored with', () => {
    const result = scoreJgj59({ sheets: [], policy: 'strict' });
    expect(result).toMatchObject({
      catalogKind: 'jgj59',
      catalogVersion: 'jgj59-2011@1',
      standardCode: 'JGJ 59-2011',
      policy: 'strict',
    });
  });
});
