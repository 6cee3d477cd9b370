/** The audit writer moved to `audit/log.ts`; auth and members keep importing it from here. */
export { audit, type AuditEntry } from '../audit/log.js';
export type { AuditEvent } from '../audit/events.js';
