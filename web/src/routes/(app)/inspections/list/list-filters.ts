/**
 * The filters of the inspection lists (企业检查 / 项目自查 / 安监抽查) and their two spellings: the page's URL (so
 * a filtered list can be bookmarked, shared and reopened) and the API query (also the device-cache key).
 *
 * @module
 */
import {
  INSPECTION_METHODS,
  INSPECTION_ORIGINS,
  isIsoDate,
  type InspectionMethod,
  type InspectionOrigin,
} from '@anguan/model';
import { withQuery } from '$lib/api/query';

export interface ListFilters {
  project: string;
  method: InspectionMethod | '';
  origin: InspectionOrigin | '';
  status: 'draft' | 'completed' | '';
  from: string;
  to: string;
  inspector: string;
}

export const EMPTY_FILTERS: ListFilters = {
  project: '',
  method: '',
  origin: '',
  status: '',
  from: '',
  to: '',
  inspector: '',
};

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | '' =>
  allowed.includes(value as T) ? (value as T) : '';

/** The filters a URL asks for; unknown or malformed values are dropped, a fixed origin wins over the URL's. */
export function filtersFromUrl(params: URLSearchParams, fixedOrigin: InspectionOrigin | null): ListFilters {
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return isIsoDate(value) ? value : '';
  };
  return {
    project: params.get('project')?.trim() ?? '',
    method: oneOf(params.get('method'), INSPECTION_METHODS),
    origin: fixedOrigin ?? oneOf(params.get('origin'), INSPECTION_ORIGINS),
    status: oneOf(params.get('status'), ['draft', 'completed'] as const),
    from: date('from'),
    to: date('to'),
    inspector: params.get('inspector')?.trim().slice(0, 50) ?? '',
  };
}

/** `?…` for the page's URL: only what narrows the list (a page's fixed origin is its path, not a parameter). */
export function filtersToSearch(filters: ListFilters, fixedOrigin: InspectionOrigin | null): string {
  const { origin, ...rest } = filters;
  const path = withQuery('', { ...rest, origin: fixedOrigin ? undefined : origin });
  return path === '' ? '' : path;
}

/** The API path (`/inspections?…`) for the filters. */
export const apiPath = (filters: ListFilters): string => withQuery('/inspections', { ...filters });

/** True when any filter narrows the list (an empty answer then means "nothing matches"). */
export const isNarrowed = (filters: ListFilters, fixedOrigin: InspectionOrigin | null): boolean =>
  filtersToSearch(filters, fixedOrigin) !== '';

/** A date range that ends before it starts, said in zh-CN; null when the range is fine. */
export const rangeProblem = (filters: Pick<ListFilters, 'from' | 'to'>): string | null =>
  filters.from && filters.to && filters.from > filters.to ? '结束日期不能早于开始日期' : null;
