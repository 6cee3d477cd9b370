import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { AppDeps } from '../deps.js';
import { alertRecipients, alertVerifications, alerts, users } from '../db/schema/index.js';
import { badRequest, forbidden, notFound } from '../http/errors.js';

export interface AlertView {
  id: string;
  rule: string;
  projectId: string;
  state: 'open' | 'resolved';
  read: boolean;
  /** ISO 8601. */
  createdAt: string;
  title: string;
  level: 'warning' | 'critical';
  body: string;
  link: string | null;
  daysLeft: number | null;
  updatedAt: string;
  resolvedAt: string | null;
}

/** 核实结果 of an R2 alert. */
export const VERIFICATION_FINDINGS = {
  suspended: '停工',
  delayed: '延期施工',
  completed_not_filed: '已完工未办理竣工备案',
  other: '其他',
} as const;
export type VerificationFinding = keyof typeof VERIFICATION_FINDINGS;

const mine = (userId: string) => eq(alertRecipients.userId, userId);

/** The user's alerts, open first then newest; `state` filters. */
export async function listAlerts(
  deps: AppDeps,
  userId: string,
  options: { state?: 'open' | 'resolved'; limit?: number } = {},
): Promise<AlertView[]> {
  const rows = await deps.database.db
    .select({ alert: alerts, readAt: alertRecipients.readAt })
    .from(alertRecipients)
    .innerJoin(alerts, eq(alerts.id, alertRecipients.alertId))
    .where(options.state ? and(mine(userId), eq(alerts.state, options.state)) : mine(userId))
    .orderBy(asc(alerts.state), desc(alerts.updatedAt), desc(alerts.id))
    .limit(options.limit ?? 200);
  return rows.map(({ alert, readAt }) => ({
    id: alert.id,
    rule: alert.rule,
    projectId: alert.projectId,
    state: alert.state,
    read: readAt !== null,
    createdAt: alert.createdAt.toISOString(),
    title: alert.title,
    level: alert.level,
    body: alert.body,
    link: alert.link,
    daysLeft: alert.daysLeft,
    updatedAt: alert.updatedAt.toISOString(),
    resolvedAt: alert.resolvedAt?.toISOString() ?? null,
  }));
}

export async function unreadCount(deps: AppDeps, userId: string): Promise<number> {
  const [row] = await deps.database.db
    .select({ n: count() })
    .from(alertRecipients)
    .innerJoin(alerts, eq(alerts.id, alertRecipients.alertId))
    .where(and(mine(userId), isNull(alertRecipients.readAt), eq(alerts.state, 'open')));
  return row?.n ?? 0;
}

/** Marks one of the user's alerts read; 404 when the user is not a recipient (existence is not revealed). */
export async function markAlertRead(deps: AppDeps, userId: string, alertId: string): Promise<void> {
  const where = and(eq(alertRecipients.alertId, alertId), mine(userId));
  const [row] = await deps.database.db
    .select({ readAt: alertRecipients.readAt })
    .from(alertRecipients)
    .where(where);
  if (!row) throw notFound('预警不存在');
  if (row.readAt === null) {
    await deps.database.db.update(alertRecipients).set({ readAt: deps.now() }).where(where);
  }
}

export async function markAllAlertsRead(deps: AppDeps, userId: string): Promise<void> {
  await deps.database.db
    .update(alertRecipients)
    .set({ readAt: deps.now() })
    .where(and(mine(userId), isNull(alertRecipients.readAt)));
}

export interface VerificationView {
  id: string;
  finding: VerificationFinding;
  findingLabel: string;
  note: string;
  recordedBy: string;
  createdAt: string;
}

/** Records what the director found for an R2 alert the user receives. */
export async function recordVerification(
  deps: AppDeps,
  user: { id: string; role: string },
  alertId: string,
  body: Record<string, unknown>,
): Promise<VerificationView[]> {
  const alert = await recipientAlert(deps, user.id, alertId);
  if (alert.rule !== 'R2') throw badRequest('not_verifiable', '只有逾期未竣工预警需要记录核实结果');
  if (user.role !== 'enterprise' && user.role !== 'supervisor') {
    throw forbidden('只有企业或监督站可以记录核实结果');
  }
  const finding = body.finding;
  if (typeof finding !== 'string' || !(finding in VERIFICATION_FINDINGS)) {
    throw badRequest('invalid_finding', '请选择核实结果', { field: 'finding' });
  }
  const note = typeof body.note === 'string' ? body.note.trim() : '';
  if (note.length > 1000) throw badRequest('note_too_long', '说明不能超过1000字', { field: 'note' });
  if (finding === 'other' && note === '') {
    throw badRequest('missing_field', '核实结果为“其他”时请填写说明', { field: 'note' });
  }
  await deps.database.db
    .insert(alertVerifications)
    .values({ id: randomUUID(), alertId, userId: user.id, finding, note, createdAt: deps.now() });
  return listVerifications(deps, user.id, alertId);
}

export async function listVerifications(
  deps: AppDeps,
  userId: string,
  alertId: string,
): Promise<VerificationView[]> {
  await recipientAlert(deps, userId, alertId);
  const rows = await deps.database.db
    .select({ v: alertVerifications, name: users.displayName })
    .from(alertVerifications)
    .innerJoin(users, eq(users.id, alertVerifications.userId))
    .where(eq(alertVerifications.alertId, alertId))
    .orderBy(asc(alertVerifications.createdAt));
  return rows.map(({ v, name }) => ({
    id: v.id,
    finding: v.finding as VerificationFinding,
    findingLabel: VERIFICATION_FINDINGS[v.finding as VerificationFinding] ?? v.finding,
    note: v.note,
    recordedBy: name,
    createdAt: v.createdAt.toISOString(),
  }));
}

async function recipientAlert(deps: AppDeps, userId: string, alertId: string) {
  const [row] = await deps.database.db
    .select({ rule: alerts.rule })
    .from(alertRecipients)
    .innerJoin(alerts, eq(alerts.id, alertRecipients.alertId))
    .where(and(eq(alertRecipients.alertId, alertId), mine(userId)));
  if (!row) throw notFound('预警不存在');
  return row;
}
