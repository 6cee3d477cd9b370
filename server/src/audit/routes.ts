import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import { AUDIT_EVENTS, AUDIT_EVENT_LABELS } from './events.js';
import { countAuditRows, selectAuditRows } from './queries.js';
import {
  MAX_EXPORT_ROWS,
  MAX_PAGE_SIZE,
  auditScopeOf,
  intParam,
  listAuditEvents,
  parseAuditFilter,
  toView,
} from './service.js';
import { auditWorkbook } from './xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * /api/audit: the 安全审计 view (read-only; shapes in /work/notes/audit-api.md). Nothing here or anywhere else in
 * the app edits or deletes an audit row.
 *
 * - `GET /?from&to&type&actor&page&pageSize` → `{events, total, page, pageSize}`
 * - `GET /types` → `{types: [{type, label}]}`
 * - `GET /export.xlsx?from&to&type&actor` → the workbook
 */
export function auditRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireSession(c);
      const filter = parseAuditFilter(user, c.req.query());
      const page = intParam(c.req.query('page'), 'page', 1, 1_000_000);
      const pageSize = intParam(c.req.query('pageSize'), 'pageSize', 50, MAX_PAGE_SIZE);
      return c.json(await listAuditEvents(deps, filter, page, pageSize));
    })
    .get('/types', (c) => {
      auditScopeOf(requireSession(c).user);
      return c.json({ types: AUDIT_EVENTS.map((type) => ({ type, label: AUDIT_EVENT_LABELS[type] })) });
    })
    .get('/export.xlsx', async (c) => {
      const { user } = requireSession(c);
      const query = c.req.query();
      const filter = parseAuditFilter(user, query);
      const { db } = deps.database;
      if ((await countAuditRows(db, filter)) > MAX_EXPORT_ROWS) {
        throw badRequest('too_many_rows', `导出不能超过 ${MAX_EXPORT_ROWS} 条记录，请缩小日期范围`);
      }
      const rows = await selectAuditRows(db, filter, MAX_EXPORT_ROWS, 0);
      const body = await auditWorkbook(rows.map(toView));
      const range = `${query.from ?? 'start'}-${query.to ?? 'now'}`.replace(/[^0-9A-Za-z-]/g, '');
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename="anguan-audit-${range}.xlsx"; filename*=UTF-8''${encodeURIComponent(`安全审计-${range}.xlsx`)}`,
        'cache-control': 'no-store',
      });
    });
}
