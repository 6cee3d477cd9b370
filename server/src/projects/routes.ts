import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import { PROJECT_STATUSES } from '../db/schema/index.js';
import { badRequest, notFound } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import { findReadableProject, listReadableProjects, type ProjectRow } from './queries.js';

/** A project as the API returns it. */
export interface ProjectView {
  id: string;
  filingNumber: string;
  name: string;
  address: string | null;
  region: { code: string; name: string } | null;
  constructor: { creditCode: string; name: string };
  status: ProjectRow['status'];
  startDate: string | null;
  expectedCompletionDate: string | null;
}

function toView({ project, regionName }: { project: ProjectRow; regionName: string | null }): ProjectView {
  return {
    id: project.id,
    filingNumber: project.filingNumber,
    name: project.name,
    address: project.address,
    region: project.regionCode ? { code: project.regionCode, name: regionName ?? project.regionCode } : null,
    constructor: { creditCode: project.constructorCreditCode, name: project.constructorName },
    status: project.status,
    startDate: project.startDate,
    expectedCompletionDate: project.expectedCompletionDate,
  };
}

/** /api/projects: the projects the signed-in user may read, by role. */
export function projectRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const { user } = requireSession(c);
      const status = c.req.query('status');
      if (status !== undefined && !PROJECT_STATUSES.some((s) => s === status)) {
        throw badRequest('invalid_status', '项目状态无效', { field: 'status' });
      }
      const rows = listReadableProjects(db, user, { status: status as ProjectRow['status'] | undefined });
      return c.json({ projects: rows.map(toView) });
    })
    .get('/:id', (c) => {
      const { user } = requireSession(c);
      const row = findReadableProject(db, user, c.req.param('id'));
      // Another enterprise's project is "not found", not "forbidden": its existence is not ours to reveal.
      if (!row) throw notFound('未找到该项目');
      return c.json({ project: toView(row) });
    });
}
