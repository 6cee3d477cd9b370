import type { Context } from 'hono';
import { INSPECTION_METHODS, INSPECTION_ORIGINS } from '@anguan/model';
import { PROJECT_STATUSES } from '../db/schema/index.js';
import { badRequest } from '../http/errors.js';
import type { Page, ProjectFilter } from './queries.js';
import type { TimelineFilter } from './overview.js';

export const MAX_PAGE_SIZE = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `page` (from 1) and `pageSize` (1–100, default 20). */
export function pageParams(c: Context): Page {
  const page = intParam(c, 'page', 1, 1, 1_000_000, '页码');
  const pageSize = intParam(c, 'pageSize', 20, 1, MAX_PAGE_SIZE, '每页条数');
  return { page, pageSize };
}

export function intParam(
  c: Context,
  name: string,
  fallback: number,
  min: number,
  max: number,
  label: string,
): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badRequest('invalid_query', `${label}无效`, { field: name });
  }
  return value;
}

/** `status`, `region` (6-digit 行政区划码), `special` (true/false), `q` (search text). */
export function projectFilterParams(c: Context): ProjectFilter {
  const status = c.req.query('status') || undefined;
  if (status !== undefined && !PROJECT_STATUSES.some((s) => s === status)) {
    throw badRequest('invalid_status', '项目状态无效', { field: 'status' });
  }
  const special = c.req.query('special');
  if (special !== undefined && special !== '' && special !== 'true' && special !== 'false') {
    throw badRequest('invalid_query', '特殊项目筛选无效', { field: 'special' });
  }
  return {
    status: status as ProjectFilter['status'],
    ...regionAndSearchParams(c),
    special: special === 'true' ? true : special === 'false' ? false : undefined,
  };
}

/** `region` (6-digit 行政区划码) and `q` (name or 备案号 search). */
export function regionAndSearchParams(c: Context): Pick<ProjectFilter, 'region' | 'q'> {
  const region = c.req.query('region') || undefined;
  if (region !== undefined && !/^\d{6}$/.test(region)) {
    throw badRequest('invalid_region', '行政区划代码无效', { field: 'region' });
  }
  const q = c.req.query('q')?.trim() || undefined;
  if (q !== undefined && q.length > 100) throw badRequest('invalid_query', '搜索内容过长', { field: 'q' });
  return { region, q };
}

export function timelineFilterParams(c: Context): TimelineFilter {
  const origin = c.req.query('origin') || undefined;
  if (origin !== undefined && !INSPECTION_ORIGINS.includes(origin as never)) {
    throw badRequest('invalid_origin', '检查来源无效', { field: 'origin' });
  }
  const method = c.req.query('method') || undefined;
  if (method !== undefined && !INSPECTION_METHODS.includes(method as never)) {
    throw badRequest('invalid_method', '检查方式无效', { field: 'method' });
  }
  const from = dateParam(c, 'from');
  const to = dateParam(c, 'to');
  return { origin: origin as TimelineFilter['origin'], method: method as TimelineFilter['method'], from, to };
}

export function dateParam(c: Context, name: string): string | undefined {
  const value = c.req.query(name) || undefined;
  if (value !== undefined && !DATE.test(value)) {
    throw badRequest('invalid_date', '日期格式应为 YYYY-MM-DD', { field: name });
  }
  return value;
}
