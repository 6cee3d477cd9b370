import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { alerts, enterprises, projects, rectifications } from '../../db/schema/index.js';
import { loadProjectFacts } from '../facts.js';
import { requiredInYear } from '../rules/r3-inspection-pace.js';
import { addDays, type WeeklySummaryFacts } from './summary.js';

/** Asia/Shanghai midnight starting `date`, as an instant. */
const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * Gathers one enterprise's figures for the week `weekStart`…`weekStart + 6` as seen on `today` (the Monday after):
 * async drizzle queries, a handful per project, which is fine once a week.
 */
export async function loadWeeklyFacts(
  db: Db,
  enterpriseId: string,
  weekStart: string,
  today: string,
): Promise<WeeklySummaryFacts | null> {
  const [enterprise] = await db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  if (!enterprise) return null;
  const weekEnd = addDays(weekStart, 6);
  const from = shanghaiMidnight(weekStart);
  const to = shanghaiMidnight(addDays(weekStart, 7));
  const own = await db.select().from(projects).where(eq(projects.enterpriseId, enterpriseId));
  const ids = own.map((p) => p.id);
  const rows = ids.length === 0 ? [] : await db.select().from(alerts).where(inArray(alerts.projectId, ids));
  const openAlerts = rows.filter((a) => a.state === 'open');
  const openByRule: Record<string, number> = {};
  for (const a of openAlerts) openByRule[a.rule] = (openByRule[a.rule] ?? 0) + 1;
  const within = (at: Date | null) => at !== null && at >= from && at < to;
  return {
    enterpriseName: enterprise.name,
    weekStart,
    weekEnd,
    alerts: {
      openByRule,
      criticalOpen: openAlerts.filter((a) => a.level === 'critical').length,
      raised: rows.filter((a) => within(a.createdAt)).length,
      resolved: rows.filter((a) => a.state === 'resolved' && within(a.resolvedAt)).length,
    },
    pace: await loadPace(
      db,
      own,
      new Set(openAlerts.filter((a) => a.rule === 'R3').map((a) => a.projectId)),
      {
        weekStart,
        weekEnd,
        today,
      },
    ),
    rectifications: await loadRectifications(db, ids, today, from, to),
  };
}

async function loadPace(
  db: Db,
  own: ReadonlyArray<typeof projects.$inferSelect>,
  behindIds: ReadonlySet<string>,
  days: { weekStart: string; weekEnd: string; today: string },
): Promise<WeeklySummaryFacts['pace']> {
  const year = Number(days.today.slice(0, 4));
  const pace = {
    year,
    projects: 0,
    done: 0,
    required: 0,
    thisWeek: 0,
    behind: [] as Array<{ name: string; done: number; required: number }>,
  };
  for (const project of own.filter((p) => p.status === 'in_construction')) {
    const facts = await loadProjectFacts(db, project.id, days.today);
    if (!facts) continue;
    const dates = facts.enterpriseInspectionDates;
    const done = dates.filter((d) => d.startsWith(`${year}-`)).length;
    const required = requiredInYear(facts, year);
    pace.projects++;
    pace.done += done;
    pace.required += required;
    pace.thisWeek += dates.filter((d) => d >= days.weekStart && d <= days.weekEnd).length;
    if (behindIds.has(project.id)) pace.behind.push({ name: project.name, done, required });
  }
  return pace;
}

async function loadRectifications(
  db: Db,
  projectIds: readonly string[],
  today: string,
  from: Date,
  to: Date,
) {
  if (projectIds.length === 0) return { open: 0, overdue: 0, closed: 0 };
  const rows = await db
    .select({
      state: rectifications.state,
      deadline: rectifications.deadline,
      closedAt: rectifications.closedAt,
    })
    .from(rectifications)
    .where(inArray(rectifications.projectId, [...projectIds]));
  const waiting = rows.filter((r) => r.state === 'pending' || r.state === 'returned');
  return {
    open: rows.filter((r) => r.state !== 'passed').length,
    overdue: waiting.filter((r) => r.deadline < today).length,
    closed: (
      await db
        .select({ id: rectifications.inspectionId })
        .from(rectifications)
        .where(
          and(
            inArray(rectifications.projectId, [...projectIds]),
            eq(rectifications.state, 'passed'),
            gte(rectifications.closedAt, from),
            lt(rectifications.closedAt, to),
          ),
        )
    ).length,
  };
}
