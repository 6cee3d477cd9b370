import { eq, inArray } from 'drizzle-orm';
import { shanghaiDate } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import { enterprises, projectAccountIssues, projects, regions, users } from '../db/schema/index.js';
import { registerEnterprise, setPassword } from '../auth/service.js';
import { hashSecret } from '../auth/passwords.js';
import { createInspector } from '../members/service.js';
import { registerProjects } from '../registry/service.js';
import {
  DEMO_ENTERPRISES,
  DEMO_INSPECTORS,
  DEMO_PASSWORD,
  DEMO_PROJECT_ACCOUNTS,
  DEMO_REGIONS,
  DEMO_SUPERVISORS,
} from './demo-data.js';
import { planProjects, type PlannedProject } from './demo-projects.js';
import { storeDemoDocuments } from './store-documents.js';
import { DemoRandom } from './random.js';

const DEMO_META = { ip: 'demo-loader' };
/** The demo's seed: change it and every generated name, date and record changes with it. */
export const DEMO_SEED = 20_261_130;

/** True when no account exists yet: the start command loads the demo only into an empty database. */
export function isDatabaseEmpty(deps: AppDeps): boolean {
  return deps.database.db.select({ id: users.id }).from(users).limit(1).get() === undefined;
}

export interface DemoCounts {
  enterprises: number;
  projects: number;
  users: number;
  documents: number;
}

/**
 * Loads the demo province through the services the API uses (registry, registration, members), then a year of
 * documents written with the model's writers and stored as the sync service stores them. Deterministic for a
 * given today (`deps.now()`); refuses to run twice on one database rather than half-duplicate it.
 */
export async function loadDemo(deps: AppDeps): Promise<DemoCounts> {
  const { db } = deps.database;
  if (!isDatabaseEmpty(deps)) {
    throw new Error('the database already has accounts; the demo loads only into an empty one');
  }
  const today = shanghaiDate(deps.now());
  const random = new DemoRandom(DEMO_SEED);
  db.insert(regions)
    .values([...DEMO_REGIONS])
    .onConflictDoNothing()
    .run();
  await createSupervisors(deps);
  const province = db.select().from(users).where(eq(users.login, 'jiangsu')).get()!;
  const { named, generated } = planProjects(random, today);
  const plan = [...named, ...generated];
  // The named projects exist before their enterprises register (registration links them); the generated ones
  // are registered afterwards (the registry links them) — both directions of linking, as in real use.
  await registerProjects(
    deps,
    province,
    named.map((p) => p.input),
    DEMO_META,
  );
  for (const enterprise of DEMO_ENTERPRISES) {
    await registerEnterprise(deps, { ...enterprise, password: DEMO_PASSWORD }, DEMO_META);
  }
  await registerProjects(
    deps,
    province,
    generated.map((p) => p.input),
    DEMO_META,
  );
  for (const inspector of DEMO_INSPECTORS) {
    const actor = actorFor(deps, inspector.enterpriseCreditCode);
    await createInspector(deps, actor, {
      name: inspector.name,
      phone: inspector.phone,
      password: DEMO_PASSWORD,
    });
  }
  await setDemoDepartmentPasswords(deps);
  await applyLifecycle(deps, plan);
  const documents = await storeDemoDocuments(deps, random, today);
  return {
    enterprises: DEMO_ENTERPRISES.length,
    projects: plan.length,
    users: db.select({ id: users.id }).from(users).all().length,
    documents,
  };
}

/** 竣工备案 and 终止监督 as they happened (dates relative to today). */
async function applyLifecycle(deps: AppDeps, plan: readonly PlannedProject[]) {
  const { db } = deps.database;
  db.transaction((tx) => {
    for (const p of plan) {
      if (!p.completionDate) continue;
      tx.update(projects)
        .set({ status: p.terminated ? 'terminated' : 'completed', completionFilingDate: p.completionDate })
        .where(eq(projects.filingNumber, p.input.filingNumber))
        .run();
    }
  });
}

/** The README's project-department logins get the demo password (as if their enterprise had issued it). */
async function setDemoDepartmentPasswords(deps: AppDeps) {
  const { db } = deps.database;
  const accounts = db
    .select()
    .from(users)
    .where(inArray(users.login, [...DEMO_PROJECT_ACCOUNTS]))
    .all();
  for (const account of accounts) {
    await setPassword(deps, account.id, DEMO_PASSWORD);
    db.update(projectAccountIssues)
      .set({ passwordIssuedAt: deps.now() })
      .where(eq(projectAccountIssues.userId, account.id))
      .run();
  }
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
