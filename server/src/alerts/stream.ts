import { and, eq, gt } from 'drizzle-orm';
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../deps.js';
import type { SessionRevocation } from '../sync/sync-service.js';
import { sessions } from '../db/schema/index.js';
import { AppError } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import { onNotified, type NotifiedEvent } from '../notifications/service.js';
import { onAlertCreated, type AlertEvent } from './events.js';
import { unreadCount } from './service.js';

/** A comment-free `ping` this often keeps proxies from closing an idle stream and re-checks the session. */
export const STREAM_HEARTBEAT_MS = 25_000;
/** What the browser's EventSource waits before reconnecting after the stream drops. */
export const STREAM_RETRY_MS = 5_000;

/**
 * Streams one user may hold open at once (several tabs and devices); each holds listeners until it closes, so the
 * next is refused (429) until one closes.
 */
export const MAX_STREAMS_PER_USER = 8;

interface OpenStream {
  readonly sessionId: string;
  readonly userId: string;
  /** Ends the stream now (the heartbeat's wait included); set once the stream has started. */
  end: () => void;
}

const openStreams = new Set<OpenStream>();

function streamsOf(userId: string): number {
  let n = 0;
  for (const open of openStreams) if (open.userId === userId) n++;
  return n;
}

/** Ends the streams of revoked sessions at once (sign-out, password change, account disabled). */
export function closeRevokedStreams(revoked: SessionRevocation): void {
  for (const open of openStreams) {
    const match =
      'sessionId' in revoked ? open.sessionId === revoked.sessionId : open.userId === revoked.userId;
    if (match) open.end();
  }
}

/**
 * `GET /api/alerts/stream`: server-sent events for the signed-in user (authenticated by the session cookie).
 *
 * - `ready` `{ unread }` on connect (the badge's starting figure);
 * - `alert` `{ kind, alertId, rule, projectId, title, level, link, unread }` when an alert of theirs is created,
 *   reopened or escalated;
 * - `notification` `{ kind, title, link, projectId }` when an in-app notification (督促, reminder) is sent to them;
 * - `ping` every {@link STREAM_HEARTBEAT_MS}. The stream ends once the session is gone (signed out, idle, disabled).
 *
 * A user already holding {@link MAX_STREAMS_PER_USER} open streams is refused with 429 `too_many_streams`.
 */
export function alertStream(deps: AppDeps, c: Context<AppEnv>) {
  const session = requireSession(c);
  const userId = session.user.id;
  if (streamsOf(userId) >= MAX_STREAMS_PER_USER) {
    throw new AppError(
      429,
      'too_many_streams',
      `同时打开的实时提醒连接已达${MAX_STREAMS_PER_USER}个，请关闭其他页面或设备后重试`,
    );
  }
  // The slot is taken before the stream starts, so simultaneous requests cannot all pass the check above.
  const open: OpenStream = {
    sessionId: session.id,
    userId,
    end: () => undefined,
  };
  openStreams.add(open);
  c.header('Cache-Control', 'no-store');
  c.header('X-Accel-Buffering', 'no');
  try {
    return streamSSE(c, (stream) => serve(deps, stream, open));
  } catch (error) {
    openStreams.delete(open);
    throw error;
  }
}

async function serve(deps: AppDeps, stream: SSEStreamingApi, open: OpenStream) {
  const { userId } = open;
  const send = (event: string, data: unknown) =>
    stream
      .writeSSE({ event, data: JSON.stringify(data), retry: STREAM_RETRY_MS })
      .catch(() => stream.abort());
  const pause = new Pause();
  open.end = () => {
    pause.wake();
    void stream.close();
  };
  // An abrupt disconnect aborts the stream: the heartbeat's wait ends and the slot is released below.
  stream.onAbort(() => pause.wake());
  const stopAlerts = onAlertCreated((event) => {
    if (event.recipientUserIds.includes(userId)) void sendAlert(deps, userId, event, send);
  });
  const stopNotices = onNotified((event) => {
    if (event.recipientUserIds.includes(userId)) void send('notification', noticeData(event));
  });
  try {
    await send('ready', { unread: await unreadCount(deps, userId) });
    await heartbeat(deps, stream, open.sessionId, pause, send);
  } finally {
    openStreams.delete(open);
    stopAlerts();
    stopNotices();
  }
}

async function heartbeat(
  deps: AppDeps,
  stream: SSEStreamingApi,
  sessionId: string,
  pause: Pause,
  send: (event: string, data: unknown) => Promise<unknown>,
) {
  while (!stream.aborted && !stream.closed) {
    await pause.for(STREAM_HEARTBEAT_MS);
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

/** A wait that ends early when the stream ends, so a closed stream's handler returns at once. */
class Pause {
  #wake: (() => void) | null = null;
  #woken = false;

  for(ms: number): Promise<void> {
    if (this.#woken) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  wake(): void {
    this.#woken = true;
    this.#wake?.();
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
