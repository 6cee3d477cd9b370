import { and, asc, count, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { projects } from '../db/schema/index.js';
import type { SessionUser } from '../auth/sessions.js';
import { regionPrefix } from './regions.js';
import type { ProjectRow } from './views.js';

export type { ProjectRow } from './views.js';

/** The SQL condition for "projects this user may read" (DESIGN "Roles"); null when it may read none. */
export function readableProjectsWhere(user: SessionUser): SQL | null {
  switch (user.role) {
    case 'enterprise':
    case 'inspector':
      return user.enterpriseId ? eq(projects.enterpriseId, user.enterpriseId) : null;
    case 'project':
      return user.projectId ? eq(projects.id, user.projectId) : null;
    case 'supervisor': {
      const prefix = regionPrefix(user.regionCode);
      return prefix ? regionUnder(prefix) : null;
    }
  }
}

/**
 * Projects whose region code starts with `prefix`, as a range (`>= '3201'` and `< '3202'`) rather than `LIKE
 * '3201%'`: SQLite's case-insensitive LIKE cannot use the (binary) region index, a range can, in PostgreSQL too.
 */
export function regionUnder(prefix: string): SQL {
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return and(gte(projects.regionCode, prefix), lt(projects.regionCode, next))!;
}

/** The distinct region codes of the projects this user may read, for the 项目信息 region filter. */
export async function readableRegionCodes(db: Db, user: SessionUser): Promise<string[]> {
  const readable = readableProjectsWhere(user);
  if (!readable) return [];
  const rows = await db.selectDistinct({ code: projects.regionCode }).from(projects).where(readable);
  return rows.map((row) => row.code).filter((code): code is string => code !== null);
}

export interface ProjectFilter {
  status?: ProjectRow['status'];
  /** A district or city code: projects whose region lies under it. */
  region?: string;
  special?: boolean;
  /** Part of the name, or the start of the 监督备案号. */
  q?: string;
}

export interface Page {
  page: number;
  pageSize: number;
}

/** `LIKE` pattern text with its wildcards escaped, so a search for "10%" finds "10%". */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const likeEscaped = (column: typeof projects.name | typeof projects.filingNumber, pattern: string): SQL =>
  sql`${column} like ${pattern} escape '\\'`;

/** The WHERE clause of a filtered list within what the user may read; null when it may read nothing. */
export function projectListWhere(user: SessionUser, filter: ProjectFilter): SQL | null {
  const readable = readableProjectsWhere(user);
  if (!readable) return null;
  const regionLike = filter.region ? regionPrefix(filter.region) : null;
  const q = filter.q ? escapeLike(filter.q) : null;
  return (
    and(
      readable,
      filter.status ? eq(projects.status, filter.status) : undefined,
      regionLike ? regionUnder(regionLike) : undefined,
      filter.special !== undefined ? eq(projects.special, filter.special) : undefined,
      q ? or(likeEscaped(projects.name, `%${q}%`), likeEscaped(projects.filingNumber, `${q}%`)) : undefined,
    ) ?? null
  );
}

/** One page of the readable projects (by 监督备案号) and the total count of the filtered list. */
export async function listReadableProjects(
  db: Db,
  user: SessionUser,
  filter: ProjectFilter = {},
  page: Page = { page: 1, pageSize: 10_000 },
): Promise<{ rows: ProjectRow[]; total: number }> {
  const where = projectListWhere(user, filter);
  if (!where) return { rows: [], total: 0 };
  const [totalRow] = await db.select({ n: count() }).from(projects).where(where);
  const rows = await db
    .select()
    .from(projects)
    .where(where)
    .orderBy(asc(projects.filingNumber))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, total: totalRow?.n ?? 0 };
}

/** A project the user may read, by id or 监督备案号. */
export async function findReadableProject(
  db: Db,
  user: SessionUser,
  idOrFilingNumber: string,
): Promise<ProjectRow | undefined> {
  const readable = readableProjectsWhere(user);
  if (!readable) return undefined;
  const [row] = await db
    .select()
    .from(projects)
    .where(and(readable, or(eq(projects.id, idOrFilingNumber), eq(projects.filingNumber, idOrFilingNumber))))
    .limit(1);
  return row;
}
