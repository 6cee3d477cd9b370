import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alertRecipients, alerts, projectEvaluations } from '../../db/schema/index.js';
import type { PassScope } from './facts.js';
import type { FailurePlan } from './failures.js';
import type { AlertPlan, StoredAlert } from './plan.js';

/** Rows per multi-row statement: well under SQLite's bound-parameter limit at 16 columns a row. */
const BATCH = 400;

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

/** The stored alerts (open and resolved: a condition that returns reopens its row) of the scope, by project. */
export async function loadStoredAlerts(db: Db, scope: PassScope): Promise<Map<string, Map<string, StoredAlert>>> {
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

/** Applies one chunk's plan in a single transaction (all of it or none), in batched statements. */
export function writePlan(db: Db, plan: AlertPlan, failures: FailurePlan, now: Date): void {
  db.transaction((tx) => {
    for (const rows of batches(plan.inserts)) tx.insert(alerts).values(rows).onConflictDoNothing().run();
    for (const { id, draft, enterpriseId } of plan.updates) {
      tx.update(alerts)
        .set({
          title: draft.title,
          body: draft.body,
          link: draft.link,
          enterpriseId,
          daysLeft: draft.daysLeft,
          level: draft.level,
          state: 'open',
          resolvedAt: null,
          updatedAt: now,
        })
        .where(eq(alerts.id, id))
        .run();
    }
    for (const ids of batches(plan.resolves)) {
      tx.update(alerts)
        .set({ state: 'resolved', resolvedAt: now, updatedAt: now })
        .where(inArray(alerts.id, ids))
        .run();
    }
    for (const ids of batches(plan.unread)) {
      tx.update(alertRecipients).set({ readAt: null }).where(inArray(alertRecipients.alertId, ids)).run();
    }
    const recipientRows = plan.recipients.map((r) => ({ ...r, createdAt: now }));
    for (const rows of batches(recipientRows)) {
      tx.insert(alertRecipients).values(rows).onConflictDoNothing().run();
    }
    for (const rows of batches(failures.inserts)) {
      tx.insert(projectEvaluations).values(rows).onConflictDoNothing().run();
    }
    for (const ids of batches(failures.revokes)) {
      tx.update(projectEvaluations).set({ revokedAt: now }).where(inArray(projectEvaluations.id, ids)).run();
    }
  });
}
