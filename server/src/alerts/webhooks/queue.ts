import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { enterpriseWebhooks, webhookDeliveries } from '../../db/schema/index.js';
import { badRequest } from '../../http/errors.js';
import { alertMarkdown, webhookBody, webhookTarget } from './format.js';

/** Waits after the 1st, 2nd, … failed attempt; after the last the delivery is marked failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000] as const;
const TIMEOUT_MS = 10_000;

/** Queues an alert for the enterprise's robot (nothing when it has none) and starts delivering in the background. */
export async function enqueueAlertDelivery(
  deps: AppDeps,
  enterpriseId: string,
  alertId: string,
  alert: { title: string; body: string; level: string; link: string | null },
): Promise<void> {
  const id = await enqueueMessage(deps, enterpriseId, {
    alertId,
    title: alert.title,
    text: alertMarkdown(alert),
  });
  if (id) setImmediate(() => void deliverDueWebhooks(deps).catch(() => undefined));
}

/**
 * Queues many alerts at once (a pass's new, reopened and escalated ones): the robots read in one query, the
 * deliveries written in batches, one delivery round started.
 */
export async function enqueueAlertDeliveries(
  deps: AppDeps,
  items: ReadonlyArray<{
    enterpriseId: string;
    alertId: string;
    alert: { title: string; body: string; level: string; link: string | null };
  }>,
): Promise<void> {
  if (items.length === 0) return;
  const { db } = deps.database;
  const enterpriseIds = [...new Set(items.map((i) => i.enterpriseId))];
  const hooks = new Map<string, WebhookKind>();
  for (let i = 0; i < enterpriseIds.length; i += 500) {
    const rows = await db
      .select({ enterpriseId: enterpriseWebhooks.enterpriseId, kind: enterpriseWebhooks.kind })
      .from(enterpriseWebhooks)
      .where(inArray(enterpriseWebhooks.enterpriseId, enterpriseIds.slice(i, i + 500)));
    for (const row of rows) hooks.set(row.enterpriseId, row.kind);
  }
  const now = deps.now();
  const rows = items.flatMap(({ enterpriseId, alertId, alert }) => {
    const kind = hooks.get(enterpriseId);
    if (!kind) return [];
    const text = alertMarkdown(alert);
    return [
      { id: randomUUID(), enterpriseId, alertId, kind, title: alert.title, text, status: 'pending' as const },
    ];
  });
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(webhookDeliveries)
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, attempts: 0, nextAttemptAt: now, createdAt: now })));
  }
  if (rows.length > 0) setImmediate(() => void deliverDueWebhooks(deps).catch(() => undefined));
}

type WebhookKind = (typeof enterpriseWebhooks.$inferSelect)['kind'];

/**
 * Queues one markdown message (an alert, the weekly summary, a test) for the enterprise's robot; returns the
 * delivery id, or null when the enterprise has no robot.
 */
export async function enqueueMessage(
  deps: AppDeps,
  enterpriseId: string,
  message: { alertId: string | null; title: string; text: string },
): Promise<string | null> {
  const { db } = deps.database;
  const [hook] = await db
    .select()
    .from(enterpriseWebhooks)
    .where(eq(enterpriseWebhooks.enterpriseId, enterpriseId));
  if (!hook) return null;
  const now = deps.now();
  const id = randomUUID();
  await db.insert(webhookDeliveries).values({
    id,
    enterpriseId,
    alertId: message.alertId,
    kind: hook.kind,
    title: message.title,
    text: message.text,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
  return id;
}

/** Sends a test message at once (the director's 发送测试消息); the delivery as logged, retries included. */
export async function sendTestMessage(deps: AppDeps, enterpriseId: string): Promise<DeliveryView> {
  const id = await enqueueMessage(deps, enterpriseId, {
    alertId: null,
    title: '安管测试消息',
    text: '### 安管测试消息\n\n群机器人已连通：新预警和每周安全周报会发送到本群。',
  });
  if (!id) throw badRequest('no_webhook', '请先保存群机器人 Webhook 地址');
  await deliverDueWebhooks(deps);
  const [row] = await deps.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return toDeliveryView(row!);
}

const inFlight = new WeakMap<object, Promise<number>>();

/** Sends every due pending delivery once (one pass at a time per database); returns how many were attempted. */
export function deliverDueWebhooks(deps: AppDeps): Promise<number> {
  const current = inFlight.get(deps.database);
  if (current) return current.then(() => deliverDueWebhooks(deps));
  const pass = deliverNow(deps).finally(() => inFlight.delete(deps.database));
  inFlight.set(deps.database, pass);
  return pass;
}

async function deliverNow(deps: AppDeps): Promise<number> {
  const { db } = deps.database;
  const due = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, deps.now())))
    .limit(100);
  for (const delivery of due) await attempt(deps, delivery);
  return due.length;
}

async function attempt(deps: AppDeps, delivery: typeof webhookDeliveries.$inferSelect): Promise<void> {
  const { db } = deps.database;
  const [hook] = await db
    .select()
    .from(enterpriseWebhooks)
    .where(eq(enterpriseWebhooks.enterpriseId, delivery.enterpriseId));
  const attempts = delivery.attempts + 1;
  let error: string | null = hook ? null : '企业已删除 Webhook 设置';
  let statusCode: number | null = null;
  if (hook) {
    try {
      const response = await fetch(webhookTarget(hook.kind, hook.url, hook.secret, deps.now()), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(webhookBody(hook.kind, delivery.title, delivery.text)),
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = response.status;
      error = await responseError(response);
    } catch (cause) {
      error = `请求失败：${cause instanceof Error ? cause.message : String(cause)}`;
    }
  }
  const now = deps.now();
  const delay = RETRY_DELAYS_MS[attempts - 1];
  const status = error === null ? 'sent' : hook && delay !== undefined ? 'pending' : 'failed';
  await db
    .update(webhookDeliveries)
    .set({
      status,
      attempts,
      lastError: error,
      lastStatusCode: statusCode,
      sentAt: error === null ? now : null,
      nextAttemptAt: status === 'pending' ? new Date(now.getTime() + (delay ?? 0)) : null,
    })
    .where(eq(webhookDeliveries.id, delivery.id));
}

/** Both robots answer HTTP 200 with `{"errcode":0}` on success and a non-zero errcode otherwise. */
async function responseError(response: Response): Promise<string | null> {
  const text = await response.text().catch(() => '');
  if (!response.ok) return `HTTP ${response.status}`;
  try {
    const json = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    if (json.errcode !== undefined && json.errcode !== 0) {
      return `errcode ${String(json.errcode)}: ${String(json.errmsg ?? '')}`;
    }
  } catch {
    // A receiver that answers 2xx without JSON accepted the message.
  }
  return null;
}

export interface DeliveryView {
  id: string;
  alertId: string | null;
  kind: string;
  title: string;
  status: string;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

/** The enterprise's delivery log, newest first. */
export async function listDeliveries(
  deps: AppDeps,
  enterpriseId: string,
  limit = 100,
): Promise<DeliveryView[]> {
  const rows = await deps.database.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.enterpriseId, enterpriseId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  return rows.map(toDeliveryView);
}

function toDeliveryView(r: typeof webhookDeliveries.$inferSelect): DeliveryView {
  return {
    id: r.id,
    alertId: r.alertId,
    kind: r.kind,
    title: r.title,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    lastStatusCode: r.lastStatusCode,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
  };
}
