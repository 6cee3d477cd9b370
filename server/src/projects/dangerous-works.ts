import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import {
  dangerousWorkGaps,
  reachesThreshold,
  superDangerousCategoryName,
  superDangerousItem,
  type ThresholdStatus,
  type WorkGap,
  type WorkStep,
} from '@anguan/standards';
import type { Db } from '../db/client.js';
import { dangerousWorkSteps, dangerousWorks, projects, WORK_STEP_VALUES } from '../db/schema/index.js';

export interface StepView {
  date: string | null;
  note: string;
  conclusion: string | null;
  files: string[];
  /** 参加人员 / 交底人员 / 验收人员 as written ('' when none). */
  people: string;
}

export interface WorkParameterView {
  value: number;
  unit: string;
}

/** One 超危大 work of the 清单 (shape in /work/notes/projects-api.md). */
export interface DangerousWorkView {
  projectId: string;
  filingNumber: string;
  projectName: string;
  workId: string;
  name: string;
  category: string;
  categoryName: string | null;
  /** 建办质〔2018〕31号 附件2 item, or null when not chosen. */
  item: { id: string; text: string } | null;
  parameters: Record<string, WorkParameterView>;
  /** Whether the parameters reach the item's threshold (`@anguan/standards` reachesThreshold); null without item. */
  scale: ThresholdStatus | null;
  steps: Record<WorkStep, StepView | null>;
  gaps: WorkGap[];
}

export interface WorkFilter {
  category?: string;
  projectId?: string;
  /** `any`: works with at least one gap; `none`: without; a gap code: works with that gap. */
  gap?: string;
}

/**
 * The materialized works of the projects matching `projectScope` (with their steps), gaps computed for `today`,
 * then filtered by gap (gaps depend on the day, so they are not stored). Ordered by project, then creation.
 */
export async function listDangerousWorks(
  db: Db,
  projectScope: SQL,
  filter: WorkFilter,
  today: string,
): Promise<DangerousWorkView[]> {
  const works = await db
    .select({
      projectId: dangerousWorks.projectId,
      workId: dangerousWorks.workId,
      name: dangerousWorks.name,
      category: dangerousWorks.category,
      itemId: dangerousWorks.itemId,
      parameters: dangerousWorks.parameters,
      filingNumber: projects.filingNumber,
      projectName: projects.name,
    })
    .from(dangerousWorks)
    .innerJoin(projects, eq(projects.id, dangerousWorks.projectId))
    .where(
      and(
        projectScope,
        filter.category ? eq(dangerousWorks.category, filter.category) : undefined,
        filter.projectId ? eq(dangerousWorks.projectId, filter.projectId) : undefined,
      ),
    )
    .orderBy(asc(projects.filingNumber), asc(dangerousWorks.createdAt), asc(dangerousWorks.workId));
  const steps = await stepsOf(db, [...new Set(works.map((w) => w.projectId))]);
  const views = works.map(({ itemId, parameters: storedParameters, ...work }) => {
    const byStep = Object.fromEntries(WORK_STEP_VALUES.map((s) => [s, null])) as Record<
      WorkStep,
      StepView | null
    >;
    for (const step of steps.get(`${work.projectId}|${work.workId}`) ?? []) byStep[step.step] = step.view;
    const parameters = JSON.parse(storedParameters) as Record<string, WorkParameterView>;
    const item = itemId === null ? null : superDangerousItem(itemId);
    const values = Object.fromEntries(Object.entries(parameters).map(([k, p]) => [k, p.value]));
    return {
      ...work,
      categoryName: superDangerousCategoryName(work.category),
      item: item && { id: item.id, text: item.text },
      parameters,
      scale: item && reachesThreshold(item, values).status,
      steps: byStep,
      gaps: dangerousWorkGaps(byStep, today),
    };
  });
  return views.filter((view) => matchesGap(view.gaps, filter.gap));
}

function matchesGap(gaps: readonly WorkGap[], gap: string | undefined): boolean {
  if (!gap) return true;
  if (gap === 'any') return gaps.length > 0;
  if (gap === 'none') return gaps.length === 0;
  return gaps.some((g) => g.code === gap);
}

async function stepsOf(db: Db, projectIds: string[]) {
  const byWork = new Map<string, Array<{ step: WorkStep; view: StepView }>>();
  if (projectIds.length === 0) return byWork;
  const rows = await db
    .select()
    .from(dangerousWorkSteps)
    .where(inArray(dangerousWorkSteps.projectId, projectIds));
  for (const row of rows) {
    const key = `${row.projectId}|${row.workId}`;
    const list = byWork.get(key) ?? [];
    const files = JSON.parse(row.files) as string[];
    list.push({
      step: row.step,
      view: { date: row.date, note: row.note, conclusion: row.conclusion, files, people: row.people },
    });
    byWork.set(key, list);
  }
  return byWork;
}
