import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog, users } from '../db/schema/index.js';
import type { AuditEvent } from './events.js';

export interface AuditEntry {
  event: AuditEvent;
  at: Date;
  ip: string | null;
  actorUserId?: string | null;
  actorLogin?: string | null;
  targetUserId?: string | null;
  /** What the event acted on when it is not a user: a document name, a file hash. */
  target?: string | null;
  /** Scope for the 安全审计 views; derived from the actor (else the target user) when not given. */
  enterpriseId?: string | null;
  projectId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Appends one audit row. The log is append-only: nothing in the app updates a row, and only the retention sweep
 * (`audit/retention.ts`) deletes rows, never younger than six months.
 */
export function audit(db: Db, entry: AuditEntry): void {
  const scope = scopeOf(db, entry);
  db.insert(auditLog)
    .values({
      event: entry.event,
      at: entry.at,
      ip: entry.ip,
      actorUserId: entry.actorUserId ?? null,
      actorLogin: entry.actorLogin ?? null,
      targetUserId: entry.targetUserId ?? null,
      target: entry.target ?? null,
      enterpriseId: scope.enterpriseId,
      projectId: scope.projectId,
      detail: entry.detail ?? null,
    })
    .run();
}

function scopeOf(db: Db, entry: AuditEntry): { enterpriseId: string | null; projectId: string | null } {
  let enterpriseId = entry.enterpriseId ?? null;
  let projectId = entry.projectId ?? null;
  for (const userId of [entry.actorUserId, entry.targetUserId]) {
    if (!userId || (enterpriseId && projectId)) continue;
    const user = db
      .select({ enterpriseId: users.enterpriseId, projectId: users.projectId })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    enterpriseId ??= user?.enterpriseId ?? null;
    projectId ??= user?.projectId ?? null;
  }
  return { enterpriseId, projectId };
}
