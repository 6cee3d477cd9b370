import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { evaluateAllAlerts, evaluateProjectAlerts, type PassReport } from '../src/alerts/index.js';
import { referenceFullPass } from '../src/alerts/reference-pass.js';
import {
  alertRecipients,
  alerts,
  dangerousWorks,
  dangerousWorkSteps,
  inspectionPlans,
  projectEvaluations,
  rectifications,
  users,
} from '../src/db/schema/index.js';
import { alertWorld, shanghai, type AlertWorld } from './alert-fixtures.js';
import { addInspection } from './support/alert-inspections.js';

const worlds: AlertWorld[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.dispose();
});

/** A province in small where every rule fires: R1 counting down and escalated, R2, R3 (pace, plan, year), R4–R6. */
async function province(start: Date): Promise<AlertWorld> {
  const w = await alertWorld(start);
  worlds.push(w);
  const { db } = w.deps.database;
  await w.addProject({
    id: 'p-a',
    filingNumber: 'F-A',
    status: 'completed',
    completionFilingDate: '2026-11-01',
  });
  await w.addProject({
    id: 'p-b',
    filingNumber: 'F-B',
    status: 'completed',
    completionFilingDate: '2026-10-01',
  });
  await w.addProject({
    id: 'p-c',
    filingNumber: 'F-C',
    startDate: '2025-03-01',
    expectedCompletionDate: '2026-06-30',
    registeredAt: shanghai('2025-01-01'),
  });
  await w.addProject({ id: 'p-main', filingNumber: 'F-MAIN', startDate: '2026-01-01' });
  await w.addProject({
    id: 'p-e',
    filingNumber: 'F-E',
    status: 'terminated',
    completionFilingDate: '2026-05-01',
  });
  await addInspection(w, { id: 'i-main-1', projectId: 'p-main', origin: 'enterprise', date: '2026-02-10' });
  await addInspection(w, { id: 'i-main-m', projectId: 'p-main', origin: 'monthly', date: '2026-10-20' });
  await db.insert(rectifications).values({
    inspectionId: 'i-main-1',
    docName: 'rectification:i-main-1',
    projectId: 'p-main',
    origin: 'enterprise',
    state: 'pending',
    deadline: '2026-11-10',
    requirement: '整改',
    rectifierName: '张三',
    rounds: 0,
    openedAt: start,
    materializedAt: start,
  });
  await db.insert(inspectionPlans).values({
    id: 'plan-main',
    projectId: 'p-main',
    inspectorName: '安全部',
    frequency: 'quarterly',
    startDate: '2026-01-01',
    createdByUserId: w.ids.director,
    createdAt: start,
  });
  await db.insert(dangerousWorks).values([
    { projectId: 'p-main', workId: 'w-pit', name: '深基坑', category: 'foundation_pit', createdAt: '' },
    { projectId: 'p-main', workId: 'w-form', name: '高大模板', category: 'formwork', createdAt: '' },
  ]);
  await db.insert(dangerousWorkSteps).values(
    (['plan', 'implementation'] as const).map((step) => ({
      projectId: 'p-main',
      workId: 'w-pit',
      step,
      date: '2026-11-01',
      note: '',
      conclusion: null,
      files: '[]',
    })),
  );
  return w;
}

