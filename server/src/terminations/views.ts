import { inArray } from 'drizzle-orm';
import { shanghaiDate } from '@anguan/standards';
import type { Db } from '../db/client.js';
import type { SessionUser } from '../auth/sessions.js';
import { projectTerminations, users } from '../db/schema/index.js';
import { daysBetween } from '../alerts/rules/calendar.js';
import type { ProjectRow } from '../projects/queries.js';

export type TerminationRow = typeof projectTerminations.$inferSelect;
export type TerminationStatus = 'none' | TerminationRow['status'];

export const TERMINATION_STATUS_LABELS: Record<TerminationStatus, string> = {
  none: '未申请',
  submitted: '已提交',
  returned: '已退回',
  graded: '已评定',
};

export interface TerminationFile {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

export interface Revocation {
  evaluationId: string;
  source: string | null;
  reason: string;
}

/** A project's 终止监督 as the API returns it. */
export interface TerminationView {
  projectId: string;
  filingNumber: string;
  projectName: string;
  projectStatus: ProjectRow['status'];
  completionFilingDate: string | null;
  daysSinceCompletion: number | null;
  status: TerminationStatus;
  statusLabel: string;
  applicationDate: string | null;
  note: string;
  files: TerminationFile[];
  round: number;
  submittedAt: string | null;
  submittedBy: string | null;
  returnReason: string | null;
  returnedAt: string | null;
  grade: string | null;
  gradeReason: string | null;
  revocations: Revocation[];
  gradedAt: string | null;
  gradedBy: string | null;
  /** The project department of this project, when completed and not yet submitted/graded. */
  maySubmit: boolean;
  /** The region's supervisor, while a submission waits. */
  mayReview: boolean;
}

const iso = (at: Date | null | undefined) => at?.toISOString() ?? null;

export function parseJsonArray<T>(text: string | null): T[] {
  if (!text) return [];
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as T[]) : [];
}

export async function userNames(db: Db, ids: Array<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function maySubmit(user: SessionUser, project: ProjectRow, row: TerminationRow | undefined): boolean {
  return (
    user.role === 'project' &&
    user.projectId === project.id &&
    project.status === 'completed' &&
    (!row || row.status === 'returned')
  );
}

export function toTerminationView(
  user: SessionUser,
  project: ProjectRow,
  row: TerminationRow | undefined,
  names: ReadonlyMap<string, string>,
  now: Date,
): TerminationView {
  const status: TerminationStatus = row?.status ?? 'none';
  const today = shanghaiDate(now);
  return {
    projectId: project.id,
    filingNumber: project.filingNumber,
    projectName: project.name,
    projectStatus: project.status,
    completionFilingDate: project.completionFilingDate,
    daysSinceCompletion: project.completionFilingDate
      ? daysBetween(project.completionFilingDate, today)
      : null,
    status,
    statusLabel: TERMINATION_STATUS_LABELS[status],
    applicationDate: row?.applicationDate ?? null,
    note: row?.note ?? '',
    files: parseJsonArray<TerminationFile>(row?.files ?? null),
    round: row?.round ?? 0,
    submittedAt: iso(row?.submittedAt),
    submittedBy: row ? (names.get(row.submittedByUserId) ?? null) : null,
    returnReason: row?.returnReason ?? null,
    returnedAt: iso(row?.returnedAt),
    grade: row?.grade ?? null,
    gradeReason: row?.gradeReason ?? null,
    revocations: parseJsonArray<Revocation>(row?.revocations ?? null),
    gradedAt: iso(row?.gradedAt),
    gradedBy: row?.gradedByUserId ? (names.get(row.gradedByUserId) ?? null) : null,
    maySubmit: maySubmit(user, project, row),
    mayReview: user.role === 'supervisor' && status === 'submitted',
  };
}
