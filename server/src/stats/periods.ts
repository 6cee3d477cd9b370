/**
 * The statistics filters: a period of whole Asia/Shanghai months (本月 / 本年 / a custom month range), a region and a
 * project. Periods are whole months because the pre-aggregation is monthly.
 *
 * @module
 */
import type { Context } from 'hono';
import { shanghaiDate } from '@anguan/standards';
import { badRequest } from '../http/errors.js';

export type PeriodKind = 'month' | 'year' | 'custom';

export interface StatsFilter {
  period: PeriodKind;
  /** First and last month, YYYY-MM, inclusive. */
  fromMonth: string;
  toMonth: string;
  /** A city or district code: projects under it. */
  region?: string;
  projectId?: string;
  /** Today, YYYY-MM-DD (Asia/Shanghai): overdue and pace are judged on it. */
  today: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The next month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Dates from the first day of `fromMonth` to before the first day after `toMonth`. */
export function monthRange(fromMonth: string, toMonth: string): { from: string; toExclusive: string } {
  return { from: `${fromMonth}-01`, toExclusive: `${nextMonth(toMonth)}-01` };
}

/** Every month from `fromMonth` to `toMonth`, inclusive. */
export function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  for (let m = fromMonth; m <= toMonth && out.length < 240; m = nextMonth(m)) out.push(m);
  return out;
}

/** The last day (YYYY-MM-DD) of `month`. */
export function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `period` (month | year | custom, default year), `from`/`to` (YYYY-MM, custom only), `region`, `project`. */
export function statsFilterParams(c: Context, now: Date): StatsFilter {
  const today = shanghaiDate(now);
  const thisMonth = today.slice(0, 7);
  const period = (c.req.query('period') || 'year') as PeriodKind;
  if (!['month', 'year', 'custom'].includes(period)) {
    throw badRequest('invalid_period', '统计期间无效', { field: 'period' });
  }
  let fromMonth = period === 'month' ? thisMonth : `${today.slice(0, 4)}-01`;
  let toMonth = thisMonth;
  if (period === 'custom') {
    fromMonth = c.req.query('from') ?? '';
    toMonth = c.req.query('to') ?? '';
    if (!MONTH.test(fromMonth)) throw badRequest('invalid_month', '起始月份应为 YYYY-MM', { field: 'from' });
    if (!MONTH.test(toMonth)) throw badRequest('invalid_month', '截止月份应为 YYYY-MM', { field: 'to' });
    if (fromMonth > toMonth) throw badRequest('invalid_month', '起始月份晚于截止月份', { field: 'from' });
    if (monthsBetween(fromMonth, toMonth).length > 60) {
      throw badRequest('invalid_month', '统计期间不能超过 60 个月', { field: 'to' });
    }
  }
  const region = c.req.query('region') || undefined;
  if (region !== undefined && !/^\d{6}$/.test(region)) {
    throw badRequest('invalid_region', '行政区划代码无效', { field: 'region' });
  }
  const projectId = c.req.query('project') || undefined;
  if (projectId !== undefined && projectId.length > 100) {
    throw badRequest('invalid_project', '项目参数无效', { field: 'project' });
  }
  return { period, fromMonth, toMonth, region, projectId, today };
}
