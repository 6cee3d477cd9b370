import { describe, expect, it } from 'vitest';
import { readReferenceJson } from '../../test/reference.js';
import {
  SUPER_DANGEROUS_ITEMS,
  SUPER_DANGEROUS_ITEMS_SOURCE,
  reachesThreshold,
  superDangerousItem,
  superDangerousItemsOf,
} from './annex2.js';
import { SUPER_DANGEROUS_CATEGORIES } from './gaps.js';

type RefItem = { id: string; text: string; thresholds?: Record<string, unknown> };
const reference = readReferenceJson('dangerous-works.json') as {
  superDangerousWorks: { annex: string; categories: Array<{ id: string; items: RefItem[] }> };
};
const item = (id: string) => {
  const found = superDangerousItem(id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const status = (id: string, parameters: Record<string, number | null>) =>
  reachesThreshold(item(id), parameters).status;

describe('建办质〔2018〕31号 附件2 items', () => {
  it('carries every reference item verbatim, in order, with its category and numeric thresholds', () => {
    const expected = reference.superDangerousWorks.categories.flatMap((c) =>
      c.items.map((i) => ({ id: i.id, categoryId: c.id, text: i.text })),
    );
    expect(SUPER_DANGEROUS_ITEMS.map(({ id, categoryId, text }) => ({ id, categoryId, text }))).toEqual(
      expected,
    );
    for (const ref of reference.superDangerousWorks.categories.flatMap((c) => c.items)) {
      const rules = ref.thresholds
        ? ((ref.thresholds.anyOf ?? ref.thresholds) as Record<string, unknown>)
        : {};
      const keys = Object.keys(rules).filter((k) => k !== 'requires');
      expect(item(ref.id).threshold?.conditions.map((c) => c.parameter) ?? []).toEqual(keys);
      for (const c of item(ref.id).threshold?.conditions ?? []) {
        expect(rules[c.parameter]).toEqual({ [c.op]: c.value });
      }
    }
  });

  it('keeps its provenance and groups items under the 附件2 categories', () => {
    expect(SUPER_DANGEROUS_ITEMS_SOURCE.annex).toBe(reference.superDangerousWorks.annex);
    expect(SUPER_DANGEROUS_ITEMS_SOURCE.provenance.source).toContain('dangerous-works.json');
    for (const category of SUPER_DANGEROUS_CATEGORIES) {
      expect(superDangerousItemsOf(category.id).length).toBeGreaterThan(0);
    }
    expect(superDangerousItemsOf('deep_excavation')).toEqual([]);
    expect(item('sdw.lift.nonstandard').threshold?.condition).toBe('采用非常规起重设备、方法');
  });
});

describe('reaching an item threshold', () => {
  it('is inclusive at the threshold and below it just under', () => {
    expect(status('sdw.pit.depth5', { excavationDepthM: 5 })).toBe('reaches');
    expect(status('sdw.pit.depth5', { excavationDepthM: 4.99 })).toBe('below');
    expect(status('sdw.oth.jacking', { weightKN: 1000 })).toBe('reaches');
    expect(status('sdw.oth.jacking', { weightKN: 999.9 })).toBe('below');
  });

  it('reaches an alternative threshold with any one parameter and names the one met', () => {
    const support = item('sdw.form.support');
    expect(reachesThreshold(support, { spanM: 18 })).toEqual({
      status: 'reaches',
      met: ['spanM'],
      missing: ['heightM', 'totalLoadKNm2', 'lineLoadKNm'],
    });
    expect(status('sdw.form.support', { heightM: 7.9, spanM: 12 })).toBe('incomplete');
    expect(
      status('sdw.form.support', { heightM: 7.9, spanM: 12, totalLoadKNm2: 14, lineLoadKNm: 19.9 }),
    ).toBe('below');
  });

  it('counts missing, null or non-finite values as not given', () => {
    expect(reachesThreshold(item('sdw.pit.depth5'), {})).toEqual({
      status: 'incomplete',
      met: [],
      missing: ['excavationDepthM'],
    });
    expect(status('sdw.pit.depth5', { excavationDepthM: null })).toBe('incomplete');
    expect(status('sdw.pit.depth5', { excavationDepthM: Number.NaN })).toBe('incomplete');
  });

  it('puts an item without a numeric threshold in 附件2 by its kind', () => {
    expect(status('sdw.tunnel', {})).toBe('by_kind');
    expect(status('sdw.form.tool', { heightM: 1 })).toBe('by_kind');
  });

  it('needs every condition of an all-match threshold and honours lt', () => {
    const both = {
      id: 'x',
      categoryId: 'other',
      text: 'x',
      threshold: {
        match: 'all' as const,
        condition: null,
        conditions: [
          { parameter: 'a', name: 'a', unit: 'm', op: 'gte' as const, value: 3 },
          { parameter: 'b', name: 'b', unit: 'm', op: 'lt' as const, value: 3 },
        ],
      },
    };
    expect(reachesThreshold(both, { a: 3, b: 2.9 }).status).toBe('reaches');
    expect(reachesThreshold(both, { a: 3, b: 3 }).status).toBe('below');
    expect(reachesThreshold(both, { a: 3 }).status).toBe('incomplete');
    expect(reachesThreshold(both, { a: 2, b: 1 }).status).toBe('below');
  });
});