/** Everything a pass leaves, with ids that differ between worlds (alert ids, user ids) replaced by keys and logins. */
async function stored(w: AlertWorld) {
  const { db } = w.deps.database;
  const rows = await db.select().from(alerts);
  const logins = new Map((await db.select().from(users)).map((u) => [u.id, u.login]));
  const keyOf = new Map(rows.map((r) => [r.id, r.key]));
  return {
    alerts: rows
      .map(({ id: _id, createdAt, updatedAt, resolvedAt, enterpriseId: _e, ...r }) => ({
        ...r,
        times: [createdAt, updatedAt, resolvedAt].map((t) => t?.toISOString() ?? null),
      }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    recipients: (await db.select().from(alertRecipients))
      .map((r) => `${keyOf.get(r.alertId)}|${logins.get(r.userId)}|${r.readAt?.toISOString() ?? 'unread'}`)
      .sort(),
    evaluations: (await db.select().from(projectEvaluations))
      .map((e) => `${e.projectId}|${e.source}|${e.grade}|${e.reason}|${e.revokedAt?.toISOString() ?? '-'}`)
      .sort(),
  };
}

type Step = (w: AlertWorld) => Promise<void>;
const at =
  (date: string, time = '10:00:00'): Step =>
  async (w) => {
    w.clock.now = shanghai(date, time);
  };

describe('the batched alert pass', () => {
  it('leaves the same alerts, recipients, read marks and automatic failures as the former per-project pass, day after day', async () => {
    const start = shanghai('2026-11-20', '10:00:00');
    const batched = await province(start);
    const reference = await province(start);
    const days: Step[][] = [
      [],
      [at('2026-11-26')],
      [
        at('2026-12-02'),
        async (w) => {
          const { db } = w.deps.database;
          await db
            .update(rectifications)
            .set({ state: 'replied' })
            .where(eq(rectifications.inspectionId, 'i-main-1'));
          await addInspection(w, { id: 'i-c-m', projectId: 'p-c', origin: 'monthly', date: '2026-11-05' });
          const [alert] = await db
            .select()
            .from(alerts)
            .where(eq(alerts.key, 'R2|p-c|overdue-completion|2026-06-30'));
          await db
            .update(alertRecipients)
            .set({ readAt: w.clock.now })
            .where(eq(alertRecipients.alertId, alert!.id));
          // Accounts that joined since: they must see the standing alerts too.
          const joined = (login: string, extra: Partial<typeof users.$inferInsert>) => ({
            id: crypto.randomUUID(),
            login,
            passwordHash: 'x',
            displayName: login,
            createdAt: w.clock.now,
            passwordChangedAt: w.clock.now,
            role: 'project' as const,
            ...extra,
          });
          await db
            .insert(users)
            .values([
              joined('F-MAIN-2', { projectId: 'p-main' }),
              joined('second-director', { role: 'enterprise', enterpriseId: w.ids.enterprise }),
            ]);
        },
      ],
      [
        async (w) => {
          const { db } = w.deps.database;
          await db
            .update(rectifications)
            .set({ state: 'returned' })
            .where(eq(rectifications.inspectionId, 'i-main-1'));
        },
      ],
      [at('2027-01-01', '00:00:01')],
      [
        async (w) => {
          for (const d of ['2026-05-01', '2026-08-01', '2026-11-01']) {
            await addInspection(w, { id: `i-main-${d}`, projectId: 'p-main', origin: 'enterprise', date: d });
          }
        },
      ],
    ];
    const rulesSeen = new Set<string>();
    for (const steps of days) {
      for (const world of [batched, reference]) for (const step of steps) await step(world);
      const a: PassReport = await evaluateAllAlerts(batched.deps);
      const b: PassReport = await referenceFullPass(reference.deps);
      expect(a).toEqual(b);
      const state = await stored(batched);
      expect(state).toEqual(await stored(reference));
      for (const alert of state.alerts) rulesSeen.add(`${alert.rule}:${alert.level}`);
    }
    expect([...rulesSeen].sort()).toEqual([
      'R1:critical',
      'R1:warning',
      'R2:warning',
      'R3:critical',
      'R3:warning',
      'R4:warning',
      'R5:warning',
      'R6:critical',
      'R6:warning',
    ]);
    const evaluations = (await stored(batched)).evaluations;
    expect(evaluations.some((e) => e.startsWith('p-b|R1|'))).toBe(true);
    expect(evaluations.some((e) => e.startsWith('p-main|R3|2026') && !e.endsWith('|-'))).toBe(true);
    expect(await evaluateAllAlerts(batched.deps)).toEqual({
      created: 0,
      updated: 0,
      resolved: 0,
      failures: 0,
    });
  });

  it('re-evaluates one project through the same pass without touching the others', async () => {
    const world = await province(shanghai('2026-11-20', '10:00:00'));
    const report = await evaluateProjectAlerts(world.deps, 'p-b');
    expect(report).toMatchObject({ created: 1, failures: 1 });
    const projects = new Set((await world.deps.database.db.select().from(alerts)).map((a) => a.projectId));
    expect([...projects]).toEqual(['p-b']);
  });
});
