/**
 * The statistics filters as URL query parameters (period, from, to, region, project), so a view can be bookmarked,
 * shared and reopened offline from the device cache under the same key.
 *
 * @module
 */
export type Period = 'month' | 'year' | 'custom';

export interface StatsFilter {
  period: Period;
  from: string;
  to: string;
  region: string;
  project: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function filterFromUrl(params: URLSearchParams): StatsFilter {
  const period = params.get('period');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const custom = period === 'custom' && MONTH.test(from) && MONTH.test(to) && from <= to;
  return {
    period: custom ? 'custom' : period === 'month' ? 'month' : 'year',
    from: custom ? from : '',
    to: custom ? to : '',
    region: /^\d{6}$/.test(params.get('region') ?? '') ? params.get('region')! : '',
    project: (params.get('project') ?? '').slice(0, 100),
  };
}

/** `period=…&…`, leaving out empty and default values. */
export function filterQuery(filter: StatsFilter): string {
  const query = new URLSearchParams();
  if (filter.period !== 'year') query.set('period', filter.period);
  if (filter.period === 'custom') {
    query.set('from', filter.from);
    query.set('to', filter.to);
  }
  if (filter.region) query.set('region', filter.region);
  if (filter.project) query.set('project', filter.project);
  return query.toString();
}

export const withFilter = (path: string, filter: StatsFilter, extra = ''): string => {
  const query = [extra, filterQuery(filter)].filter(Boolean).join('&');
  return query ? `${path}?${query}` : path;
};

const FILTER_KEYS = ['period', 'from', 'to', 'region', 'project'];

/** Only the page filters of a drill-down URL (to go back to the statistics with them). */
export function filterPart(search: URLSearchParams): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = search.get(key);
    if (value) query.set(key, value);
  }
  return query.toString();
}

/** The same query with another page number. */
export function withPage(search: URLSearchParams, page: number): string {
  const query = new URLSearchParams(search);
  query.set('page', String(page));
  return query.toString();
}

/** The query sorted, so the same view is one device-cache key whatever order its URL has. */
export function sortedQuery(search: URLSearchParams): string {
  const query = new URLSearchParams(search);
  query.sort();
  return query.toString();
}
