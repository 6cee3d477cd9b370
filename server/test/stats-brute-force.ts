/**
 * Statistics computed the slow, obvious way from every materialized row in memory, to check the server's figures
 * (pre-aggregated or not) against.
 */
import type { TestServer } from './test-server.js';
import { alerts, inspectionFindings, inspections, projects, rectifications } from '../src/db/schema/index.js';

export interface BruteScope {
  enterpriseId?: string;
  regionPrefix?: string;
}

export function bruteForce(server: TestServer, scope: BruteScope, fromMonth: string, toMonth: string) {
  const { db } = server.deps.database;
  const inScope = db
    .select()
    .from(projects)
    .all()
    .filter((p) =>
      scope.enterpriseId
        ? p.enterpriseId === scope.enterpriseId
        : (p.regionCode ?? '').startsWith(scope.regionPrefix!),
    );
  const ids = new Set(inScope.map((p) => p.id));
  const sealed = db
    .select()
    .from(inspections)
    .all()
    .filter((i) => ids.has(i.projectId) && i.status === 'completed' && i.deletedAt === null);
  const inPeriod = sealed.filter((i) => i.date.slice(0, 7) >= fromMonth && i.date.slice(0, 7) <= toMonth);
  const periodIds = new Set(inPeriod.map((i) => i.id));
  const findings = db
    .select()
    .from(inspectionFindings)
    .all()
    .filter((f) => periodIds.has(f.inspectionId));
  const trend = new Map<string, Record<string, number>>();
  for (const i of inPeriod) {
    const m = trend.get(i.date.slice(0, 7)) ?? { enterprise: 0, self: 0, monthly: 0, spot: 0 };
    m[i.origin]!++;
    trend.set(i.date.slice(0, 7), m);
  }
  const scored = inPeriod.filter((i) => i.method === 'jgj59' && i.total !== null);
  const bandOf = (t: number) => (t < 60 ? 0 : t < 70 ? 1 : t < 80 ? 2 : t < 90 ? 3 : 4);
  const bands = [0, 0, 0, 0, 0];
  for (const i of scored) bands[bandOf(Number(i.total))]!++;
  const grades = { 优良: 0, 合格: 0, 不合格: 0 } as Record<string, number>;
  for (const i of scored) if (i.grade) grades[i.grade] = (grades[i.grade] ?? 0) + 1;
  const deductions = new Map<string, { count: number; centi: number }>();
  for (const f of findings.filter((f) => f.kind === 'deduction')) {
    const key = `${f.tableId ?? ''}|${f.itemId ?? ''}`;
    const entry = deductions.get(key) ?? { count: 0, centi: 0 };
    entry.count++;
    entry.centi += Math.round(Number(f.points ?? 0) * 100);
    deductions.set(key, entry);
  }
  const statusCounts = { in_construction: 0, completed: 0, terminated: 0 } as Record<string, number>;
  for (const p of inScope) statusCounts[p.status]!++;
  const inConstruction = inScope.filter((p) => p.status === 'in_construction');
  const evaluated = new Map<string, Set<string>>();
  for (const i of inPeriod.filter((i) => i.origin === 'monthly')) {
    const set = evaluated.get(i.date.slice(0, 7)) ?? new Set();
    set.add(i.projectId);
    evaluated.set(i.date.slice(0, 7), set);
  }
  const monthlyDone = (month: string) => inConstruction.filter((p) => evaluated.get(month)?.has(p.id)).length;
  const year = server.clock.now.toISOString().slice(0, 4);
  const enterpriseThisYear = new Map<string, number>();
  for (const i of sealed.filter((i) => i.origin === 'enterprise' && i.date.startsWith(year))) {
    enterpriseThisYear.set(i.projectId, (enterpriseThisYear.get(i.projectId) ?? 0) + 1);
  }
  const from = Date.parse(`${fromMonth}-01T00:00:00+08:00`);
  const [ty, tm] = toMonth.split('-').map(Number) as [number, number];
  const to = Date.parse(
    `${tm === 12 ? ty + 1 : ty}-${String(tm === 12 ? 1 : tm + 1).padStart(2, '0')}-01T00:00:00+08:00`,
  );
  const opened = db
    .select()
    .from(rectifications)
    .all()
    .filter((r) => ids.has(r.projectId) && r.openedAt.getTime() >= from && r.openedAt.getTime() < to);
  const alertRows = db
    .select()
    .from(alerts)
    .all()
    .filter((a) => ids.has(a.projectId) && a.createdAt.getTime() >= from && a.createdAt.getTime() < to);
  return {
    projects: inScope,
    inPeriod,
    trend,
    bands,
    scoredCount: scored.length,
    grades,
    deductions,
    statusCounts,
    inConstruction,
    monthlyDone,
    enterpriseThisYear,
    rectifications: opened,
    alerts: alertRows,
  };
}
