import type { Context } from 'hono';
import type { AppEnv } from '../deps.js';
import type { Role } from '../db/schema/index.js';
import type { ValidSession } from '../auth/sessions.js';
import { forbidden } from './errors.js';
import { requireSession } from './session.js';

/** The signed-in session when its role is one of `roles`; 401 when signed out, 403 otherwise. */
export function requireRole(c: Context<AppEnv>, ...roles: Role[]): ValidSession {
  const session = requireSession(c);
  if (!roles.includes(session.user.role)) throw forbidden();
  return session;
}
