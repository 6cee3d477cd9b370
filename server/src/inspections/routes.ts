import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import { badRequest, forbidden } from '../http/errors.js';
import { readJsonObject } from '../http/json-body.js';
import { requireRole } from '../http/roles.js';
import { requireSession } from '../http/session.js';
import {
  getEnterpriseSettings,
  getSummary,
  getSummaryXlsx,
  policyForProject,
  updateEnterpriseSettings,
} from './exports.js';
import { getInspection } from './service.js';

/**
 * /api/inspections (materialized inspections; DESIGN "Interfaces that stay stable"):
 *
 * - `GET /scoring-policy?projectId=…` → `{scoringPolicy}` for a new inspection of that project
 * - `GET /:id` → `{inspection, materializationError}` (404 inspection_not_found)
 * - `GET /:id/summary` → `{summary}` (409 no_summary / not_materialized)
 * - `GET /:id/summary.xlsx` → the 汇总表 workbook (409 not_sealed)
 */
export function inspectionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/scoring-policy', async (c) => {
      const { user } = requireSession(c);
      const projectId = c.req.query('projectId');
      if (!projectId) throw badRequest('missing_field', '请指定项目', { field: 'projectId' });
      return c.json({ scoringPolicy: await policyForProject(deps, user, projectId) });
    })
    .get('/:id/summary.xlsx', async (c) => {
      const { user } = requireSession(c);
      const { body, fileName } = await getSummaryXlsx(deps, user, c.req.param('id'));
      return c.body(new Uint8Array(body), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="summary.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'cache-control': 'no-store',
      });
    })
    .get('/:id/summary', async (c) => {
      const { user } = requireSession(c);
      return c.json({ summary: await getSummary(deps, user, c.req.param('id')) });
    })
    .get('/:id', async (c) => {
      const { user } = requireSession(c);
      return c.json(await getInspection(deps, user, c.req.param('id')));
    });
}

/**
 * /api/enterprise/settings: the enterprise's own settings (today the scoring policy of its new inspections).
 * Its inspectors read it (they create inspections); only the enterprise account changes it.
 */
export function enterpriseSettingsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/settings', async (c) => {
      const { user } = requireRole(c, 'enterprise', 'inspector');
      if (!user.enterpriseId) throw forbidden();
      return c.json({ settings: await getEnterpriseSettings(deps, user.enterpriseId) });
    })
    .put('/settings', async (c) => {
      const { user } = requireRole(c, 'enterprise');
      if (!user.enterpriseId) throw forbidden();
      const body = await readJsonObject(c);
      return c.json({
        settings: await updateEnterpriseSettings(deps, user.enterpriseId, {
          scoringPolicy: body.scoringPolicy,
        }),
      });
    });
}
