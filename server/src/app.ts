import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './deps.js';
import { handleError, notFound } from './http/errors.js';
import { requireSameOrigin } from './http/csrf.js';
import { sessionMiddleware } from './http/session.js';
import { authRoutes } from './auth/routes.js';
import { memberRoutes } from './members/routes.js';
import { projectRoutes } from './projects/routes.js';
import { webStaticRoutes } from './web-static/routes.js';

/** Paths that take non-JSON bodies (blob uploads); still same-origin only. */
export const UPLOAD_PATHS = ['/api/blobs'] as const;

/**
 * The whole HTTP surface: `/api/*` features, then the SPA. Features are sub-apps mounted here and nowhere else
 * (STYLE.md rule 7). Websocket upgrades are attached by `server.ts`.
 */
export function createApp(deps: AppDeps) {
  const api = new Hono<AppEnv>()
    .use('*', sessionMiddleware(deps))
    .use('*', requireSameOrigin({ trustedOrigins: deps.config.trustedOrigins, uploadPaths: UPLOAD_PATHS }))
    .get('/health', (c) => c.json({ ok: true }))
    .route('/auth', authRoutes(deps))
    .route('/members', memberRoutes(deps))
    .route('/projects', projectRoutes(deps))
    .all('*', () => {
      throw notFound('接口不存在');
    });

  const app = new Hono<AppEnv>().route('/api', api);
  app.onError(handleError);
  api.onError(handleError);
  if (deps.config.webRoot) app.route('/', webStaticRoutes(deps.config.webRoot));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
