import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alertRecipients, alerts, regions, users } from '../../db/schema/index.js';
import type { AlertDraft } from '../rules/types.js';
import type { PassScope, ProjectPlace } from './facts.js';

const PROJECT_DEPARTMENT_RULES: ReadonlySet<string> = new Set(['R1', 'R4', 'R5', 'R6']);

/**
 * Who an alert goes to (the same answer as `../recipients.ts` gives per alert), from the accounts read once per
 * pass: the enterprise account always; the project department for R1/R4/R5/R6; the supervisors of the project's
 * region and the regions above it once R1 has escalated.
 */
export class RecipientDirectory {
  private constructor(
    private readonly directors: ReadonlyMap<string, string[]>,
    private readonly departments: ReadonlyMap<string, string[]>,
    private readonly supervisors: ReadonlyMap<string, string[]>,
    private readonly parents: ReadonlyMap<string, string | null>,
  ) {}

  /** Active accounts that may receive the scope's alerts (every account of the role for a full pass). */
  static async load(db: Db, scope: PassScope, places: Iterable<ProjectPlace>): Promise<RecipientDirectory> {
    let who = inArray(users.role, ['enterprise', 'project', 'supervisor']);
    if (scope) {
      const enterpriseIds = [
        ...new Set([...places].flatMap((p) => (p.enterpriseId ? [p.enterpriseId] : []))),
      ];
      who = or(
        and(eq(users.role, 'enterprise'), inArray(users.enterpriseId, enterpriseIds)),
        and(eq(users.role, 'project'), inArray(users.projectId, [...scope])),
        eq(users.role, 'supervisor'),
      )!;
    }
    const rows = await db
      .select({
        id: users.id,
        role: users.role,
        enterpriseId: users.enterpriseId,
        projectId: users.projectId,
        regionCode: users.regionCode,
      })
      .from(users)
      .where(and(who, isNull(users.disabledAt)));
    const directors = new Map<string, string[]>();
    const departments = new Map<string, string[]>();
    const supervisors = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, key: string | null, id: string) => {
      if (key === null) return;
      const list = map.get(key);
      if (list) list.push(id);
      else map.set(key, [id]);
    };
    for (const u of rows) {
      if (u.role === 'enterprise') add(directors, u.enterpriseId, u.id);
      else if (u.role === 'project') add(departments, u.projectId, u.id);
      else add(supervisors, u.regionCode, u.id);
    }
    const regionRows = await db.select({ code: regions.code, parent: regions.parentCode }).from(regions);
    return new RecipientDirectory(
      directors,
      departments,
      supervisors,
      new Map(regionRows.map((r) => [r.code, r.parent])),
    );
  }

  recipients(project: ProjectPlace, draft: AlertDraft): string[] {
    const ids: string[] = [];
    if (project.enterpriseId) ids.push(...(this.directors.get(project.enterpriseId) ?? []));
    if (PROJECT_DEPARTMENT_RULES.has(draft.rule)) ids.push(...(this.departments.get(project.id) ?? []));
    if (draft.rule === 'R1' && draft.level === 'critical' && project.regionCode) {
      for (const code of this.chain(project.regionCode)) ids.push(...(this.supervisors.get(code) ?? []));
    }
    return [...new Set(ids)];
  }

  /** The region and those above it (at most six levels, as the per-alert lookup walks). */
  private chain(code: string): string[] {
    const chain = [code];
    let current: string | null = code;
    while (current && chain.length < 6) {
      current = this.parents.get(current) ?? null;
      if (current) chain.push(current);
    }
    return chain;
  }
}

/** `alertId → userIds` of the open alerts in scope: one read, so a pass adds only the recipients missing. */
export async function openAlertRecipients(db: Db, scope: PassScope): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ alertId: alertRecipients.alertId, userId: alertRecipients.userId })
    .from(alertRecipients)
    .innerJoin(alerts, eq(alerts.id, alertRecipients.alertId))
    .where(and(eq(alerts.state, 'open'), scope ? inArray(alerts.projectId, [...scope]) : undefined));
  const out = new Map<string, Set<string>>();
  for (const { alertId, userId } of rows) {
    const set = out.get(alertId) ?? new Set<string>();
    set.add(userId);
    out.set(alertId, set);
  }
  return out;
}
