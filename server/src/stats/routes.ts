import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import { handleError, notFound } from '../http/errors.js';
import { requireSession, sessionMiddleware } from '../http/session.js';
import { intParam } from '../projects/params.js';
import { statsFilterParams } from './periods.js';
import { statsRecords } from './records.js';
import { statsScope } from './scope.js';
import { statsSection, type StatsOptions } from './service.js';
import { statsTableWorkbook } from './xlsx.js';

/**
 * /api/stats: `/<section>` figures (query: period, from, to, region, project), `/<section>.xlsx?table=<id>` one of
 * its tables as a workbook, `/records?kind=…` the records behind a figure. Directors and supervisors only.
 */
export function statsRoutes(deps: AppDeps, options: StatsOptions = {}) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .get('/records', async (c) => {
      const { user } = requireSession(c);
      const filter = statsFilterParams(c, deps.now());
      const scope = statsScope(user, filter);
      const page = intParam(c, 'page', 1, 1, 100_000, '页码');
      return c.json(await statsRecords(db, scope, filter, (name) => c.req.query(name) || undefined, page));
    })
    .get('/:file{[a-z-]+\\.xlsx}', async (c) => {
      const { user } = requireSession(c);
      const filter = statsFilterParams(c, deps.now());
      const section = c.req.param('file').replace(/\.xlsx$/, '');
      const answer = await statsSection(db, user, section, filter, deps.now(), options);
      const table = answer.tables.find((t) => t.id === c.req.query('table'));
      if (!table) throw notFound('没有该统计表');
      const bytes = await statsTableWorkbook(table, `统计期间 ${filter.fromMonth} 至 ${filter.toMonth}`);
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="stats-${table.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${table.title}.xlsx`)}`,
      });
    })
    .get('/:section', async (c) => {
      const { user } = requireSession(c);
      const filter = statsFilterParams(c, deps.now());
      return c.json(await statsSection(db, user, c.req.param('section'), filter, deps.now(), options));
    });
}

/**
 * `/api/stats` on its own (session and error handling included), for the benchmark to time the same endpoints
 * with `source: 'base'` beside the app's.
 */
export function standaloneStatsApp(deps: AppDeps, options: StatsOptions = {}) {
  const app = new Hono<AppEnv>()
    .use('*', sessionMiddleware(deps))
    .route('/api/stats', statsRoutes(deps, options));
  app.onError(handleError);
  return app;
}
