import { Hono } from 'hono';
import { shanghaiDate, SUPER_DANGEROUS_CATEGORIES, WORK_GAP_CODES } from '@anguan/standards';
import type { AppDeps, AppEnv } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import { listDangerousWorks } from './dangerous-works.js';
import { pageParams } from './params.js';
import { readableProjectsWhere } from './queries.js';

/** /api/dangerous-works: the 超危大工程清单 across the projects the user may read. */
export function dangerousWorkRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new Hono<AppEnv>().get('/', async (c) => {
    const { user } = requireSession(c);
    const category = c.req.query('category') || undefined;
    const projectId = c.req.query('projectId') || undefined;
    const gap = c.req.query('gap') || undefined;
    if (gap && gap !== 'any' && gap !== 'none' && !WORK_GAP_CODES.includes(gap as never)) {
      throw badRequest('invalid_gap', '缺项筛选无效', { field: 'gap' });
    }
    const page = pageParams(c);
    const scope = readableProjectsWhere(user);
    const categories = SUPER_DANGEROUS_CATEGORIES;
    if (!scope) return c.json({ total: 0, ...page, works: [], categories });
    const all = await listDangerousWorks(db, scope, { category, projectId, gap }, shanghaiDate(deps.now()));
    const start = (page.page - 1) * page.pageSize;
    return c.json({ total: all.length, ...page, works: all.slice(start, start + page.pageSize), categories });
  });
}
