import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import { requireSession } from '../http/session.js';
import { listNotifications, markAllRead, markRead } from './service.js';

/**
 * /api/notifications: the signed-in user's in-app notifications.
 *
 * - `GET /[?unread=true]` → `{ notifications: [{ id, kind, title, body, link, projectId, subjectId, createdAt, read }], unread }`
 * - `POST /:id/read` → `{ ok: true }` (404 when not the caller's)
 * - `POST /read-all` → `{ ok: true }`
 */
export function notificationRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireSession(c);
      const unreadOnly = c.req.query('unread') === 'true';
      return c.json(await listNotifications(deps, user.id, { unreadOnly }));
    })
    .post('/read-all', async (c) => {
      const { user } = requireSession(c);
      await markAllRead(deps, user.id);
      return c.json({ ok: true });
    })
    .post('/:id/read', async (c) => {
      const { user } = requireSession(c);
      await markRead(deps, user.id, c.req.param('id'));
      return c.json({ ok: true });
    });
}
