import { and, eq, isNull } from 'drizzle-orm';
import { RECTIFICATION_STATUS_LABELS, isUuid } from '@anguan/model';
import type { ServerDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { users } from '../db/schema/index.js';
import {
  documentAccess,
  mayReplyRectification,
  mayReviewRectification,
  partyOf,
  type AccessDoc,
} from '../documents/access.js';
import { conflict, forbidden, notFound } from '../http/errors.js';
import { notify } from '../notifications/service.js';
import {
  findRectification,
  listRectificationRows,
  type ProjectRow,
  type RectificationRow,
} from './queries.js';
import { isOverdue, urgencyRank, type RectificationState } from './state.js';

/** A rectification as the API returns it (DESIGN.md's stable fields first). */
export interface RectificationView {
  state: RectificationState;
  overdue: boolean;
  /** YYYY-MM-DD, inclusive. */
  deadline: string;
  rounds: number;
  inspectionId: string;
  docName: string;
  projectId: string;
  projectName: string;
  filingNumber: string;
  origin: RectificationRow['origin'];
  /** 待整改 / 已回复 / 已通过 / 已退回. */
  stateLabel: string;
  requirement: string;
  rectifier: { userId: string | null; name: string };
  openedAt: string;
  closedAt: string | null;
  daysToClose: number | null;
  lastReplyAt: string | null;
  lastReviewAt: string | null;
  /** What the caller may do: reply (project department) or review and remind (the inspecting side). */
  mayReply: boolean;
  mayReview: boolean;
}

const asDoc = (row: RectificationRow): AccessDoc => ({
  kind: 'rectification',
  origin: row.origin,
  sealedAt: null,
});
const iso = (at: Date | null) => at?.toISOString() ?? null;

function toView(user: SessionUser, row: RectificationRow, project: ProjectRow, now: Date): RectificationView {
  const open = row.state !== 'passed';
  return {
    state: row.state,
    overdue: isOverdue(row.state, row.deadline, now),
    deadline: row.deadline,
    rounds: row.rounds,
    inspectionId: row.inspectionId,
    docName: row.docName,
    projectId: row.projectId,
    projectName: project.name,
    filingNumber: project.filingNumber,
    origin: row.origin,
    stateLabel: RECTIFICATION_STATUS_LABELS[row.state],
    requirement: row.requirement,
    rectifier: { userId: row.rectifierUserId, name: row.rectifierName },
    openedAt: row.openedAt.toISOString(),
    closedAt: iso(row.closedAt),
    daysToClose: row.daysToClose,
    lastReplyAt: iso(row.lastReplyAt),
    lastReviewAt: iso(row.lastReviewAt),
    mayReply: open && mayReplyRectification(user, asDoc(row), project),
    mayReview: mayReviewRectification(user, asDoc(row), project),
  };
}

/** One rectification; 404 when unknown, deleted, or not readable by the caller (existence is not revealed). */
export async function getRectification(
  deps: ServerDeps,
  user: SessionUser,
  inspectionId: string,
): Promise<RectificationView> {
  const found = isUuid(inspectionId) ? await findRectification(deps.database.db, inspectionId) : undefined;
  if (!found || documentAccess(user, asDoc(found.rectification), found.project) === 'none') {
    throw notFound('整改记录不存在');
  }
  return toView(user, found.rectification, found.project, deps.now());
}

export interface ListFilters {
  state?: RectificationState;
  projectId?: string;
  overdue?: boolean;
}

/** Badge counts over the caller's rectifications (before the state and overdue filters). */
export interface RectificationCounts {
  pending: number;
  replied: number;
  passed: number;
  returned: number;
  overdue: number;
  /** What the project department has to do: 待整改 + 已退回. */
  toReply: number;
  /** What the inspecting side has to do: 已回复. */
  toReview: number;
}

/**
 * The caller's rectifications (the scope narrows the query; {@link partyOf} decides, as everywhere): a project department its own project's; an enterprise account or inspector its
 * projects'; a supervisor the spot checks of its region. Sorted 逾期, 已退回, 待整改, 已回复, 已通过, then by deadline.
 */
export async function listRectifications(
  deps: ServerDeps,
  user: SessionUser,
  filters: ListFilters,
): Promise<{ rectifications: RectificationView[]; counts: RectificationCounts }> {
  const now = deps.now();
  const rows = await listRectificationRows(deps.database.db, scopeOf(user, filters.projectId));
  const mine = rows
    .filter(({ project }) => partyOf(user, project) !== null)
    .map(({ rectification, project }) => toView(user, rectification, project, now));
  const counts = countOf(mine);
  const listed = mine
    .filter((r) => filters.state === undefined || r.state === filters.state)
    .filter((r) => filters.overdue === undefined || r.overdue === filters.overdue)
    .sort(
      (a, b) =>
        urgencyRank(a.state, a.overdue) - urgencyRank(b.state, b.overdue) ||
        a.deadline.localeCompare(b.deadline) ||
        a.inspectionId.localeCompare(b.inspectionId),
    );
  return { rectifications: listed, counts };
}

function scopeOf(user: SessionUser, projectId: string | undefined) {
  const projectIds = projectId === undefined ? undefined : [projectId];
  switch (user.role) {
    case 'project':
      return { projectIds: projectIds && projectId !== user.projectId ? [] : [user.projectId ?? ''] };
    case 'enterprise':
    case 'inspector':
      return { enterpriseId: user.enterpriseId ?? '', projectIds };
    case 'supervisor':
      return { origins: ['spot' as const], projectIds };
  }
}

function countOf(views: readonly RectificationView[]): RectificationCounts {
  const counts = { pending: 0, replied: 0, passed: 0, returned: 0, overdue: 0, toReply: 0, toReview: 0 };
  for (const view of views) {
    counts[view.state]++;
    if (view.overdue) counts.overdue++;
    if (view.state === 'pending' || view.state === 'returned') counts.toReply++;
    if (view.state === 'replied') counts.toReview++;
  }
  return counts;
}

/**
 * 督促: reminds the project department (every enabled account of the project) of an open rectification, in-app.
 * For the inspecting side only (who may review); 409 once passed. Returns how many accounts were reminded.
 */
export async function remindRectification(
  deps: ServerDeps,
  user: SessionUser,
  inspectionId: string,
): Promise<{ recipients: number }> {
  const view = await getRectification(deps, user, inspectionId);
  if (!view.mayReview) throw forbidden('只有检查方可以督促整改');
  if (view.state === 'passed') throw conflict('already_passed', '该整改已通过复查，无需督促');
  const recipients = await deps.database.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'project'), eq(users.projectId, view.projectId), isNull(users.disabledAt)));
  const due = view.overdue ? `已逾期（整改期限 ${view.deadline}）` : `整改期限 ${view.deadline}`;
  await notify(
    deps,
    recipients.map((r) => r.id),
    {
      kind: 'rectification.reminder',
      title: `整改督促：${view.projectName}`,
      body: `请尽快完成整改并回复（${view.stateLabel}，${due}）。整改要求：${view.requirement}`,
      link: `/rectifications/${view.inspectionId}`,
      projectId: view.projectId,
      subjectId: view.inspectionId,
      senderUserId: user.id,
    },
  );
  return { recipients: recipients.length };
}
