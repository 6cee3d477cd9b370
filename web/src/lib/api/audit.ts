/** `/api/audit`: the 安全审计 log (enterprise: its users and deletions; supervisor: its region's projects). */
import type { ResolvedPathname } from '$app/types';
import { request, type RequestOptions } from './client';

/** One security event, as the server lists it (newest first). */
export interface AuditEvent {
  id: number;
  /** ISO 8601 UTC; shown in Asia/Shanghai. */
  at: string;
  type: string;
  /** zh-CN name of the type, e.g. 登录失败. */
  typeLabel: string;
  /** Who did it; null when nobody was signed in (an unknown login, a scheduled sweep). */
  actor: { id: string; login: string; name: string } | null;
  /** zh-CN label of what it was done to, e.g. 张三（13812345678）. */
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Rows matching the filters, all pages together. */
  total: number;
  page: number;
  pageSize: number;
}

/** What the 安全审计 page filters by; empty strings mean "any". */
export interface AuditFilters {
  /** Inclusive `YYYY-MM-DD` (Asia/Shanghai). */
  from: string;
  to: string;
  type: string;
  /** Part of the actor's login or name, or of the login typed in a failed attempt. */
  actor: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = Object.freeze({ from: '', to: '', type: '', actor: '' });

/** The query string for `filters` (and a page, for the list), leaving out empty filters. */
export function auditQuery(filters: AuditFilters, paging?: { page: number; pageSize: number }): string {
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'type', 'actor'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  if (paging) {
    params.set('page', String(paging.page));
    params.set('pageSize', String(paging.pageSize));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const listAuditEvents = (
  filters: AuditFilters,
  paging: { page: number; pageSize: number },
  options?: RequestOptions,
) => request<AuditPage>('GET', `/audit${auditQuery(filters, paging)}`, undefined, options);

export const listAuditTypes = (options?: RequestOptions) =>
  request<{ types: Array<{ type: string; label: string }> }>('GET', '/audit/types', undefined, options);

/**
 * Where the .xlsx of everything matching `filters` downloads from (a plain link: the browser saves it). An API
 * path, not a page: typed as resolved so links may use it (the app has no `paths.base`).
 */
export const auditExportUrl = (filters: AuditFilters): ResolvedPathname =>
  `/api/audit/export.xlsx${auditQuery(filters)}` as ResolvedPathname;
