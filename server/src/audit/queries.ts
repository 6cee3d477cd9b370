import { and, count, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client.js';
import { auditLog, projects, users } from '../db/schema/index.js';
import type { AuditEvent } from './events.js';

/** Whose rows a viewer sees: one enterprise's, or the projects under a supervisor's region prefix. */
export type AuditScope = { enterpriseId: string } | { regionPrefix: string };

export interface AuditFilter {
  scope: AuditScope;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
  type?: AuditEvent;
  /** Contained (case-insensitively) in the actor's login or name, or in the login typed in a failed attempt. */
  actor?: string;
}

const actorUser = alias(users, 'actor_user');
const targetUser = alias(users, 'target_user');

function whereOf(db: Db, filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    'enterpriseId' in filter.scope
      ? eq(auditLog.enterpriseId, filter.scope.enterpriseId)
      : inArray(
          auditLog.projectId,
          db
            .select({ id: projects.id })
            .from(projects)
            .where(like(projects.regionCode, `${escapeLike(filter.scope.regionPrefix)}%`)),
        ),
    filter.from && gte(auditLog.at, filter.from),
    filter.to && lt(auditLog.at, filter.to),
    filter.type && eq(auditLog.event, filter.type),
  ];
  if (filter.actor) {
    const pattern = `%${escapeLike(filter.actor.toLowerCase())}%`;
    conditions.push(
      or(
        sql`lower(${actorUser.login}) like ${pattern} escape '\\'`,
        sql`lower(${actorUser.displayName}) like ${pattern} escape '\\'`,
        sql`lower(${auditLog.actorLogin}) like ${pattern} escape '\\'`,
      ),
    );
  }
  return and(...conditions);
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export type AuditRow = Awaited<ReturnType<typeof selectAuditRows>>[number];

/** Matching rows, newest first, with the actor and target users joined. */
export async function selectAuditRows(db: Db, filter: AuditFilter, limit: number, offset: number) {
  return db
    .select({
      row: auditLog,
      actor: { id: actorUser.id, login: actorUser.login, name: actorUser.displayName },
      target: { id: targetUser.id, login: targetUser.login, name: targetUser.displayName },
    })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorUserId))
    .leftJoin(targetUser, eq(targetUser.id, auditLog.targetUserId))
    .where(whereOf(db, filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
}

export async function countAuditRows(db: Db, filter: AuditFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .leftJoin(actorUser, eq(actorUser.id, auditLog.actorUserId))
    .where(whereOf(db, filter));
  return row?.n ?? 0;
}

/** Deletes rows older than `before` (the retention sweep); returns how many. */
export async function deleteAuditRowsBefore(db: Db, before: Date): Promise<number> {
  const result = await db.delete(auditLog).where(lt(auditLog.at, before));
  return result.changes;
}
