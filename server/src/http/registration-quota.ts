import type { MiddlewareHandler } from 'hono';
import { and, count, eq, gt } from 'drizzle-orm';
import type { AppDeps, AppEnv } from '../deps.js';
import { documents } from '../db/schema/index.js';
import { AppError } from './errors.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * `POST /api/documents`: at most `DOCUMENT_REGISTRATIONS_PER_HOUR` new documents per user in a rolling hour
 * (issue 12 item 9). Registering a document that already exists (the outbox retrying) is never refused here: the
 * route answers it idempotently.
 */
export function limitDocumentRegistrations(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (c.req.method !== 'POST' || !session) return next();
    const limit = deps.config.limits.documentRegistrationsPerHour;
    if ((await registrationsInLastHour(deps, session.user.id)) < limit) return next();
    const body: unknown = await c.req.json().catch(() => null);
    const name = typeof body === 'object' && body && 'name' in body ? body.name : null;
    if (typeof name === 'string' && (await documentExists(deps, name))) return next();
    throw new AppError(429, 'registration_quota_exceeded', `每小时最多新建 ${limit} 份文档，请稍后再试`, {
      retryAfter: 3600,
    });
  };
}

async function registrationsInLastHour(deps: AppDeps, userId: string): Promise<number> {
  const since = new Date(deps.now().getTime() - HOUR_MS);
  const [row] = await deps.database.db
    .select({ n: count() })
    .from(documents)
    .where(and(eq(documents.creatorUserId, userId), gt(documents.createdAt, since)));
  return row?.n ?? 0;
}

async function documentExists(deps: AppDeps, name: string): Promise<boolean> {
  const rows = await deps.database.db
    .select({ name: documents.name })
    .from(documents)
    .where(eq(documents.name, name));
  return rows.length > 0;
}
