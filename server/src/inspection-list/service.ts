import {
  INSPECTION_METHOD_LABELS,
  INSPECTION_ORIGIN_LABELS,
  RECTIFICATION_STATUS_LABELS,
  readFiles,
  type InspectionMethod,
  type InspectionOrigin,
} from '@anguan/model';
import type { ServerDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { mayDeleteInspection, partyOf } from '../documents/access.js';
import { deletedFileHashes } from '../inspection-sheets/queries.js';
import { regionPrefix } from '../projects/regions.js';
import { isOverdue, type RectificationState } from '../rectifications/state.js';
import { listInspectionRows, type ListFilter, type ListScope, type ListedRow } from './queries.js';

/** A file of an internal-standard record as 历史检查 lists it (soft-deleted ones are left out). */
export interface ListedFile {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

/** One row of 企业检查 / 项目自查 / 安监抽查 / 历史检查. */
export interface InspectionListItem {
  id: string;
  projectId: string;
  projectName: string;
  filingNumber: string;
  origin: InspectionOrigin;
  originLabel: string;
  method: InspectionMethod;
  methodLabel: string;
  /** 检查日期, YYYY-MM-DD. */
  date: string;
  status: 'draft' | 'completed';
  inspectors: Array<{ userId: string | null; name: string }>;
  total: string | null;
  grade: string | null;
  selfScore: string | null;
  findingCount: number;
  sealedAt: string | null;
  createdAt: string;
  /** Null when the inspection asks for no rectification. */
  rectification: {
    deadline: string | null;
    /** Null until the rectification opens (at sealing). */
    state: RectificationState | null;
    stateLabel: string | null;
    overdue: boolean;
  } | null;
  /** Whether the caller may soft-delete the record (internal standard, the record's own side). */
  mayDelete: boolean;
  /** Internal-standard records only, when the caller asked for `files=true`. */
  files?: ListedFile[];
}

export interface ListQuery extends ListFilter {
  projectId?: string;
  /** Matches an inspector's user id exactly or a part of the name. */
  inspector?: string;
  withFiles?: boolean;
  limit: number;
}

/**
 * The caller's inspections, newest first: a project department its own project's; an enterprise account or
 * inspector its enterprise's projects'; a supervisor the projects of its region ({@link partyOf} decides, as it
 * does for every document). Soft-deleted records never appear.
 */
export async function listInspections(
  deps: ServerDeps,
  user: SessionUser,
  query: ListQuery,
): Promise<{ inspections: InspectionListItem[]; total: number; limit: number }> {
  const rows = await listInspectionRows(deps.database.db, scopeOf(user, query.projectId), query);
  const mine = rows.filter(
    (row) => partyOf(user, row.project) !== null && matchesInspector(row, query.inspector),
  );
  const now = deps.now();
  const items: InspectionListItem[] = [];
  for (const row of mine.slice(0, query.limit)) {
    const item = toItem(user, row, now);
    if (query.withFiles && row.inspection.method === 'internal') item.files = await visibleFiles(deps, row);
    items.push(item);
  }
  return { inspections: items, total: mine.length, limit: query.limit };
}

function scopeOf(user: SessionUser, projectId: string | undefined): ListScope {
  const projectIds = projectId === undefined ? undefined : [projectId];
  switch (user.role) {
    case 'project':
      return { projectIds: projectIds && projectId !== user.projectId ? [] : [user.projectId ?? ''] };
    case 'enterprise':
    case 'inspector':
      return { enterpriseId: user.enterpriseId ?? '', projectIds };
    case 'supervisor':
      // No region, no projects: an empty prefix would match everything, hence the impossible id list.
      return regionPrefix(user.regionCode) === null
        ? { projectIds: [] }
        : { regionPrefix: regionPrefix(user.regionCode)!, projectIds };
  }
}

const parseInspectors = (text: string): InspectionListItem['inspectors'] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as InspectionListItem['inspectors']) : [];
  } catch {
    return [];
  }
};

function matchesInspector(row: ListedRow, inspector: string | undefined): boolean {
  if (!inspector) return true;
  const needle = inspector.toLowerCase();
  return parseInspectors(row.inspection.inspectors).some(
    (person) => person.userId === inspector || person.name.toLowerCase().includes(needle),
  );
}

function toItem(user: SessionUser, { inspection: r, project, rectification }: ListedRow, now: Date) {
  const state = rectification?.state ?? null;
  const deadline = rectification?.deadline ?? r.rectificationDeadline;
  return {
    id: r.id,
    projectId: r.projectId,
    projectName: project.name,
    filingNumber: project.filingNumber,
    origin: r.origin,
    originLabel: INSPECTION_ORIGIN_LABELS[r.origin],
    method: r.method,
    methodLabel: INSPECTION_METHOD_LABELS[r.method],
    date: r.date,
    status: r.status,
    inspectors: parseInspectors(r.inspectors),
    total: r.total,
    grade: r.grade,
    selfScore: r.selfScore,
    findingCount: r.findingCount,
    sealedAt: r.sealedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    rectification: r.rectificationRequired
      ? {
          deadline,
          state,
          stateLabel: state ? RECTIFICATION_STATUS_LABELS[state] : null,
          overdue: state !== null && deadline !== null && isOverdue(state, deadline, now),
        }
      : null,
    mayDelete: mayDeleteInspection(
      user,
      { kind: 'inspection', method: r.method, origin: r.origin, sealedAt: r.sealedAt },
      project,
    ),
  } satisfies InspectionListItem as InspectionListItem;
}

async function visibleFiles(deps: ServerDeps, row: ListedRow): Promise<ListedFile[]> {
  const deleted = await deletedFileHashes(deps.database.db, row.inspection.id);
  const files = deps.sync.withDoc(row.inspection.docName, (doc) => readFiles(doc));
  return files
    .filter((file) => !deleted.has(file.sha256))
    .map(({ sha256, name, mediaType, size }) => ({ sha256, name, mediaType, size }));
}
