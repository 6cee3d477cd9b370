import { and, eq, gt } from 'drizzle-orm';
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../deps.js';
import { sessions } from '../db/schema/index.js';
import { requireSession } from '../http/session.js';
import { onNotified, type NotifiedEvent } from '../notifications/service.js';
import { onAlertCreated, type AlertEvent } from './events.js';
import { unreadCount } from './service.js';

/** A comment-free `ping` this often keeps proxies from closing an idle stream and re-checks the session. */
export const STREAM_HEARTBEAT_MS = 25_000;
/** What the browser's EventSource waits before reconnecting after the stream drops. */
export const STREAM_RETRY_MS = 5_000;

/**
 * `GET /api/alerts/stream`: server-sent events for the signed-in user (authenticated by the session cookie).
 *
 * - `ready` `{ unread }` on connect (the badge's starting figure);
 * - `alert` `{ kind, alertId, rule, projectId, title, level, link, unread }` when an alert of theirs is created,
 *   reopened or escalated;
 * - `notification` `{ kind, title, link, projectId }` when an in-app notification (督促, reminder) is sent to them;
 * - `ping` every {@link STREAM_HEARTBEAT_MS}. The stream ends once the session is gone (signed out, idle, disabled).
 */
export function alertStream(deps: AppDeps, c: Context<AppEnv>) {
  const session = requireSession(c);
  const userId = session.user.id;
  c.header('Cache-Control', 'no-store');
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    const send = (event: string, data: unknown) =>
      stream
        .writeSSE({ event, data: JSON.stringify(data), retry: STREAM_RETRY_MS })
        .catch(() => stream.abort());
    const stopAlerts = onAlertCreated((event) => {
      if (event.recipientUserIds.includes(userId)) void sendAlert(deps, userId, event, send);
    });
    const stopNotices = onNotified((event) => {
      if (event.recipientUserIds.includes(userId)) void send('notification', noticeData(event));
    });
    stream.onAbort(() => {
      stopAlerts();
      stopNotices();
    });
    try {
      await send('ready', { unread: await unreadCount(deps, userId) });
      await heartbeat(deps, stream, session.id, send);
    } finally {
      stopAlerts();
      stopNotices();
    }
  });
}

async function heartbeat(
  deps: AppDeps,
  stream: SSEStreamingApi,
  sessionId: string,
  send: (event: string, data: unknown) => Promise<unknown>,
) {
  while (!stream.aborted && !stream.closed) {
    await stream.sleep(STREAM_HEARTBEAT_MS);
    if (stream.aborted || stream.closed) return;
    // Not the sliding validation: an open stream is not user activity and must not keep an idle session alive.
    const [alive] = await deps.database.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, deps.now())));
    if (!alive) return;
    await send('ping', {});
  }
}

async function sendAlert(
  deps: AppDeps,
  userId: string,
  event: AlertEvent,
  send: (event: string, data: unknown) => Promise<unknown>,
) {
  const unread = await unreadCount(deps, userId);
  const { kind, alertId, rule, projectId, title, level, link } = event;
  await send('alert', { kind, alertId, rule, projectId, title, level, link, unread });
}

function noticeData({ notice }: NotifiedEvent) {
  return {
    kind: notice.kind,
    title: notice.title,
    link: notice.link ?? null,
    projectId: notice.projectId ?? null,
  };
}
