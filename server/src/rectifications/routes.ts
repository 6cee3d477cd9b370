import { Hono } from 'hono';
import { RECTIFICATION_STATUSES } from '@anguan/model';
import type { AppEnv, ServerDeps } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import { getRectificationDetail } from './detail.js';
import { listRectifications, remindRectification, type ListFilters } from './service.js';

/**
 * /api/rectifications (issue 9; shapes in /work/notes/rectify-api.md):
 *
 * - `GET /?state=pending|replied|passed|returned&project=<id>&overdue=true|false` → `{ rectifications, counts }`
 * - `GET /:inspectionId` → `{ rectification: { state, overdue, deadline, rounds, …, findings, replies, reviews } }` (404 when not readable)
 * - `POST /:inspectionId/remind` → 201 `{ recipients }` (督促; the inspecting side; 409 `already_passed`)
 */
export function rectificationRoutes(deps: ServerDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireSession(c);
      return c.json(await listRectifications(deps, user, filtersOf(c.req.query())));
    })
    .get('/:inspectionId', async (c) => {
      const { user } = requireSession(c);
      return c.json({ rectification: await getRectificationDetail(deps, user, c.req.param('inspectionId')) });
    })
    .post('/:inspectionId/remind', async (c) => {
      const { user } = requireSession(c);
      return c.json(await remindRectification(deps, user, c.req.param('inspectionId')), 201);
    });
}

function filtersOf(query: Record<string, string>): ListFilters {
  const filters: ListFilters = {};
  if (query.state !== undefined && query.state !== '') {
    if (!RECTIFICATION_STATUSES.includes(query.state as never)) {
      throw badRequest('invalid_state', '整改状态无效', { field: 'state' });
    }
    filters.state = query.state as ListFilters['state'];
  }
  if (query.project) filters.projectId = query.project;
  if (query.overdue === 'true' || query.overdue === 'false') filters.overdue = query.overdue === 'true';
  else if (query.overdue !== undefined && query.overdue !== '') {
    throw badRequest('invalid_overdue', '逾期筛选只能是 true 或 false', { field: 'overdue' });
  }
  return filters;
}
