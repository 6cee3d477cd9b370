import { describe, expect, it } from 'vitest';
import type { ProjectListItem } from '$lib/api';
import { mergeRegions } from './region-options';

const inRegion = (region: ProjectListItem['region']) => ({ region }) as ProjectListItem;
const nanjing = { code: '320100', name: '南京市' };

describe('mergeRegions', () => {
  it('offers each city and each district under its city’s name, sorted by code', () => {
    const merged = mergeRegions([], [
      inRegion({ code: '320105', name: '建邺区', city: nanjing }),
      inRegion({ code: '320102', name: '玄武区', city: nanjing }),
      inRegion(null),
    ]);
    expect(merged).toEqual([nanjing, { code: '320102', name: '南京市玄武区' }, { code: '320105', name: '南京市建邺区' }]);
  });

  it('keeps regions seen earlier and does not repeat them', () => {
    const first = mergeRegions([], [inRegion({ code: '320105', name: '建邺区', city: nanjing })]);
    expect(mergeRegions(first, [inRegion({ code: '320105', name: '建邺区', city: nanjing })])).toEqual(first);
  });
});
