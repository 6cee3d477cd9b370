import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluateProjectAlerts } from '../src/alerts/index.js';
import { terminationWorld, type TerminationWorld } from './termination-fixtures.js';

let world: TerminationWorld;
beforeEach(async () => {
  world = await terminationWorld(new Date('2026-01-10T02:00:00Z'));
});
afterEach(async () => world?.server.dispose());

const planAlerts = async () => {
  const alerts = (await (await world.login('director')).get('/api/alerts')).json.alerts as Array<{
    rule: string;
    title: string;
    state: string;
    level: string;
    body: string;
  }>;
  return alerts.filter((a) => a.rule === 'R3' && a.title.includes('检查计划'));
};

async function addMonthlyPlan() {
  const director = await world.login('director');
  const inspectors = (await director.get('/api/inspection-plans?project=3201052026002')).json.inspectors;
  const res = await director.post('/api/inspection-plans', {
    projectId: '3201052026002',
    inspectorUserId: inspectors[0].id,
    frequency: 'monthly',
    startDate: '2026-01-15',
  });
  expect(res.status).toBe(201);
  return res.json.plan;
}

describe('recurring inspection plans', () => {
  it('are set by the enterprise account only and read by everyone who reads the project', async () => {
    const plan = await addMonthlyPlan();
    expect(plan).toMatchObject({
      inspectorName: '李检查',
      frequency: 'monthly',
      frequencyLabel: '每月',
      nextDue: '2026-02-14',
      missed: [],
    });
    const body = {
      projectId: '3201052026002',
      inspectorName: '王五',
      frequency: 'quarterly',
      startDate: '2026-01-01',
    };
    for (const who of ['inspector', 'nanjing'] as const) {
      const client = await world.login(who);
      expect((await client.post('/api/inspection-plans', body)).status).toBe(403);
      const read = await client.get('/api/inspection-plans?project=3201052026002');
      expect(read.json).toMatchObject({ editable: false, inspectors: [], plans: [{ id: plan.id }] });
      expect((await client.post(`/api/inspection-plans/${plan.id}/delete`)).status).toBe(403);
    }
    const department = await world.login('department');
    expect((await department.get('/api/inspection-plans?project=3201052026002')).status).toBe(404);
    expect((await (await world.login('kunshan')).post('/api/inspection-plans', body)).status).toBe(404);
    const director = await world.login('director');
    expect((await director.post('/api/inspection-plans', { ...body, frequency: 'weekly' })).status).toBe(400);
    expect((await director.post(`/api/inspection-plans/${plan.id}/delete`)).status).toBe(200);
    expect((await director.get('/api/inspection-plans?project=3201052026002')).json.plans).toEqual([]);
  });

  it('raise R3 from the day after a period’s due date (Asia/Shanghai) with no inspection in it, and clear it when one is recorded', async () => {
    await addMonthlyPlan();
    // The first period is 2026-01-15 … 2026-02-14; 2026-02-14 23:59:59 in Shanghai is still within it.
    world.server.clock.now = new Date('2026-02-14T15:59:59Z');
    await evaluateProjectAlerts(world.server.deps, 'p-build');
    expect(await planAlerts()).toEqual([]);
    world.server.clock.now = new Date('2026-02-14T16:00:00Z');
    await evaluateProjectAlerts(world.server.deps, 'p-build');
    const [alert] = await planAlerts();
    expect(alert).toMatchObject({ state: 'open', level: 'warning' });
    expect(alert!.title).toContain('有1期未按期检查');
    expect(alert!.body).toContain('2026-01-15至2026-02-14');

    await world.addInspection('p-build', 'enterprise', '2026-02-14');
    await evaluateProjectAlerts(world.server.deps, 'p-build');
    expect(await planAlerts()).toMatchObject([{ state: 'resolved' }]);
    const plans = (await (await world.login('director')).get('/api/inspection-plans?project=p-build')).json
      .plans;
    expect(plans[0]).toMatchObject({ nextDue: '2026-03-14', missed: [] });
  });
});
