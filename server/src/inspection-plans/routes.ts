import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { readJsonObject } from '../http/json-body.js';
import { requireSession } from '../http/session.js';
import { createPlan, deletePlan, listPlans, parsePlanInput } from './service.js';

/**
 * /api/inspection-plans: recurring enterprise inspection plans of a project (shapes in service.ts `PlanView`).
 *
 * - `GET /?project=<id or 监督备案号>` → `{ plans, editable, inspectors }` (readers of the project)
 * - `POST /` `{ projectId, inspectorUserId?, inspectorName?, frequency, startDate }` → 201 `{ plan }` (enterprise)
 * - `POST /:id/delete` → `{ ok: true }` (enterprise)
 */
export function inspectionPlanRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireSession(c);
      const project = c.req.query('project');
      if (!project) throw badRequest('missing_field', '请指定项目', { field: 'project' });
      return c.json(await listPlans(deps, user, project));
    })
    .post('/', async (c) => {
      const { user } = requireSession(c);
      const input = parsePlanInput(await readJsonObject(c));
      return c.json({ plan: await createPlan(deps, user, input, c.get('ip') ?? null) }, 201);
    })
    .post('/:id/delete', async (c) => {
      const { user } = requireSession(c);
      await deletePlan(deps, user, c.req.param('id'), c.get('ip') ?? null);
      return c.json({ ok: true });
    });
}
