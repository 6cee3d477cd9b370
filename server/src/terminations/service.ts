import { and, asc, count, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { AppDeps, ServerDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { projects, projectTerminations } from '../db/schema/index.js';
import { notFound } from '../http/errors.js';
import {
  findReadableProject,
  readableProjectsWhere,
  type ProjectRow,
  type Page,
} from '../projects/queries.js';
import { gradeFigures } from './figures.js';
import { toTerminationView, userNames, type TerminationRow, type TerminationStatus } from './views.js';

export async function readableProjectOr404(
  deps: AppDeps,
  user: SessionUser,
  id: string,
): Promise<ProjectRow> {
  const project = await findReadableProject(deps.database.db, user, id);
  // Another region's project is "not found", not "forbidden": its existence is not the caller's to learn.
  if (!project) throw notFound('未找到该项目');
  return project;
}

export async function terminationRow(deps: AppDeps, projectId: string): Promise<TerminationRow | undefined> {
  const [row] = await deps.database.db
    .select()
    .from(projectTerminations)
    .where(eq(projectTerminations.projectId, projectId));
  return row;
}

export async function viewOf(deps: AppDeps, user: SessionUser, project: ProjectRow) {
  const row = await terminationRow(deps, project.id);
  const names = await userNames(deps.database.db, [row?.submittedByUserId, row?.gradedByUserId]);
  return toTerminationView(user, project, row, names, deps.now());
}

export async function getTermination(deps: AppDeps, user: SessionUser, id: string) {
  return viewOf(deps, user, await readableProjectOr404(deps, user, id));
}

/** The termination with what feeds its grade (the supervisor's review page; any reader of the project). */
export async function getReview(deps: AppDeps, user: SessionUser, id: string) {
  const project = await readableProjectOr404(deps, user, id);
  return {
    termination: await viewOf(deps, user, project),
    figures: await gradeFigures(deps.database.db, project, deps.now()),
  };
}

/**
 * The terminations of the projects the caller may read, by state: `submitted` (待评定, the default), `returned`,
 * `graded`, or `none` (completed projects with no submission yet). Oldest submission first, so the longest
 * waiting comes first.
 */
export async function listTerminations(
  deps: AppDeps,
  user: SessionUser,
  status: TerminationStatus,
  page: Page,
) {
  const { db } = deps.database;
  const readable = readableProjectsWhere(user);
  if (!readable) return { items: [], total: 0, ...page };
  const where: SQL | undefined =
    status === 'none'
      ? and(
          readable,
          eq(projects.status, 'completed'),
          or(isNull(projectTerminations.status), eq(projectTerminations.status, 'returned')),
        )
      : and(readable, eq(projectTerminations.status, status));
  const base = db
    .select({ project: projects, termination: projectTerminations })
    .from(projects)
    .leftJoin(projectTerminations, eq(projectTerminations.projectId, projects.id))
    .where(where);
  const [rows, [total]] = await Promise.all([
    base
      .orderBy(
        asc(projectTerminations.submittedAt),
        asc(projects.completionFilingDate),
        asc(projects.filingNumber),
      )
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: count() })
      .from(projects)
      .leftJoin(projectTerminations, eq(projectTerminations.projectId, projects.id))
      .where(where),
  ]);
  const names = await userNames(
    db,
    rows.flatMap((r) => [r.termination?.submittedByUserId, r.termination?.gradedByUserId]),
  );
  const now = deps.now();
  return {
    items: rows.map((r) => toTerminationView(user, r.project, r.termination ?? undefined, names, now)),
    total: total?.n ?? 0,
    ...page,
  };
}

/** A file of the submission, for readers of the project (the bytes come from the blob store). */
export async function terminationFile(deps: ServerDeps, user: SessionUser, id: string, sha256: string) {
  const view = await getTermination(deps, user, id);
  const file = view.files.find((f) => f.sha256 === sha256);
  if (!file || !deps.blobStore.has(sha256)) throw notFound('文件不存在');
  return { file, bytes: deps.blobStore.read(sha256) };
}
