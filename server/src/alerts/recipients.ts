import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { regions, users } from '../db/schema/index.js';
import type { AlertDraft } from './rules/types.js';

interface ProjectScope {
  readonly id: string;
  readonly enterpriseId: string | null;
  readonly regionCode: string | null;
}

/**
 * Who an alert goes to. The enterprise account always (its director acts on every rule). The project department
 * for what it must do itself (R1 termination, R4 月评, R5 整改, R6 资料). The region's supervisors (the project's
 * region and the regions above it) once R1 has escalated, since the automatic 不合格 is theirs to follow up.
 * Inspectors get none: they act on inspections, not on the project's obligations.
 */
export async function alertRecipients(db: Db, project: ProjectScope, draft: AlertDraft): Promise<string[]> {
  const ids: string[] = [];
  const active = isNull(users.disabledAt);
  if (project.enterpriseId) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'enterprise'), eq(users.enterpriseId, project.enterpriseId), active));
    ids.push(...rows.map((r) => r.id));
  }
  if (['R1', 'R4', 'R5', 'R6'].includes(draft.rule)) {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'project'), eq(users.projectId, project.id), active));
    ids.push(...rows.map((r) => r.id));
  }
  if (draft.rule === 'R1' && draft.level === 'critical' && project.regionCode) {
    const chain = await regionChain(db, project.regionCode);
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'supervisor'), inArray(users.regionCode, chain), active));
    ids.push(...rows.map((r) => r.id));
  }
  return [...new Set(ids)];
}

async function regionChain(db: Db, code: string): Promise<string[]> {
  const chain = [code];
  let current: string | null = code;
  while (current && chain.length < 6) {
    const [row] = await db
      .select({ parent: regions.parentCode })
      .from(regions)
      .where(eq(regions.code, current));
    current = row?.parent ?? null;
    if (current) chain.push(current);
  }
  return chain;
}
