import { describe, expect, it } from 'vitest';
import { readReferenceJson } from '../../test/reference.js';
import { DUST_CATALOG_VERSIONS, getDustCatalog } from './catalog.js';

const catalog = getDustCatalog();
const table = catalog.tables[0];
const reference = readReferenceJson('dust-dgj32-j203-2016.json') as {
  provisionalChecklist: { items: { id: string; name: string; conditions: { text: string }[] }[] };
};

describe('dust checklist catalog', () => {
  it('is labelled as anguan’s checklist 参照 DGJ32/J 203-2016, never as the standard', () => {
    expect(DUST_CATALOG_VERSIONS).toEqual(['anguan-dust@1']);
    expect(catalog.provenance.notFromStandard).toBe(true);
    expect(catalog.standard.code).not.toMatch(/DGJ32/);
    expect(catalog.standard.name).toMatch(/参照 DGJ32\/J 203-2016/);
    expect(table?.verification.status).toBe('not_from_standard');
  });

  it('has ten items of 10 points summing to 100, the six 六个百分百 items as 60 points of 保证项目', () => {
    expect(table?.items.map((i) => i.points)).toEqual(Array(10).fill(10));
    expect(table?.items.filter((i) => i.group === '保证项目').map((i) => i.name)).toEqual([
      '围挡',
      '物料堆放覆盖',
      '车辆冲洗',
      '场地与道路硬化',
      '湿法作业与喷淋降尘',
      '渣土及建筑垃圾运输',
    ]);
  });

  it('keeps the reference item names and conditions in order', () => {
    expect(table?.items.map((i) => [i.id, i.name, i.deductions.map((d) => d.text)])).toEqual(
      reference.provisionalChecklist.items.map((i) => [i.id, i.name, i.conditions.map((c) => c.text)]),
    );
  });

  it('prints each row with its own points, range and unit', () => {
    for (const rule of table?.items.flatMap((i) => i.deductions) ?? []) {
      const amount = rule.pointsRange
        ? `扣${rule.pointsRange[0]}～${rule.pointsRange[1]}分`
        : `扣${rule.points}分`;
      expect(rule.raw).toBe(`${rule.text}，${rule.per ?? ''}${amount}`);
    }
  });

  it('defines its own pass rule: 达标 from 80, otherwise 不达标', () => {
    expect(catalog.rules.gradeBands).toEqual([
      { grade: '达标', min: 80 },
      { grade: '不达标', min: 0 },
    ]);
    expect(catalog.rules.zeroSheetGrade).toBe('不达标');
  });
});
