import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  evaluateAllAlerts,
  evaluateProjectAlerts,
  onAlertCreated,
  type AlertEvent,
} from '../src/alerts/index.js';
import { listAlerts, markAlertRead, unreadCount } from '../src/alerts/service.js';
import { projectEvaluations, projects, rectifications } from '../src/db/schema/index.js';
import { alertWorld, shanghai, type AlertWorld } from './alert-fixtures.js';
import { addInspection } from './support/alert-inspections.js';

let world: AlertWorld;
afterEach(() => world?.dispose());

const evaluations = (w: AlertWorld, projectId: string) =>
  w.deps.database.db.select().from(projectEvaluations).where(eq(projectEvaluations.projectId, projectId));

describe('R1 through the engine', () => {
  it('counts down to the project department and the director, escalates on day 31 to the region supervisor with an automatic 不合格, and resolves on termination', async () => {
    world = await alertWorld(shanghai('2026-03-01', '09:00:00'));
    const events: AlertEvent[] = [];
    const unsubscribe = onAlertCreated((e) => events.push(e));
    const projectId = await world.addProject({
      id: 'p-main',
      filingNumber: '3201052026001',
      status: 'completed',
      completionFilingDate: '2026-03-01',
    });

    expect(await evaluateProjectAlerts(world.deps, projectId)).toMatchObject({ created: 1, failures: 0 });
    const [first] = await listAlerts(world.deps, world.ids.director);
    expect(first).toMatchObject({
      rule: 'R1',
      projectId,
      state: 'open',
      read: false,
      level: 'warning',
      daysLeft: 30,
      link: '/projects/3201052026001',
    });
    expect(await listAlerts(world.deps, world.ids.projectUser)).toHaveLength(1);
    expect(await listAlerts(world.deps, world.ids.inspector)).toHaveLength(0);
    expect(await listAlerts(world.deps, world.ids.supervisor)).toHaveLength(0);
    expect(await evaluateProjectAlerts(world.deps, projectId)).toEqual({
      created: 0,
      updated: 0,
      resolved: 0,
      failures: 0,
    });
    await markAlertRead(world.deps, world.ids.director, first!.id);

    world.clock.now = shanghai('2026-03-31', '23:59:59');
    await evaluateProjectAlerts(world.deps, projectId);
    expect((await listAlerts(world.deps, world.ids.director))[0]).toMatchObject({
      level: 'warning',
      daysLeft: 0,
      read: true,
    });
    expect(await evaluations(world, projectId)).toEqual([]);

    world.clock.now = shanghai('2026-04-01');
    expect(await evaluateProjectAlerts(world.deps, projectId)).toMatchObject({
      created: 0,
      updated: 1,
      failures: 1,
    });
    const [escalated] = await listAlerts(world.deps, world.ids.director);
    expect(escalated).toMatchObject({ id: first!.id, level: 'critical', read: false });
    expect(await listAlerts(world.deps, world.ids.supervisor)).toHaveLength(1);
    expect(await listAlerts(world.deps, world.ids.otherSupervisor)).toHaveLength(0);
    const [failure] = await evaluations(world, projectId);
    expect(failure).toMatchObject({
      grade: '不合格',
      automatic: true,
      source: 'R1|2026-03-01',
      reason: expect.stringContaining('超过30日'),
    });
    expect(events.map((e) => e.kind)).toEqual(['created', 'escalated']);
    expect(events[1]!.recipientUserIds).toContain(world.ids.supervisor);

    expect(await evaluateProjectAlerts(world.deps, projectId)).toEqual({
      created: 0,
      updated: 0,
      resolved: 0,
      failures: 0,
    });
    await world.deps.database.db
      .update(projects)
      .set({ status: 'terminated' })
      .where(eq(projects.id, projectId));
    expect(await evaluateProjectAlerts(world.deps, projectId)).toMatchObject({ resolved: 1 });
    expect((await listAlerts(world.deps, world.ids.director))[0]).toMatchObject({ state: 'resolved' });
    expect(await unreadCount(world.deps, world.ids.director)).toBe(0);
    expect(await evaluations(world, projectId)).toHaveLength(1);
    unsubscribe();
  });
});

