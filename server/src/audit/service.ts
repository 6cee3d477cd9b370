import { SHANGHAI_OFFSET_MS } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { badRequest, forbidden } from '../http/errors.js';
import { regionPrefix } from '../projects/regions.js';
import { AUDIT_EVENT_LABELS, isAuditEvent } from './events.js';
import {
  countAuditRows,
  selectAuditRows,
  type AuditFilter,
  type AuditRow,
  type AuditScope,
} from './queries.js';

/** One row of GET /api/audit (shape written down in /work/notes/audit-api.md). */
export interface AuditEventView {
  id: number;
  at: string;
  type: string;
  typeLabel: string;
  actor: { id: string; login: string; name: string } | null;
  target: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditQuery {
  from?: string;
  to?: string;
  type?: string;
  actor?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_PAGE_SIZE = 200;
export const MAX_EXPORT_ROWS = 50_000;

/** Enterprise accounts see their own; supervisors their region's projects; everyone else nothing (403). */
export function auditScopeOf(user: SessionUser): AuditScope {
  if (user.role === 'enterprise' && user.enterpriseId) return { enterpriseId: user.enterpriseId };
  const prefix = user.role === 'supervisor' ? regionPrefix(user.regionCode) : null;
  if (prefix) return { regionPrefix: prefix };
  throw forbidden('只有企业账号和监督账号可以查看安全审计');
}

/** Validates the query-string filters; dates are inclusive Asia/Shanghai calendar days. */
export function parseAuditFilter(user: SessionUser, query: AuditQuery): AuditFilter {
  const scope = auditScopeOf(user);
  const from = query.from ? shanghaiDayStart(query.from, 'from') : undefined;
  const to = query.to ? new Date(shanghaiDayStart(query.to, 'to').getTime() + DAY_MS) : undefined;
  if (query.type && !isAuditEvent(query.type)) {
    throw badRequest('invalid_type', '事件类型无效', { field: 'type' });
  }
  const actor = query.actor?.trim().slice(0, 100) || undefined;
  return { scope, from, to, type: query.type as AuditFilter['type'], actor };
}

function shanghaiDayStart(value: string, field: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw badRequest('invalid_date', '日期格式应为 YYYY-MM-DD', { field });
  }
  return new Date(ms - SHANGHAI_OFFSET_MS);
}

export async function listAuditEvents(
  deps: AppDeps,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<{ events: AuditEventView[]; total: number; page: number; pageSize: number }> {
  const { db } = deps.database;
  const [rows, total] = await Promise.all([
    selectAuditRows(db, filter, pageSize, (page - 1) * pageSize),
    countAuditRows(db, filter),
  ]);
  return { events: rows.map(toView), total, page, pageSize };
}

export function toView({ row, actor, target }: AuditRow): AuditEventView {
  // A failed attempt on an unknown login has no actor: the login as typed goes to the detail.
  const detail = row.actorLogin && !actor?.id ? { ...row.detail, login: row.actorLogin } : row.detail;
  return {
    id: row.id,
    at: row.at.toISOString(),
    type: row.event,
    typeLabel: isAuditEvent(row.event) ? AUDIT_EVENT_LABELS[row.event] : row.event,
    actor: actor?.id ? { id: actor.id, login: actor.login, name: actor.name } : null,
    target: target?.id ? `${target.name}（${target.login}）` : row.target,
    ip: row.ip,
    detail,
  };
}

/** A positive integer query parameter, or the fallback; a 400 when present but not one. */
export function intParam(value: string | undefined, field: string, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw badRequest('invalid_page', '分页参数无效', { field });
  return n;
}
