import type { ServerDeps } from '../deps.js';
import { MIN_AUDIT_RETENTION_DAYS } from '../config.js';
import { audit } from '../audit/log.js';
import { deleteAuditRowsBefore } from '../audit/queries.js';
import { sweepThrottleRows } from '../auth/lockout.js';
import { sweepIdleSessions } from '../auth/sessions.js';
import { sweepUnreferencedBlobs } from '../blobs/expiry.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface MaintenanceReport {
  idleSessions: number;
  throttleRows: number;
  expiredBlobs: number;
  auditRows: number;
}

/**
 * One pass of the periodic sweeps (issue 12): idle and expired sessions, stale login-throttle rows, unreferenced
 * blobs past their grace period, and audit rows past retention — never younger than six months, whatever the
 * configuration says.
 */
export async function runMaintenance(deps: ServerDeps): Promise<MaintenanceReport> {
  const { db } = deps.database;
  const now = deps.now();
  const idleUsers = await sweepIdleSessions(db, now, deps.config.limits.sessionIdleMs);
  for (const userId of idleUsers) {
    audit(db, { event: 'session.idle_timeout', at: now, ip: null, actorUserId: userId });
  }
  const throttleRows = await sweepThrottleRows(db, now);
  const expiredBlobs = await sweepUnreferencedBlobs(deps);
  const retentionMs = Math.max(deps.config.limits.auditRetentionMs, MIN_AUDIT_RETENTION_DAYS * DAY_MS);
  const auditRows = await deleteAuditRowsBefore(db, new Date(now.getTime() - retentionMs));
  return { idleSessions: idleUsers.length, throttleRows, expiredBlobs: expiredBlobs.length, auditRows };
}

/** Runs {@link runMaintenance} every `MAINTENANCE_INTERVAL_MINUTES`; `stop` waits for a pass in progress. */
export function startMaintenance(deps: ServerDeps, log: (line: string) => void = console.log) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = runMaintenance(deps).then(
      (report) => {
        if (report.expiredBlobs || report.auditRows) log(`[maintenance] ${JSON.stringify(report)}`);
      },
      (error: unknown) => log(`[maintenance] failed: ${String(error)}`),
    );
  }, deps.config.limits.maintenanceIntervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
