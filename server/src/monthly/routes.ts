import { Hono } from 'hono';
import { shanghaiMonth } from '@anguan/standards';
import type { AppDeps, AppEnv } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { readJsonObject, stringField } from '../http/json-body.js';
import { requireRole } from '../http/roles.js';
import { intParam, pageParams, regionAndSearchParams } from '../projects/params.js';
import { projectListWhere } from '../projects/queries.js';
import { loadRegionIndex, toProjectView } from '../projects/views.js';
import { monthlyStatistics, type MonthlyStatus } from './queries.js';
import { orderRectification } from './rectification-order.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** /api/monthly-evaluations: 标准化月评统计 and 责令整改. */
export function monthlyRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireRole(c, 'enterprise', 'inspector', 'supervisor');
      const [thisYear, thisMonth] = shanghaiMonth(deps.now()).split('-').map(Number) as [number, number];
      const year = intParam(c, 'year', thisYear, 2000, 2100, '年份');
      const month = intParam(c, 'month', thisMonth, 1, 12, '月份');
      const status = (c.req.query('status') || 'pending') as MonthlyStatus;
      if (status !== 'pending' && status !== 'done') {
        throw badRequest('invalid_status', '月评状态无效', { field: 'status' });
      }
      const { region, q } = regionAndSearchParams(c);
      const page = pageParams(c);
      const scope = projectListWhere(user, { region, q });
      if (!scope) return c.json({ year, month, status, total: 0, ...page, items: [] });
      const period = `${year}-${String(month).padStart(2, '0')}`;
      const [{ total, rows }, regions] = await Promise.all([
        monthlyStatistics(db, scope, period, status, page),
        loadRegionIndex(db),
      ]);
      const items = rows.map((r) => ({
        project: toProjectView(r.project, regions),
        evaluation: r.evaluation,
      }));
      return c.json({ year, month, status, total, ...page, items });
    })
    .post('/:inspectionId/rectification-order', async (c) => {
      const { user } = requireRole(c, 'enterprise');
      const body = await readJsonObject(c);
      const requirement = stringField(body, 'requirement', '整改要求', { maxLength: 2000 });
      const deadline = stringField(body, 'deadline', '整改期限');
      if (!DATE.test(deadline) || Number.isNaN(Date.parse(`${deadline}T00:00:00Z`))) {
        throw badRequest('invalid_deadline', '整改期限格式应为 YYYY-MM-DD', { field: 'deadline' });
      }
      const order = await orderRectification(
        deps,
        user,
        c.req.param('inspectionId'),
        { requirement, deadline },
        {
          ip: c.get('ip'),
        },
      );
      return c.json({ order }, 201);
    });
}
