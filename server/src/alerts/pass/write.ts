import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alertRecipients, alerts, projectEvaluations } from '../../db/schema/index.js';
import type { PassScope } from './facts.js';
import type { FailurePlan } from './failures.js';
import type { AlertPlan, StoredAlert } from './plan.js';

/** The stored alerts (open and resolved: a condition that returns reopens its row) of the scope, by project. */
export async function loadStoredAlerts(
  db: Db,
  scope: PassScope,
): Promise<Map<string, Map<string, StoredAlert>>> {
  const rows = await db
    .select({
      id: alerts.id,
      key: alerts.key,
      projectId: alerts.projectId,
      enterpriseId: alerts.enterpriseId,
      state: alerts.state,
      level: alerts.level,
      title: alerts.title,
      body: alerts.body,
      daysLeft: alerts.daysLeft,
    })
    .from(alerts)
    .where(scope ? inArray(alerts.projectId, [...scope]) : undefined);
  const out = new Map<string, Map<string, StoredAlert>>();
  for (const row of rows) {
    const own = out.get(row.projectId) ?? new Map<string, StoredAlert>();
    own.set(row.key, row);
    out.set(row.projectId, own);
  }
  return out;
}

const p = (name: string) => sql.placeholder(name);
/** In `set()`, which takes no placeholder as such: the value goes to the driver as given (timestamps as ms). */
const raw = (name: string) => sql`${sql.placeholder(name)}`;

/**
 * The pass's statements, built once per database and run row by row inside the chunk's transaction: building a
 * multi-row statement through the query builder costs more per value than running a prepared one.
 */
function prepareStatements(db: Db) {
  return {
    insertAlert: db
      .insert(alerts)
      .values({
        id: p('id'),
        key: p('key'),
        rule: p('rule'),
        projectId: p('projectId'),
        enterpriseId: p('enterpriseId'),
        subject: p('subject'),
        period: p('period'),
        level: p('level'),
        state: 'open',
        title: p('title'),
        body: p('body'),
        link: p('link'),
        daysLeft: p('daysLeft'),
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      .onConflictDoNothing()
      .prepare(),
    updateAlert: db
      .update(alerts)
      .set({
        title: raw('title'),
        body: raw('body'),
        link: raw('link'),
        enterpriseId: raw('enterpriseId'),
        daysLeft: raw('daysLeft'),
        level: raw('level'),
        state: 'open',
        resolvedAt: null,
        updatedAt: raw('now'),
      })
      .where(eq(alerts.id, p('id')))
      .prepare(),
    resolveAlert: db
      .update(alerts)
      .set({ state: 'resolved', resolvedAt: raw('now'), updatedAt: raw('now') })
      .where(eq(alerts.id, p('id')))
      .prepare(),
    markUnread: db
      .update(alertRecipients)
      .set({ readAt: null })
      .where(eq(alertRecipients.alertId, p('id')))
      .prepare(),
    addRecipient: db
      .insert(alertRecipients)
      .values({ alertId: p('alertId'), userId: p('userId'), createdAt: p('now') })
      .onConflictDoNothing()
      .prepare(),
    recordFailure: db
      .insert(projectEvaluations)
      .values({
        id: p('id'),
        projectId: p('projectId'),
        grade: '不合格',
        reason: p('reason'),
        automatic: true,
        source: p('source'),
        decidedAt: p('now'),
      })
      .onConflictDoNothing()
      .prepare(),
    revokeFailure: db
      .update(projectEvaluations)
      .set({ revokedAt: raw('now') })
      .where(eq(projectEvaluations.id, p('id')))
      .prepare(),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareStatements>>();

/** Applies one chunk's plan in a single transaction (all of it or none). */
export function writePlan(db: Db, plan: AlertPlan, failures: FailurePlan, now: Date): void {
  let s = prepared.get(db);
  if (!s) prepared.set(db, (s = prepareStatements(db)));
  const statements = s;
  db.transaction(() => {
    for (const row of plan.inserts) statements.insertAlert.run({ ...row, now });
    for (const { id, draft, enterpriseId } of plan.updates) {
      statements.updateAlert.run({ ...draft, id, enterpriseId, now: now.getTime() });
    }
    for (const id of plan.resolves) statements.resolveAlert.run({ id, now: now.getTime() });
    for (const id of plan.unread) statements.markUnread.run({ id });
    for (const r of plan.recipients) statements.addRecipient.run({ ...r, now });
    for (const f of failures.inserts) statements.recordFailure.run({ ...f, now });
    for (const id of failures.revokes) statements.revokeFailure.run({ id, now: now.getTime() });
  });
}
