import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { enterprises, projects } from '../db/schema/index.js';
import type { Role } from '../db/schema/index.js';
import type { SessionUser } from './sessions.js';

/** The signed-in user as the API returns it (never a hash, never a whole 身份证号). */
export interface PublicUser {
  id: string;
  role: Role;
  login: string;
  displayName: string;
  enterprise: { id: string; name: string; creditCode: string } | null;
  project: { id: string; name: string; filingNumber: string } | null;
  regionCode: string | null;
}

export function toPublicUser(db: Db, user: SessionUser): PublicUser {
  const enterprise = user.enterpriseId
    ? db
        .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
        .from(enterprises)
        .where(eq(enterprises.id, user.enterpriseId))
        .get()
    : undefined;
  const project = user.projectId
    ? db
        .select({ id: projects.id, name: projects.name, filingNumber: projects.filingNumber })
        .from(projects)
        .where(eq(projects.id, user.projectId))
        .get()
    : undefined;
  return {
    id: user.id,
    role: user.role,
    login: user.login,
    displayName: user.displayName,
    enterprise: enterprise ?? null,
    project: project ?? null,
    regionCode: user.regionCode,
  };
}
