import { randomUUID } from 'node:crypto';
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { projectEvaluations } from '../../db/schema/index.js';
import type { AutomaticFailure } from '../rules/types.js';
import type { PassScope } from './facts.js';

interface Decision {
  readonly id: string;
  readonly source: string;
  readonly automatic: boolean;
  readonly revokedAt: Date | null;
}

export interface FailurePlan {
  readonly inserts: Array<typeof projectEvaluations.$inferInsert>;
  readonly revokes: string[];
}

export const emptyFailurePlan = (): FailurePlan => ({ inserts: [], revokes: [] });

/**
 * The keyed 安标考评 decisions of the projects in scope, read once per pass, so recording an automatic 不合格 once
 * and revoking an R3 one whose year turned out complete need no query per project.
 */
export class FailureLedger {
  private constructor(private readonly byProject: ReadonlyMap<string, Decision[]>) {}

  static async load(db: Db, scope: PassScope): Promise<FailureLedger> {
    const rows = await db
      .select({
        id: projectEvaluations.id,
        projectId: projectEvaluations.projectId,
        source: projectEvaluations.source,
        automatic: projectEvaluations.automatic,
        revokedAt: projectEvaluations.revokedAt,
      })
      .from(projectEvaluations)
      .where(
        and(
          isNotNull(projectEvaluations.source),
          scope ? inArray(projectEvaluations.projectId, [...scope]) : undefined,
        ),
      );
    const byProject = new Map<string, Decision[]>();
    for (const { projectId, source, ...rest } of rows) {
      const list = byProject.get(projectId) ?? [];
      list.push({ ...rest, source: source! });
      byProject.set(projectId, list);
    }
    return new FailureLedger(byProject);
  }

  /**
   * Plans the project's automatic failures: each recorded once (its source keys it); R1's stands once earned (a
   * late termination does not undo it), while R3's for the year just judged is revoked when it no longer holds
   * (inspections of that year recorded late).
   */
  plan(out: FailurePlan, projectId: string, failures: readonly AutomaticFailure[], today: string, now: Date) {
    const decisions = this.byProject.get(projectId) ?? [];
    const known = new Set(decisions.map((d) => d.source));
    for (const failure of failures) {
      if (known.has(failure.source)) continue;
      known.add(failure.source);
      out.inserts.push({
        id: randomUUID(),
        projectId,
        grade: '不合格',
        reason: failure.reason,
        automatic: true,
        source: failure.source,
        decidedAt: now,
      });
    }
    const judged = `R3|${Number(today.slice(0, 4)) - 1}`;
    if (failures.some((f) => f.source === judged)) return;
    for (const d of decisions) {
      if (d.automatic && d.revokedAt === null && d.source === judged) out.revokes.push(d.id);
    }
  }
}
