import { Hono } from 'hono';
import { shanghaiDate } from '@anguan/standards';
import type { AppDeps, AppEnv } from '../deps.js';
import { notFound } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import { projectFigures } from './figures.js';
import { projectOverview } from './overview.js';
import { pageParams, projectFilterParams, timelineFilterParams } from './params.js';
import { findReadableProject, listReadableProjects, readableRegionCodes } from './queries.js';
import { loadRegionIndex, regionView, toProjectView } from './views.js';

export type { ProjectView } from './views.js';

/** /api/projects: the projects the signed-in user may read, by role; one project; its overview. */
export function projectRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireSession(c);
      const filter = projectFilterParams(c);
      const page = pageParams(c);
      const [{ rows, total }, regions] = await Promise.all([
        listReadableProjects(db, user, filter, page),
        loadRegionIndex(db),
      ]);
      const figures = await projectFigures(db, rows, shanghaiDate(deps.now()));
      const projects = rows.map((row) => ({ ...toProjectView(row, regions), ...figures.get(row.id)! }));
      return c.json({ projects, total, ...page });
    })
    // Every region the user has projects in (not only those of the pages seen so far), for the region filter.
    .get('/regions', async (c) => {
      const { user } = requireSession(c);
      const [codes, index] = await Promise.all([readableRegionCodes(db, user), loadRegionIndex(db)]);
      return c.json({ regions: codes.sort().map((code) => regionView(index, code)) });
    })
    .get('/:id', async (c) => {
      const { user } = requireSession(c);
      const row = await findReadableProject(db, user, c.req.param('id'));
      // Another enterprise's project is "not found", not "forbidden": its existence is not ours to reveal.
      if (!row) throw notFound('未找到该项目');
      return c.json({ project: toProjectView(row, await loadRegionIndex(db)) });
    })
    .get('/:id/overview', async (c) => {
      const { user } = requireSession(c);
      const filter = timelineFilterParams(c);
      const row = await findReadableProject(db, user, c.req.param('id'));
      if (!row) throw notFound('未找到该项目');
      const parts = await projectOverview(db, row, filter, shanghaiDate(deps.now()));
      return c.json({ project: toProjectView(row, await loadRegionIndex(db)), ...parts });
    });
}
