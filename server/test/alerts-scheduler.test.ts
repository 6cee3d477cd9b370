import { afterEach, describe, expect, it } from 'vitest';
import { AlertScheduler } from '../src/alerts/index.js';
import { msToShanghaiMidnight } from '../src/alerts/scheduler.js';
import { listAlerts } from '../src/alerts/service.js';
import { documents } from '../src/db/schema/index.js';
import { alertWorld, shanghai, type AlertWorld } from './alert-fixtures.js';

let world: AlertWorld;
let scheduler: AlertScheduler | null = null;
afterEach(async () => {
  await scheduler?.close();
  world?.dispose();
});

async function waitFor<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('AlertScheduler', () => {
  it('re-evaluates the project a settled document belongs to once its changes pause', async () => {
    world = await alertWorld(shanghai('2026-04-05'));
    const projectId = await world.addProject({
      id: 'p-main',
      status: 'completed',
      completionFilingDate: '2026-04-01',
    });
    await world.deps.database.db.insert(documents).values({
      name: 'project:p-main',
      kind: 'project',
      id: 'p-main',
      projectId,
      creatorUserId: world.ids.director,
      createdAt: world.clock.now,
    });
    scheduler = new AlertScheduler(world.deps, { intervalMs: 3600_000, debounceMs: 10 });
    await scheduler.scheduleDocument('project:p-main');
    const alerts = await waitFor(
      () => listAlerts(world.deps, world.ids.director),
      (a) => a.length === 1,
    );
    expect(alerts[0]).toMatchObject({ rule: 'R1', daysLeft: 26 });
  });

  it('runs a full pass at start and again on its interval', async () => {
    world = await alertWorld(shanghai('2026-04-05'));
    await world.addProject({ status: 'completed', completionFilingDate: '2026-04-01' });
    scheduler = new AlertScheduler(world.deps, { intervalMs: 50, debounceMs: 10 }).start();
    await waitFor(
      () => listAlerts(world.deps, world.ids.director),
      (a) => a.length === 1,
    );
    await world.addProject({ status: 'completed', completionFilingDate: '2026-04-02' });
    await waitFor(
      () => listAlerts(world.deps, world.ids.director),
      (a) => a.length === 2,
    );
  });

  it('aims just past the next Asia/Shanghai midnight', () => {
    expect(msToShanghaiMidnight(shanghai('2026-04-05', '23:59:00'))).toBe(61_000);
    expect(msToShanghaiMidnight(shanghai('2026-04-06'))).toBe(24 * 3600_000 + 1_000);
  });
});
