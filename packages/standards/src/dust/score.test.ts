import { describe, expect, it } from 'vitest';
import { checkedSheet } from '../../test/factories.js';
import { getDustCatalog } from './catalog.js';
import { scoreDust } from './score.js';

const catalog = getDustCatalog();
const sheet = (deductions = {}, options = {}) => checkedSheet(catalog, 'dust', deductions, options);

describe('scoreDust', () => {
  it('scores a clean site 100, 达标, and always says the checklist is not the standard', () => {
    const result = scoreDust({ sheets: [sheet()] });
    expect(result).toMatchObject({
      catalogKind: 'dust',
      catalogVersion: 'anguan-dust@1',
      total: { exact: '100' },
    });
    expect(result.grade?.grade).toBe('达标');
    expect(result.warnings.map((w) => w.code)).toEqual(['not_from_standard']);
  });

  it('sets the sheet to 0 when a 六个百分百 item scores 0: 车辆冲洗 扣10 → 不达标', () => {
    // dust.04.01 扣5～10 chosen 10 → 车辆冲洗 0 → sheet 0 (same rule as JGJ 59 4.0.3-3), though 100 − 10 = 90.
    const result = scoreDust({ sheets: [sheet({ 'dust.04': [{ ruleId: 'dust.04.01', points: 10 }] })] });
    expect(result.sheets[0]?.actual).toBe(90);
    expect(result.total?.exact).toBe('0');
    expect(result.grade).toMatchObject({ grade: '不达标', reason: { code: 'sheet_scored_zero' } });
  });

  it('deducts per vehicle: 渣土车辆未密闭运输 每辆扣3 × 2 = 6 → 94', () => {
    const result = scoreDust({ sheets: [sheet({ 'dust.08': [{ ruleId: 'dust.08.01', occurrences: 2 }] })] });
    expect(result.sheets[0]?.items[7]).toMatchObject({ deducted: 6, score: 4 });
    expect(result.total?.exact).toBe('94');
  });

  it('passes at exactly 80 with two 一般项目 at 0', () => {
    // 现场焚烧废弃物 扣10 → 建筑垃圾管理 0; 监测监控 01 扣5～10 chosen 10 → 0; 100 − 20 = 80 → 达标.
    const result = scoreDust({
      sheets: [
        sheet({ 'dust.09': [{ ruleId: 'dust.09.02' }], 'dust.10': [{ ruleId: 'dust.10.01', points: 10 }] }),
      ],
    });
    expect(result.total?.exact).toBe('80');
    expect(result.grade).toMatchObject({ grade: '达标', reason: { code: 'band', min: 80 } });
  });

  it('fails at 79.9', () => {
    // 6.1 + 10 + 2 × 2 = 20.1 → 79.9 → 不达标.
    const result = scoreDust({
      sheets: [
        sheet({
          'dust.01': [{ ruleId: 'dust.01.01', points: 6.1 }],
          'dust.09': [{ ruleId: 'dust.09.02' }],
          'dust.06': [{ ruleId: 'dust.06.01', occurrences: 2 }],
        }),
      ],
    });
    expect(result.total?.exact).toBe('799/10');
    expect(result.grade?.grade).toBe('不达标');
  });

  it('sets the sheet to 0 when the 六个百分百 subtotal is 39 < 40', () => {
    // 5 + 2 × 2 + 3 + 5 + 4 = 21 from the six guaranteed items, none at 0 → 60 − 21 = 39 < 40.
    const result = scoreDust({
      sheets: [
        sheet({
          'dust.02': [{ ruleId: 'dust.02.01', points: 5 }],
          'dust.03': [{ ruleId: 'dust.03.01', occurrences: 2 }],
          'dust.04': [{ ruleId: 'dust.04.02' }],
          'dust.05': [{ ruleId: 'dust.05.02', points: 5 }],
          'dust.07': [{ ruleId: 'dust.07.02', points: 4 }],
        }),
      ],
    });
    expect(result.sheets[0]?.zeroReasons[0]).toMatchObject({
      code: 'guaranteed_subtotal_below_minimum',
      subtotal: 39,
    });
    expect(result.total?.exact).toBe('0');
  });

  it('averages the sheets of several site sections: (100 + 80) / 2 = 90', () => {
    const eighty = sheet({
      'dust.09': [{ ruleId: 'dust.09.02' }],
      'dust.10': [{ ruleId: 'dust.10.01', points: 10 }],
    });
    const result = scoreDust({ sheets: [sheet({}, { label: '一标段' }), { ...eighty, label: '二标段' }] });
    expect(result.categories[0]).toMatchObject({ sheetIndexes: [0, 1], score: { exact: '90' } });
    expect(result.total?.exact).toBe('90');
  });

  it('converts by A2 under the strict policy when 监测监控 is 缺项: 81 / 90 × 100 = 90', () => {
    // 渣土车辆 每辆扣3 × 3 = 9 → D = 90 − 9 = 81, E = 90.
    const input = {
      sheets: [
        sheet({ 'dust.08': [{ ruleId: 'dust.08.01', occurrences: 3 }] }, { notApplicable: ['dust.10'] }),
      ],
    };
    expect(scoreDust({ ...input, policy: 'strict' }).total?.exact).toBe('90');
    // Provincial: 缺项 counts 10 → 91.
    expect(scoreDust(input).total?.exact).toBe('91');
  });
});
