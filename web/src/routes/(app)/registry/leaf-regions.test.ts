import { describe, expect, it } from 'vitest';
import { leafRegions } from './leaf-regions';

describe('leafRegions', () => {
  it('offers districts named with their city, and a city only when it has no districts', () => {
    const regions = [
      { code: '320100', name: '南京市', parentCode: '320000' },
      { code: '320105', name: '建邺区', parentCode: '320100' },
      { code: '320583', name: '昆山市', parentCode: '320500' },
    ];
    expect(leafRegions(regions)).toEqual([
      { code: '320105', label: '南京市建邺区' },
      { code: '320583', label: '昆山市' },
    ]);
  });
});
