import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';

/** Security events kept in the audit log (issue 2): who, when, from where. */
export type AuditEvent =
  | 'enterprise.registered'
  | 'login.succeeded'
  | 'login.failed'
  | 'login.locked'
  | 'logout'
  | 'password.changed'
  | 'password.reset_requested'
  | 'password.reset_failed'
  | 'password.reset'
  | 'member.created'
  | 'member.disabled'
  | 'member.enabled'
  | 'member.password_reset'
  | 'member.password_issued'
  | 'projects.registered'
  | 'projects.completed'
  | 'rectification.ordered'
  // rectify (issue 9): soft deletions of internal-standard inspection records and files.
  | 'inspection.deleted'
  | 'inspection.file_deleted';

export interface AuditEntry {
  event: AuditEvent;
  at: Date;
  ip: string;
  actorUserId?: string | null;
  actorLogin?: string | null;
  targetUserId?: string | null;
  detail?: Record<string, unknown>;
}

export function audit(db: Db, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      event: entry.event,
      at: entry.at,
      ip: entry.ip,
      actorUserId: entry.actorUserId ?? null,
      actorLogin: entry.actorLogin ?? null,
      targetUserId: entry.targetUserId ?? null,
      detail: entry.detail ?? null,
    })
    .run();
}
