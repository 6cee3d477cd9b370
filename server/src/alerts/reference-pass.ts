/**
 * The alert pass as it was before the set-based rewrite (issue 11), kept unchanged as the benchmark's naive baseline
 * and as the tests' reference: the batched pass must leave the same alerts, recipients and automatic failures.
 * Not used by the server.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { shanghaiDate } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import {
  alertRecipients as recipientsTable,
  alerts,
  projectEvaluations,
  projects,
} from '../db/schema/index.js';
import { loadProjectFacts } from './facts.js';
import { alertRecipients } from './recipients.js';
import { evaluateRules, type AlertDraft, type AutomaticFailure } from './rules/index.js';
import { emitAlert, type AlertEvent } from './events.js';
import type { PassReport } from './engine.js';
import { enqueueAlertDelivery } from './webhooks/queue.js';

type AlertRow = typeof alerts.$inferSelect;
type ProjectRow = typeof projects.$inferSelect;

const alertKey = (projectId: string, d: AlertDraft) => `${d.rule}|${projectId}|${d.subject}|${d.period}`;

/** Every project through {@link referenceProjectPass}, in turn. */
export async function referenceFullPass(deps: AppDeps, projectIds?: readonly string[]): Promise<PassReport> {
  const total: PassReport = { created: 0, updated: 0, resolved: 0, failures: 0 };
  const ids =
    projectIds ?? (await deps.database.db.select({ id: projects.id }).from(projects)).map((r) => r.id);
  for (const id of ids) {
    const report = await referenceProjectPass(deps, id);
    total.created += report.created;
    total.updated += report.updated;
    total.resolved += report.resolved;
    total.failures += report.failures;
  }
  return total;
}

/** The former per-project evaluation: about ten queries and recipient syncing per project, one project at a time. */
export async function referenceProjectPass(deps: AppDeps, projectId: string): Promise<PassReport> {
  const { db } = deps.database;
  const now = deps.now();
  const today = shanghaiDate(now);
  const report: PassReport = { created: 0, updated: 0, resolved: 0, failures: 0 };
  const facts = await loadProjectFacts(db, projectId, today);
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!facts || !project) return report;
  const { alerts: drafts, failures } = evaluateRules(facts, today);
  const existing = new Map(
    (await db.select().from(alerts).where(eq(alerts.projectId, projectId))).map((row) => [row.key, row]),
  );
  // Announced once the pass is written: a client reloading on the event sees resolutions of the same pass too.
  const events: AlertEvent[] = [];
  const wanted = new Set<string>();
  for (const draft of drafts) {
    const key = alertKey(projectId, draft);
    wanted.add(key);
    const row = existing.get(key);
    if (!row) {
      await createAlert(deps, project, key, draft, now, events);
      report.created++;
    } else if (await updateAlert(deps, project, row, draft, now, events)) report.updated++;
  }
  for (const row of existing.values()) {
    if (row.state === 'open' && !wanted.has(row.key)) {
      await db
        .update(alerts)
        .set({ state: 'resolved', resolvedAt: now, updatedAt: now })
        .where(eq(alerts.id, row.id));
      report.resolved++;
    }
  }
  report.failures = await recordFailures(deps, projectId, failures, today, now);
  for (const event of events) emitAlert(event);
  return report;
}

async function createAlert(
  deps: AppDeps,
  project: ProjectRow,
  key: string,
  draft: AlertDraft,
  now: Date,
  events: AlertEvent[],
) {
  const id = randomUUID();
  const inserted = await deps.database.db
    .insert(alerts)
    .values({
      id,
      key,
      projectId: project.id,
      enterpriseId: project.enterpriseId,
      state: 'open',
      ...draft,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: alerts.id });
  if (inserted.length === 0) return;
  const recipients = await addRecipients(deps, project, id, draft, now);
  await announce(
    deps,
    project,
    {
      kind: 'created',
      alertId: id,
      rule: draft.rule,
      projectId: project.id,
      title: draft.title,
      level: draft.level,
      link: draft.link,
      recipientUserIds: recipients,
    },
    draft,
    events,
  );
}