describe('R2, R4 and R5 through the engine', () => {
  it('raises R2 on day 91 past the expected completion, not on day 90', async () => {
    world = await alertWorld(shanghai('2026-04-01', '23:59:59'));
    const projectId = await world.addProject({
      startDate: '2026-03-01',
      expectedCompletionDate: '2026-01-01',
    });
    await evaluateProjectAlerts(world.deps, projectId);
    expect((await listAlerts(world.deps, world.ids.director)).filter((a) => a.rule === 'R2')).toEqual([]);
    world.clock.now = shanghai('2026-04-02');
    await evaluateProjectAlerts(world.deps, projectId);
    expect((await listAlerts(world.deps, world.ids.director)).filter((a) => a.rule === 'R2')).toHaveLength(1);
  });

  it('raises R4 from Shanghai midnight after the 25th and resolves it when the month is evaluated', async () => {
    world = await alertWorld(shanghai('2026-05-25', '23:59:59'));
    const projectId = await world.addProject({ id: 'p-main', startDate: '2026-05-01' });
    await evaluateProjectAlerts(world.deps, projectId);
    expect(await listAlerts(world.deps, world.ids.projectUser)).toEqual([]);
    world.clock.now = shanghai('2026-05-26');
    await evaluateProjectAlerts(world.deps, projectId);
    expect(await listAlerts(world.deps, world.ids.projectUser)).toEqual([
      expect.objectContaining({ rule: 'R4', state: 'open' }),
    ]);
    await addInspection(world, { projectId, origin: 'monthly', date: '2026-05-26' });
    expect(await evaluateProjectAlerts(world.deps, projectId)).toMatchObject({ resolved: 1 });
    expect(await listAlerts(world.deps, world.ids.projectUser, { state: 'open' })).toEqual([]);
  });

  it('reopens the same R5 alert, unread, when a replied rectification is returned after its deadline', async () => {
    world = await alertWorld(shanghai('2026-05-11'));
    const projectId = await world.addProject({ id: 'p-main', startDate: '2026-05-01' });
    const inspectionId = await addInspection(world, { projectId, origin: 'enterprise', date: '2026-05-02' });
    const { db } = world.deps.database;
    await db.insert(rectifications).values({
      inspectionId,
      docName: `rectification:${inspectionId}`,
      projectId,
      origin: 'enterprise',
      state: 'pending',
      deadline: '2026-05-10',
      requirement: '整改',
      rectifierName: '张三',
      rounds: 0,
      openedAt: world.clock.now,
      materializedAt: world.clock.now,
    });
    await evaluateProjectAlerts(world.deps, projectId);
    const r5 = async () =>
      (await listAlerts(world.deps, world.ids.projectUser)).filter((a) => a.rule === 'R5');
    const [opened] = await r5();
    expect(opened).toMatchObject({ state: 'open', link: `/rectifications/${inspectionId}` });
    expect((await listAlerts(world.deps, world.ids.director)).some((a) => a.id === opened!.id)).toBe(true);
    await markAlertRead(world.deps, world.ids.projectUser, opened!.id);
    await db
      .update(rectifications)
      .set({ state: 'replied' })
      .where(eq(rectifications.inspectionId, inspectionId));
    await evaluateProjectAlerts(world.deps, projectId);
    expect(await r5()).toEqual([expect.objectContaining({ id: opened!.id, state: 'resolved' })]);
    await db
      .update(rectifications)
      .set({ state: 'returned' })
      .where(eq(rectifications.inspectionId, inspectionId));
    await evaluateProjectAlerts(world.deps, projectId);
    expect(await r5()).toEqual([expect.objectContaining({ id: opened!.id, state: 'open', read: false })]);
  });
});

describe('R3 at year end through the engine', () => {
  it('records a failure on January 1 for a short year and revokes it when a late inspection of that year arrives', async () => {
    world = await alertWorld(shanghai('2026-12-31', '23:59:59'));
    const projectId = await world.addProject({
      startDate: '2026-01-01',
      registeredAt: shanghai('2026-01-05'),
    });
    await addInspection(world, { projectId, origin: 'enterprise', date: '2026-03-01' });
    await addInspection(world, { projectId, origin: 'enterprise', date: '2026-07-01' });
    await evaluateProjectAlerts(world.deps, projectId);
    expect(await evaluations(world, projectId)).toEqual([]);
    world.clock.now = shanghai('2027-01-01');
    await evaluateProjectAlerts(world.deps, projectId);
    expect(await evaluations(world, projectId)).toEqual([
      expect.objectContaining({ source: 'R3|2026', grade: '不合格', revokedAt: null }),
    ]);
    expect(await evaluateAllAlerts(world.deps)).toMatchObject({ created: 0, failures: 0 });
    await addInspection(world, { projectId, origin: 'enterprise', date: '2026-11-01' });
    await evaluateProjectAlerts(world.deps, projectId);
    const [revoked] = await evaluations(world, projectId);
    expect(revoked!.revokedAt).not.toBeNull();
    expect(
      (await listAlerts(world.deps, world.ids.director)).find(
        (a) => a.rule === 'R3' && a.title.includes('2026年'),
      ),
    ).toMatchObject({ state: 'resolved' });
  });
});

describe('a full pass', () => {
  it('lets timers, requests and sockets in between projects instead of holding the event loop to the end', async () => {
    world = await alertWorld(shanghai('2026-03-01', '09:00:00'));
    for (let i = 0; i < 5; i++) {
      await world.addProject({ id: `p-${i}`, filingNumber: `320105202600${i}`, status: 'in_construction' });
    }
    const order: string[] = [];
    const pass = evaluateAllAlerts(world.deps).then(() => order.push('pass'));
    setTimeout(() => order.push('timer'), 0);
    await pass;
    expect(order).toEqual(['timer', 'pass']);
  });
});
