import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../auth/audit.js';
import { hashSecret } from '../auth/passwords.js';
import { enterprises, projectAccountIssues, projects, regions, users } from '../db/schema/index.js';
import { AppError } from '../http/errors.js';
import { regionCovers } from '../projects/regions.js';
import type { ProjectRow } from '../projects/views.js';
import { headerOf, type FieldError, type ProjectInput } from './input.js';

/** A problem with one project of a batch: its index in the batch, the field and a zh-CN reason. */
export interface BatchError extends FieldError {
  index: number;
}

/** Thrown when any project of a batch is invalid; nothing was written. */
export class BatchInvalid extends Error {
  constructor(readonly errors: BatchError[]) {
    super(`${errors.length} invalid project(s)`);
  }
}

/**
 * Registers projects (监督备案) for a supervisor, all or none: each within the supervisor's region, its 监督备案号
 * new (to projects and to logins, since it becomes the project department's login) and unique in the batch.
 * Each project links to the enterprise with the constructor's credit code if it has registered, and gets its
 * project-department account (login = 监督备案号) whose first password the enterprise issues later.
 */
export async function registerProjects(
  deps: AppDeps,
  supervisor: SessionUser,
  inputs: readonly ProjectInput[],
  meta: { ip: string },
) {
  const { db } = deps.database;
  await checkProjects(deps, supervisor, inputs);
  // Nobody knows this secret: the account cannot sign in until the enterprise issues a password.
  const lockedHash = await hashSecret(randomBytes(32).toString('hex'));
  const now = deps.now();
  const credits = [...new Set(inputs.map((i) => i.constructorCreditCode))];
  const enterpriseRows = await db
    .select({ id: enterprises.id, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(inArray(enterprises.creditCode, credits));
  const enterpriseOf = new Map(enterpriseRows.map((e) => [e.creditCode, e.id]));
  const rows = inputs.map((input) => ({
    id: crypto.randomUUID(),
    ...input,
    status: 'in_construction' as const,
    enterpriseId: enterpriseOf.get(input.constructorCreditCode) ?? null,
    registeredAt: now,
    registeredByUserId: supervisor.id,
  }));
  const accounts = rows.map((p) => ({
    id: crypto.randomUUID(),
    role: 'project' as const,
    login: p.filingNumber,
    passwordHash: lockedHash,
    displayName: `${p.name}项目部`,
    enterpriseId: p.enterpriseId,
    projectId: p.id,
    createdAt: now,
    passwordChangedAt: now,
  }));
  db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      tx.insert(projects)
        .values(rows.slice(i, i + 500))
        .run();
      tx.insert(users)
        .values(accounts.slice(i, i + 500))
        .run();
      tx.insert(projectAccountIssues)
        .values(accounts.slice(i, i + 500).map((a) => ({ userId: a.id })))
        .run();
    }
  });
  audit(db, {
    event: 'projects.registered',
    at: now,
    ip: meta.ip,
    actorUserId: supervisor.id,
    detail: { count: rows.length, filingNumbers: rows.slice(0, 20).map((r) => r.filingNumber) },
  });
  deps.projectsChanged?.(rows.map((r) => r.id));
  return rows as ProjectRow[];
}

/** Throws {@link BatchInvalid} unless every project may be registered by this supervisor; writes nothing. */
export async function checkProjects(deps: AppDeps, supervisor: SessionUser, inputs: readonly ProjectInput[]) {
  const errors = await batchErrors(deps, supervisor, inputs);
  if (errors.length > 0) throw new BatchInvalid(errors);
}

async function batchErrors(deps: AppDeps, supervisor: SessionUser, inputs: readonly ProjectInput[]) {
  const { db } = deps.database;
  const errors: BatchError[] = [];
  const regionCodes = new Set((await db.select({ code: regions.code }).from(regions)).map((r) => r.code));
  const filings = inputs.map((i) => i.filingNumber);
  const taken = new Set<string>();
  for (let i = 0; i < filings.length; i += 500) {
    const chunk = filings.slice(i, i + 500);
    const [p, u] = await Promise.all([
      db.select({ f: projects.filingNumber }).from(projects).where(inArray(projects.filingNumber, chunk)),
      db.select({ f: users.login }).from(users).where(inArray(users.login, chunk)),
    ]);
    for (const row of [...p, ...u]) taken.add(row.f);
  }
  const seen = new Map<string, number>();
  inputs.forEach((input, index) => {
    const fail = (field: FieldError['field'], message: string) => errors.push({ index, field, message });
    if (!regionCodes.has(input.regionCode)) fail('regionCode', '未知的行政区划代码');
    else if (!regionCovers(supervisor.regionCode, input.regionCode)) {
      fail('regionCode', '该区县不在本站监督范围内');
    }
    if (taken.has(input.filingNumber)) fail('filingNumber', '该监督备案号已登记');
    const first = seen.get(input.filingNumber);
    if (first !== undefined) fail('filingNumber', `与第${first + 1}条重复的${headerOf('filingNumber')}`);
    else seen.set(input.filingNumber, index);
  });
  return errors;
}

/** A single registration's first error as the API's 400/409/403. */
export function batchErrorToAppError(error: BatchError): AppError {
  if (error.message === '该监督备案号已登记') {
    return new AppError(409, 'filing_number_taken', error.message, { field: error.field });
  }
  if (error.message === '该区县不在本站监督范围内') {
    return new AppError(403, 'region_forbidden', error.message, { field: error.field });
  }
  return new AppError(400, `invalid_${error.field}`, error.message, { field: error.field });
}
