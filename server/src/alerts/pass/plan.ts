import { randomUUID } from 'node:crypto';
import type { alerts } from '../../db/schema/index.js';
import type { AlertEvent } from '../events.js';
import type { AlertDraft } from '../rules/types.js';
import type { ProjectPlace } from './facts.js';
import type { RecipientDirectory } from './recipients.js';

/** The columns of a stored alert the diff compares. */
export interface StoredAlert {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  readonly enterpriseId: string | null;
  readonly state: 'open' | 'resolved';
  readonly level: 'warning' | 'critical';
  readonly title: string;
  readonly body: string;
  readonly daysLeft: number | null;
}

export interface Announcement {
  readonly event: AlertEvent;
  readonly enterpriseId: string | null;
  readonly draft: AlertDraft;
}

/** Every write one chunk of projects needs, decided in memory; {@link writePlan} applies it in one transaction. */
export interface AlertPlan {
  readonly inserts: Array<typeof alerts.$inferInsert>;
  readonly updates: Array<{ id: string; draft: AlertDraft; enterpriseId: string | null }>;
  readonly resolves: string[];
  /** Alerts reopened or escalated: every recipient's read mark is cleared. */
  readonly unread: string[];
  readonly recipients: Array<{ alertId: string; userId: string }>;
  readonly announcements: Announcement[];
  created: number;
  updated: number;
  resolved: number;
}

export const alertKey = (projectId: string, d: AlertDraft) =>
  `${d.rule}|${projectId}|${d.subject}|${d.period}`;

export const emptyPlan = (): AlertPlan => ({
  inserts: [],
  updates: [],
  resolves: [],
  unread: [],
  recipients: [],
  announcements: [],
  created: 0,
  updated: 0,
  resolved: 0,
});

export interface PlanContext {
  readonly directory: RecipientDirectory;
  /** Recipients already stored for each open alert. */
  readonly openRecipients: ReadonlyMap<string, ReadonlySet<string>>;
  readonly now: Date;
}

/**
 * Brings one project's stored alerts (`existing`, by key) in line with the drafts the rules want open today: new
 * ones created, changed ones updated (a resolved one reopened, a warning escalated, both unread again), open ones
 * no longer wanted resolved, and people who joined since added to the standing ones.
 */
export function planProject(
  plan: AlertPlan,
  place: ProjectPlace,
  drafts: readonly AlertDraft[],
  existing: ReadonlyMap<string, StoredAlert>,
  ctx: PlanContext,
): void {
  const wanted = new Set<string>();
  for (const draft of drafts) {
    const key = alertKey(place.id, draft);
    wanted.add(key);
    const row = existing.get(key);
    if (row) planUpdate(plan, place, row, draft, ctx);
    else planCreate(plan, place, key, draft, ctx);
  }
  for (const row of existing.values()) {
    if (row.state === 'open' && !wanted.has(row.key)) {
      plan.resolves.push(row.id);
      plan.resolved++;
    }
  }
}

function planCreate(plan: AlertPlan, place: ProjectPlace, key: string, draft: AlertDraft, ctx: PlanContext) {
  const id = randomUUID();
  plan.inserts.push({
    id,
    key,
    projectId: place.id,
    enterpriseId: place.enterpriseId,
    state: 'open',
    ...draft,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  plan.created++;
  const userIds = ctx.directory.recipients(place, draft);
  for (const userId of userIds) plan.recipients.push({ alertId: id, userId });
  announce(plan, place, id, 'created', draft, userIds);
}

function planUpdate(
  plan: AlertPlan,
  place: ProjectPlace,
  row: StoredAlert,
  draft: AlertDraft,
  ctx: PlanContext,
) {
  const reopened = row.state === 'resolved';
  const escalated = row.level === 'warning' && draft.level === 'critical';
  const changed =
    row.enterpriseId !== place.enterpriseId ||
    row.title !== draft.title ||
    row.body !== draft.body ||
    row.daysLeft !== draft.daysLeft ||
    row.level !== draft.level;
  const userIds = ctx.directory.recipients(place, draft);
  if (reopened || escalated) {
    plan.unread.push(row.id);
    for (const userId of userIds) plan.recipients.push({ alertId: row.id, userId });
    announce(plan, place, row.id, escalated ? 'escalated' : 'reopened', draft, userIds);
  } else if (row.state === 'open') {
    // People who joined since (a new project department account, a newly registered director) see standing alerts.
    const stored = ctx.openRecipients.get(row.id);
    for (const userId of userIds) {
      if (!stored?.has(userId)) plan.recipients.push({ alertId: row.id, userId });
    }
  }
  if (!reopened && !changed) return;
  plan.updates.push({ id: row.id, draft, enterpriseId: place.enterpriseId });
  plan.updated++;
}

function announce(
  plan: AlertPlan,
  place: ProjectPlace,
  alertId: string,
  kind: AlertEvent['kind'],
  draft: AlertDraft,
  recipientUserIds: string[],
) {
  plan.announcements.push({
    enterpriseId: place.enterpriseId,
    draft,
    event: {
      kind,
      alertId,
      rule: draft.rule,
      projectId: place.id,
      title: draft.title,
      level: draft.level,
      link: draft.link,
      recipientUserIds,
    },
  });
}