/** Brings an existing alert to the draft; true when anything changed. */
async function updateAlert(
  deps: AppDeps,
  project: ProjectRow,
  row: AlertRow,
  draft: AlertDraft,
  now: Date,
  events: AlertEvent[],
): Promise<boolean> {
  const reopened = row.state === 'resolved';
  const escalated = row.level === 'warning' && draft.level === 'critical';
  const textChanged =
    row.enterpriseId !== project.enterpriseId ||
    row.title !== draft.title ||
    row.body !== draft.body ||
    row.daysLeft !== draft.daysLeft ||
    row.level !== draft.level;
  // People who joined since (a new project department account, a newly registered director) see standing alerts.
  if (!reopened && !escalated && row.state === 'open') await addRecipients(deps, project, row.id, draft, now);
  if (!reopened && !textChanged) return false;
  const { db } = deps.database;
  await db
    .update(alerts)
    .set({
      title: draft.title,
      body: draft.body,
      link: draft.link,
      enterpriseId: project.enterpriseId,
      daysLeft: draft.daysLeft,
      level: draft.level,
      state: 'open',
      resolvedAt: null,
      updatedAt: now,
    })
    .where(eq(alerts.id, row.id));
  if (reopened || escalated) {
    await db.update(recipientsTable).set({ readAt: null }).where(eq(recipientsTable.alertId, row.id));
    const recipients = await addRecipients(deps, project, row.id, draft, now);
    const kind = escalated ? 'escalated' : 'reopened';
    await announce(
      deps,
      project,
      {
        kind,
        alertId: row.id,
        rule: draft.rule,
        projectId: project.id,
        title: draft.title,
        level: draft.level,
        link: draft.link,
        recipientUserIds: recipients,
      },
      draft,
      events,
    );
  }
  return true;
}

async function addRecipients(
  deps: AppDeps,
  project: ProjectRow,
  alertId: string,
  draft: AlertDraft,
  now: Date,
) {
  const userIds = await alertRecipients(deps.database.db, project, draft);
  if (userIds.length > 0) {
    await deps.database.db
      .insert(recipientsTable)
      .values(userIds.map((userId) => ({ alertId, userId, createdAt: now })))
      .onConflictDoNothing();
  }
  return userIds;
}

async function announce(
  deps: AppDeps,
  project: ProjectRow,
  event: AlertEvent,
  draft: AlertDraft,
  events: AlertEvent[],
) {
  events.push(event);
  if (project.enterpriseId) await enqueueAlertDelivery(deps, project.enterpriseId, event.alertId, draft);
}

/** Records automatic 不合格 decisions once each; revokes an R3 one whose year turned out complete after all. */
async function recordFailures(
  deps: AppDeps,
  projectId: string,
  failures: readonly AutomaticFailure[],
  today: string,
  now: Date,
) {
  const { db } = deps.database;
  let recorded = 0;
  for (const failure of failures) {
    const rows = await db
      .insert(projectEvaluations)
      .values({
        id: randomUUID(),
        projectId,
        grade: '不合格',
        reason: failure.reason,
        automatic: true,
        source: failure.source,
        decidedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: projectEvaluations.id });
    recorded += rows.length;
  }
  const sources = new Set(failures.map((f) => f.source));
  const standing = await db
    .select({ id: projectEvaluations.id, source: projectEvaluations.source })
    .from(projectEvaluations)
    .where(
      and(
        eq(projectEvaluations.projectId, projectId),
        eq(projectEvaluations.automatic, true),
        isNull(projectEvaluations.revokedAt),
      ),
    );
  for (const row of standing) {
    // R1's failure stands once earned (a late termination does not undo it); R3's for the year being judged depends
    // on the inspections recorded for it, which may arrive late.
    const judged = `R3|${Number(today.slice(0, 4)) - 1}`;
    if (row.source === judged && !sources.has(row.source)) {
      await db.update(projectEvaluations).set({ revokedAt: now }).where(eq(projectEvaluations.id, row.id));
    }
  }
  return recorded;
}
