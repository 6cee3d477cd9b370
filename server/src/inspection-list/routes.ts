import { Hono } from 'hono';
import { INSPECTION_METHODS, INSPECTION_ORIGINS, isIsoDate } from '@anguan/model';
import type { AppEnv, ServerDeps } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import { listInspections, type ListQuery } from './service.js';

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 500;

/**
 * Under /api/inspections (issue 9; mounted beside the inspections feature's own routes):
 *
 * - `GET /?project=&origin=&method=&status=draft|completed&from=&to=&inspector=&files=true&limit=` →
 *   `{ inspections: InspectionListItem[], total, limit }`, newest first, the caller's scope only, soft-deleted
 *   records never; `files=true` adds each internal-standard record's visible files. 400 on a malformed filter.
 */
export function inspectionListRoutes(deps: ServerDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { user } = requireSession(c);
    return c.json(
      await listInspections(
        deps,
        user,
        parseQuery((name) => c.req.query(name)),
      ),
    );
  });
}

function parseQuery(param: (name: string) => string | undefined): ListQuery {
  const value = (name: string) => {
    const text = param(name)?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], message: string): T | undefined => {
    const text = value(name);
    if (text !== undefined && !allowed.includes(text as T)) {
      throw badRequest(`invalid_${name}`, message, { field: name });
    }
    return text as T | undefined;
  };
  const date = (name: string) => {
    const text = value(name);
    if (text !== undefined && !isIsoDate(text)) {
      throw badRequest('invalid_date', '日期格式应为 YYYY-MM-DD', { field: name });
    }
    return text;
  };
  const from = date('from');
  const to = date('to');
  if (from && to && from > to) throw badRequest('invalid_range', '结束日期不能早于开始日期', { field: 'to' });
  const limitText = value('limit');
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest('invalid_limit', `每次最多查询 ${MAX_LIMIT} 条`, { field: 'limit' });
  }
  return {
    projectId: value('project'),
    origin: oneOf('origin', INSPECTION_ORIGINS, '检查来源无效'),
    method: oneOf('method', INSPECTION_METHODS, '检查方式无效'),
    status: oneOf('status', ['draft', 'completed'] as const, '检查状态无效'),
    from,
    to,
    inspector: value('inspector')?.slice(0, 50),
    withFiles: value('files') === 'true',
    limit,
  };
}
