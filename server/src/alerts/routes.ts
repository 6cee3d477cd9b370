import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import { requireSession } from '../http/session.js';
import { forbidden } from '../http/errors.js';
import { readJsonObject } from '../http/json-body.js';
import {
  listAlerts,
  listVerifications,
  markAlertRead,
  markAllAlertsRead,
  recordVerification,
  unreadCount,
} from './service.js';
import { getWebhookSettings, saveWebhookSettings } from './webhooks/settings.js';
import { listDeliveries, sendTestMessage } from './webhooks/queue.js';
import { alertStream } from './stream.js';

/**
 * /api/alerts: the signed-in user's alerts (DESIGN "Stable interfaces"), their live stream (`GET /stream`,
 * server-sent events, see `stream.ts`), R2 verifications, and the enterprise's group-robot webhook with a test send
 * (`POST /webhook/test` → `{ delivery }`) and its delivery log. Shapes: /work/notes/alerts-api.md.
 */
export function alertRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireSession(c);
      const state = c.req.query('state');
      const filter = state === 'open' || state === 'resolved' ? state : undefined;
      return c.json({ alerts: await listAlerts(deps, user.id, { state: filter }) });
    })
    .get('/stream', (c) => alertStream(deps, c))
    .get('/unread-count', async (c) => {
      const { user } = requireSession(c);
      return c.json({ unread: await unreadCount(deps, user.id) });
    })
    .post('/read-all', async (c) => {
      const { user } = requireSession(c);
      await markAllAlertsRead(deps, user.id);
      return c.json({ ok: true });
    })
    .get('/webhook', async (c) => {
      const enterpriseId = requireEnterprise(c);
      return c.json({ webhook: await getWebhookSettings(deps, enterpriseId) });
    })
    .put('/webhook', async (c) => {
      const enterpriseId = requireEnterprise(c);
      return c.json({ webhook: await saveWebhookSettings(deps, enterpriseId, await readJsonObject(c)) });
    })
    .delete('/webhook', async (c) => {
      const enterpriseId = requireEnterprise(c);
      await saveWebhookSettings(deps, enterpriseId, null);
      return c.json({ webhook: null });
    })
    .post('/webhook/test', async (c) => {
      const enterpriseId = requireEnterprise(c);
      return c.json({ delivery: await sendTestMessage(deps, enterpriseId) });
    })
    .get('/deliveries', async (c) => {
      const enterpriseId = requireEnterprise(c);
      return c.json({ deliveries: await listDeliveries(deps, enterpriseId) });
    })
    .post('/:id/read', async (c) => {
      const { user } = requireSession(c);
      await markAlertRead(deps, user.id, c.req.param('id'));
      return c.json({ ok: true });
    })
    .get('/:id/verification', async (c) => {
      const { user } = requireSession(c);
      return c.json({ verifications: await listVerifications(deps, user.id, c.req.param('id')) });
    })
    .post('/:id/verification', async (c) => {
      const { user } = requireSession(c);
      const body = await readJsonObject(c);
      return c.json({ verifications: await recordVerification(deps, user, c.req.param('id'), body) });
    });
}

/** The enterprise account (the director) manages its robot and reads the delivery log. */
function requireEnterprise(c: Parameters<typeof requireSession>[0]): string {
  const { user } = requireSession(c);
  if (user.role !== 'enterprise' || !user.enterpriseId) throw forbidden('只有企业账号可以管理预警推送');
  return user.enterpriseId;
}
