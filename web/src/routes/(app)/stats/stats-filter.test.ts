import { describe, expect, it } from 'vitest';
import { filterFromUrl, filterQuery, withFilter } from './stats-filter';

describe('statistics filters in the URL', () => {
  it('round-trip a custom month range with region and project', () => {
    const filter = filterFromUrl(
      new URLSearchParams('period=custom&from=2025-04&to=2026-03&region=320105&project=P1'),
    );
    expect(filter).toEqual({
      period: 'custom',
      from: '2025-04',
      to: '2026-03',
      region: '320105',
      project: 'P1',
    });
    expect(filterFromUrl(new URLSearchParams(filterQuery(filter)))).toEqual(filter);
  });

  it('fall back to this year when the custom range is malformed or reversed', () => {
    expect(filterFromUrl(new URLSearchParams('period=custom&from=2026-05&to=2026-01')).period).toBe('year');
    expect(filterFromUrl(new URLSearchParams('period=custom&from=2026-13&to=2026-14')).period).toBe('year');
    expect(filterFromUrl(new URLSearchParams('region=abc')).region).toBe('');
  });

  it('put a drill-down’s own parameters before the filters', () => {
    const filter = filterFromUrl(new URLSearchParams('period=month'));
    expect(withFilter('/stats/records', filter, 'kind=inspections&month=2026-03')).toBe(
      '/stats/records?kind=inspections&month=2026-03&period=month',
    );
    expect(withFilter('/stats', filterFromUrl(new URLSearchParams()))).toBe('/stats');
  });
});
