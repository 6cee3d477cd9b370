import { eq } from 'drizzle-orm';
import type { AppDeps } from '../deps.js';
import { enterprises, projects, regions, users } from '../db/schema/index.js';
import { registerEnterprise } from '../auth/service.js';
import { hashSecret } from '../auth/passwords.js';
import { createInspector, createProjectAccount } from '../members/service.js';
import {
  DEMO_CONSTRUCTOR_NAMES,
  DEMO_ENTERPRISES,
  DEMO_INSPECTORS,
  DEMO_PASSWORD,
  DEMO_PROJECT_ACCOUNTS,
  DEMO_PROJECTS,
  DEMO_REGIONS,
  DEMO_SUPERVISORS,
} from './demo-data.js';

const DEMO_META = { ip: 'demo-loader' };

/** True when no account exists yet: the start command loads the demo only into an empty database. */
export function isDatabaseEmpty(deps: AppDeps): boolean {
  return deps.database.db.select({ id: users.id }).from(users).limit(1).get() === undefined;
}

/**
 * Loads the demo province through the same services the API uses (so registration links projects and every
 * password is hashed as usual). Refuses to run twice on one database rather than half-duplicate it.
 */
export async function loadDemo(deps: AppDeps): Promise<{ enterprises: number; projects: number; users: number }> {
  const { db } = deps.database;
  if (!isDatabaseEmpty(deps)) throw new Error('the database already has accounts; the demo loads only into an empty one');
  db.insert(regions).values([...DEMO_REGIONS]).onConflictDoNothing().run();
  db.insert(projects)
    .values(
      DEMO_PROJECTS.map((p) => ({
        id: crypto.randomUUID(),
        ...p,
        constructorName: DEMO_CONSTRUCTOR_NAMES.get(p.constructorCreditCode) ?? '',
      })),
    )
    .run();
  for (const enterprise of DEMO_ENTERPRISES) {
    await registerEnterprise(deps, { ...enterprise, password: DEMO_PASSWORD }, DEMO_META);
  }
  for (const inspector of DEMO_INSPECTORS) {
    const actor = actorFor(deps, inspector.enterpriseCreditCode);
    await createInspector(deps, actor, { name: inspector.name, phone: inspector.phone, password: DEMO_PASSWORD });
  }
  for (const account of DEMO_PROJECT_ACCOUNTS) {
    const actor = actorFor(deps, account.enterpriseCreditCode);
    await createProjectAccount(deps, actor, { filingNumber: account.filingNumber, password: DEMO_PASSWORD });
  }
  await createSupervisors(deps);
  return {
    enterprises: DEMO_ENTERPRISES.length,
    projects: DEMO_PROJECTS.length,
    users: db.select({ id: users.id }).from(users).all().length,
  };
}

function actorFor(deps: AppDeps, creditCode: string) {
  const row = deps.database.db
    .select({ enterpriseId: enterprises.id, userId: users.id })
    .from(enterprises)
    .innerJoin(users, eq(users.login, enterprises.creditCode))
    .where(eq(enterprises.creditCode, creditCode))
    .get();
  if (!row) throw new Error(`demo enterprise ${creditCode} was not registered`);
  return { ...row, ip: DEMO_META.ip };
}

async function createSupervisors(deps: AppDeps) {
  const now = deps.now();
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  deps.database.db
    .insert(users)
    .values(
      DEMO_SUPERVISORS.map((s) => ({
        id: crypto.randomUUID(),
        role: 'supervisor' as const,
        login: s.username,
        passwordHash,
        displayName: s.displayName,
        regionCode: s.regionCode,
        createdAt: now,
        passwordChangedAt: now,
      })),
    )
    .run();
}
