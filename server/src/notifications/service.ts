import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { AppDeps } from '../deps.js';
import { notifications } from '../db/schema/index.js';
import { notFound } from '../http/errors.js';

/**
 * In-app notifications (issue 9's 督促; the oversight issue builds alert notices and other channels on them): one
 * row per recipient with its own read state. Nothing here knows what a notification is about beyond `kind`,
 * `subjectId` and `link`.
 */

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  projectId?: string | null;
  subjectId?: string | null;
  senderUserId?: string | null;
}

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  projectId: string | null;
  subjectId: string | null;
  /** ISO 8601. */
  createdAt: string;
  read: boolean;
}

/** What {@link onNotified} listeners hear: one sent notice and who got it (for the live stream). */
export interface NotifiedEvent {
  readonly notice: NewNotification;
  readonly recipientUserIds: readonly string[];
}

const notified = new EventEmitter();
notified.setMaxListeners(0);

/** Subscribes to sent notifications; returns the unsubscribe function. */
export function onNotified(listener: (event: NotifiedEvent) => void): () => void {
  notified.on('notified', listener);
  return () => notified.off('notified', listener);
}

/** Sends one notification to each recipient; returns their ids in recipient order. */
export async function notify(
  deps: AppDeps,
  recipientUserIds: readonly string[],
  notice: NewNotification,
): Promise<string[]> {
  if (recipientUserIds.length === 0) return [];
  const createdAt = deps.now();
  const rows = recipientUserIds.map((recipientUserId) => ({
    id: randomUUID(),
    recipientUserId,
    kind: notice.kind,
    title: notice.title,
    body: notice.body,
    link: notice.link ?? null,
    projectId: notice.projectId ?? null,
    subjectId: notice.subjectId ?? null,
    senderUserId: notice.senderUserId ?? null,
    createdAt,
  }));
  await deps.database.db.insert(notifications).values(rows);
  notified.emit('notified', { notice, recipientUserIds } satisfies NotifiedEvent);
  return rows.map((row) => row.id);
}

/** The user's notifications, newest first (at most `limit`), and how many are unread. */
export async function listNotifications(
  deps: AppDeps,
  userId: string,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<{ notifications: NotificationView[]; unread: number }> {
  const { db } = deps.database;
  const mine = eq(notifications.recipientUserId, userId);
  const rows = await db
    .select()
    .from(notifications)
    .where(options.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? 100);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine, isNull(notifications.readAt)));
  return { notifications: rows.map(toView), unread: unread?.n ?? 0 };
}

/** Marks one of the user's notifications read; 404 for anyone else's (existence is not revealed). */
export async function markRead(deps: AppDeps, userId: string, id: string): Promise<void> {
  const { db } = deps.database;
  const mine = and(eq(notifications.id, id), eq(notifications.recipientUserId, userId));
  const [row] = await db.select({ readAt: notifications.readAt }).from(notifications).where(mine);
  if (!row) throw notFound('通知不存在');
  if (row.readAt === null) await db.update(notifications).set({ readAt: deps.now() }).where(mine);
}

/** Marks every unread notification of the user read. */
export async function markAllRead(deps: AppDeps, userId: string): Promise<void> {
  await deps.database.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(and(eq(notifications.recipientUserId, userId), isNull(notifications.readAt)));
}

function toView(row: typeof notifications.$inferSelect): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    projectId: row.projectId,
    subjectId: row.subjectId,
    createdAt: row.createdAt.toISOString(),
    read: row.readAt !== null,
  };
}
