import { Hono } from 'hono';
import type { AppEnv, ServerDeps } from './deps.js';
import { handleError, notFound } from './http/errors.js';
import { requireSameOrigin } from './http/csrf.js';
import { limitBodies } from './http/body-limit.js';
import { securityHeaders } from './http/security-headers.js';
import { limitDocumentRegistrations } from './http/registration-quota.js';
import { sessionMiddleware } from './http/session.js';
import { authRoutes } from './auth/routes.js';
import { memberRoutes } from './members/routes.js';
import { projectRoutes } from './projects/routes.js';
import { documentRoutes } from './documents/routes.js';
import { blobRoutes } from './blobs/routes.js';
import { enterpriseSettingsRoutes, inspectionRoutes } from './inspections/routes.js';
import { rectificationRoutes } from './rectifications/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { inspectionSheetRoutes, verifyRoutes } from './inspection-sheets/routes.js';
import { inspectionListRoutes } from './inspection-list/routes.js';
import { syncRoutes } from './sync/upgrade.js';
import { webStaticRoutes } from './web-static/routes.js';
import { registryRoutes, REGISTRY_UPLOAD_PATHS } from './registry/routes.js';
import { MAX_IMPORT_BYTES } from './registry/table-file.js';
import { monthlyRoutes } from './monthly/routes.js';
import { dangerousWorkRoutes } from './projects/dangerous-works-routes.js';
import { auditRoutes } from './audit/routes.js';
import { alertRoutes } from './alerts/routes.js';
import { terminationRoutes } from './terminations/routes.js';
import { inspectionPlanRoutes } from './inspection-plans/routes.js';
import { testClockMiddleware } from './test-clock/test-clock.js';
import { statsRoutes } from './stats/routes.js';

/** Paths that take non-JSON bodies (blob uploads); still same-origin only. */
export const UPLOAD_PATHS = ['/api/blobs', ...REGISTRY_UPLOAD_PATHS] as const;

/** Routes that may send more than the default JSON body limit (a seal carries a state vector; imports are files). */
const BODY_LIMITS = [
  { pattern: /^\/api\/blobs\//, maxBytes: null },
  { pattern: /^\/api\/documents\/[^/]+\/seal$/, maxBytes: 256 * 1024 },
  ...REGISTRY_UPLOAD_PATHS.map((path) => ({ pattern: new RegExp(`^${path}$`), maxBytes: MAX_IMPORT_BYTES })),
];

/**
 * The whole HTTP surface: `/api/*` features, then the SPA. Features are sub-apps mounted here and nowhere else
 * (STYLE.md rule 7). Websocket upgrades of `/sync/<doc>` are authorized and attached by `server.ts`
 * (`sync/upgrade.ts`); plain HTTP requests to `/sync` get 426 here.
 */
export function createApp(deps: ServerDeps) {
  const api = new Hono<AppEnv>()
    .use('*', limitBodies(deps.config.limits.maxJsonBodyBytes, BODY_LIMITS))
    .use('*', sessionMiddleware(deps))
    // After the session check: a test instant never makes a session look idle (test-clock.ts).
    .use('*', testClockMiddleware(deps.config.testClock === true))
    .use('*', requireSameOrigin({ trustedOrigins: deps.config.trustedOrigins, uploadPaths: UPLOAD_PATHS }))
    .get('/health', (c) => c.json({ ok: true }))
    .route('/auth', authRoutes(deps))
    .route('/members', memberRoutes(deps))
    .route('/projects', projectRoutes(deps))
    .use('/documents', limitDocumentRegistrations(deps))
    .route('/documents', documentRoutes(deps))
    .route('/blobs', blobRoutes(deps))
    .route('/registry', registryRoutes(deps))
    .route('/monthly-evaluations', monthlyRoutes(deps))
    .route('/dangerous-works', dangerousWorkRoutes(deps))
    .route('/inspections', inspectionRoutes(deps))
    .route('/enterprise', enterpriseSettingsRoutes(deps))
    .route('/rectifications', rectificationRoutes(deps))
    .route('/notifications', notificationRoutes(deps))
    .route('/inspections', inspectionSheetRoutes(deps))
    .route('/inspections', inspectionListRoutes(deps))
    .route('/verify', verifyRoutes(deps))
    .route('/audit', auditRoutes(deps))
    .route('/alerts', alertRoutes(deps))
    .route('/terminations', terminationRoutes(deps))
    .route('/inspection-plans', inspectionPlanRoutes(deps))
    .route('/stats', statsRoutes(deps))
    .all('*', () => {
      throw notFound('接口不存在');
    });

  const sync = new Hono<AppEnv>().route('/', syncRoutes());
  const app = new Hono<AppEnv>()
    .use('*', securityHeaders(deps.config))
    .route('/api', api)
    .route('/sync', sync);
  app.onError(handleError);
  api.onError(handleError);
  sync.onError(handleError);
  if (deps.config.webRoot) app.route('/', webStaticRoutes(deps.config.webRoot));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
