import { describe, expect, it } from 'vitest';
import {
  apiPath,
  EMPTY_FILTERS,
  filtersFromUrl,
  filtersToSearch,
  isNarrowed,
  rangeProblem,
} from './list-filters';

describe('inspection list filters', () => {
  it('read back from the URL exactly what they wrote into it', () => {
    const filters = {
      ...EMPTY_FILTERS,
      project: 'p-1',
      method: 'internal' as const,
      origin: 'self' as const,
      status: 'completed' as const,
      from: '2026-01-01',
      to: '2026-03-31',
      inspector: '王',
    };
    const search = filtersToSearch(filters, null);
    expect(filtersFromUrl(new URLSearchParams(search), null)).toEqual(filters);
  });

  it('drop unknown methods, origins, statuses and malformed dates from a hand-edited URL', () => {
    const params = new URLSearchParams(
      'method=x&origin=y&status=z&from=2026-3-1&to=tomorrow&project=%20p%20',
    );
    expect(filtersFromUrl(params, null)).toEqual({ ...EMPTY_FILTERS, project: 'p' });
  });

  it('keep a page’s fixed origin out of its URL but in its API query', () => {
    const filters = filtersFromUrl(new URLSearchParams('origin=enterprise'), 'spot');
    expect(filters.origin).toBe('spot');
    expect(filtersToSearch(filters, 'spot')).toBe('');
    expect(isNarrowed(filters, 'spot')).toBe(false);
    expect(apiPath(filters)).toBe('/inspections?origin=spot');
  });

  it('say when the date range ends before it starts', () => {
    expect(rangeProblem({ from: '2026-03-02', to: '2026-03-01' })).toBe('结束日期不能早于开始日期');
    expect(rangeProblem({ from: '2026-03-01', to: '' })).toBeNull();
  });
});
